import { useMutation } from '@apollo/client';
import { useState } from 'react';
import type { SignedIn } from '../auth/principal';
import { ErrorNotice } from '../components/ErrorNotice';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { AccountChangeFields, BodySelect, changeInput, changeReady, newAccountChange, RoleSelect } from './AccountChange';
import type { IssuedCredentials } from './AccountCredentialsList';

const INVITE = graphql(`
  mutation ConsoleInviteUser($input: InviteUserInput!, $change: AccountChangeInput!) {
    inviteUser(input: $input, change: $change) { temporaryPassword user { id username unitCode roles } }
  }
`);

export const ACCOUNT_WORDS = {
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  lastName: { vi: 'Họ', en: 'Last name' },
  firstName: { vi: 'Tên', en: 'First name' },
  email: { vi: 'Thư điện tử', en: 'E-mail' },
  unitCode: { vi: 'Mã đơn vị', en: 'Unit code' },
  role: { vi: 'Vai trò', en: 'Role' },
  body: { vi: 'Cơ quan tham mưu', en: 'Advisory body' },
};

const WORDS = {
  title: { vi: 'Tạo tài khoản', en: 'Invite an account' },
  reason: { vi: 'Cấp tài khoản quản trị, nghiệp vụ', en: 'Account granted' },
  usernameHint: { vi: '3–64 ký tự a–z, 0–9, dấu chấm, gạch', en: '3–64 characters a–z, 0–9, dot, hyphen' },
};

interface Props {
  who: SignedIn;
  unitCode: string;
  onDone(issued: IssuedCredentials): void;
  onCancel(): void;
}

/** A new account for a unit of the territory with one role, on a decision; answers its temporary password once. */
export function UserInvite({ who, unitCode, onDone, onCancel }: Props) {
  const { t, tr } = useI18n();
  const [account, setAccount] = useState({ username: '', lastName: '', firstName: '', email: '', unitCode, role: '', body: '' });
  const [change, setChange] = useState(newAccountChange(tr(WORDS.reason)));
  const [invite, { loading, error }] = useMutation(INVITE);
  const set = (part: Partial<typeof account>) => setAccount({ ...account, ...part });
  const ready = account.username.trim() && account.lastName.trim() && account.firstName.trim() && account.unitCode.trim() && account.role && changeReady(change);
  const submit = async () => {
    const input = { ...account, email: account.email.trim() || null, body: account.body || null, unitCode: account.unitCode.trim(), username: account.username.trim() };
    const result = await invite({ variables: { input, change: changeInput(change) } }).catch(() => null);
    if (result?.data) onDone(result.data.inviteUser);
  };
  const text = (name: 'username' | 'lastName' | 'firstName' | 'email' | 'unitCode', required = true) => (
    <label key={name}>
      <span>{tr(ACCOUNT_WORDS[name])}</span>
      <input name={name} required={required} type={name === 'email' ? 'email' : 'text'} value={account[name]} title={name === 'username' ? tr(WORDS.usernameHint) : undefined} onChange={(event) => set({ [name]: event.target.value })} />
    </label>
  );
  return (
    <form className="step-form" data-testid="invite-form" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <h3>{tr(WORDS.title)}</h3>
      {text('username')}{text('lastName')}{text('firstName')}{text('email', false)}{text('unitCode')}
      <RoleSelect who={who} label={tr(ACCOUNT_WORDS.role)} value={account.role} onChange={(role) => set({ role })} />
      <BodySelect label={tr(ACCOUNT_WORDS.body)} value={account.body} onChange={(body) => set({ body })} />
      <AccountChangeFields value={change} onChange={setChange} />
      <ErrorNotice error={error} />
      <div className="actions">
        <button type="submit" name="confirmInvite" disabled={!ready || loading}>{t('confirm')}</button>
        <button type="button" name="cancel" className="secondary" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
