import { useMutation } from '@apollo/client';
import { useState } from 'react';
import type { SignedIn } from '../auth/principal';
import { ErrorNotice } from '../components/ErrorNotice';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { AccountChangeFields, changeInput, changeReady, newAccountChange, RoleSelect, type AccountChange } from './AccountChange';
import type { IssuedCredentials } from './AccountCredentialsList';
import { ACCOUNT_WORDS } from './UserInvite';

const ASSIGN_ROLE = graphql(`
  mutation ConsoleAssignRole($userId: ID!, $role: String!, $unitCode: String, $change: AccountChangeInput!) {
    assignRole(userId: $userId, role: $role, unitCode: $unitCode, change: $change) { id username unitCode roles enabled }
  }
`);
const DISABLE = graphql(`
  mutation ConsoleDisableUser($userId: ID!, $change: AccountChangeInput!) { disableUser(userId: $userId, change: $change) { id enabled } }
`);
const ENABLE = graphql(`
  mutation ConsoleEnableUser($userId: ID!, $change: AccountChangeInput!) { enableUser(userId: $userId, change: $change) { id enabled } }
`);
const RESET = graphql(`
  mutation ConsoleResetCredentials($userId: ID!, $change: AccountChangeInput!) {
    resetCredentials(userId: $userId, change: $change) { temporaryPassword user { id username unitCode roles } }
  }
`);

export type UserActionKind = 'assignRole' | 'disableUser' | 'enableUser' | 'resetCredentials';

export const ACTION_WORDS: Record<UserActionKind, { vi: string; en: string }> = {
  assignRole: { vi: 'Gán vai trò, đơn vị', en: 'Assign role and unit' },
  disableUser: { vi: 'Khóa', en: 'Disable' },
  enableUser: { vi: 'Mở khóa', en: 'Enable' },
  resetCredentials: { vi: 'Cấp lại mật khẩu', en: 'Reset password' },
};

const REASONS: Record<UserActionKind, { vi: string; en: string }> = {
  assignRole: { vi: 'Phân công lại vai trò, đơn vị', en: 'Role and unit reassigned' },
  disableUser: { vi: 'Khóa tài khoản', en: 'Account disabled' },
  enableUser: { vi: 'Mở lại tài khoản', en: 'Account enabled' },
  resetCredentials: { vi: 'Cấp lại mật khẩu tạm', en: 'Temporary password reissued' },
};

/** The account an action is about, as the list shows it. */
export interface ActedUser {
  id: string;
  username: string;
  unitCode?: string | null;
  roles: string[];
  successorUnitCode?: string | null;
}

interface Props {
  who: SignedIn;
  user: ActedUser;
  kind: UserActionKind;
  onDone(issued: IssuedCredentials | null): void;
  onCancel(): void;
}

/** One change to an account on a decision: a role at a unit, disabled, enabled, or a new temporary password. */
export function UserAction({ who, user, kind, onDone, onCancel }: Props) {
  const { t, tr } = useI18n();
  const [change, setChange] = useState<AccountChange>(newAccountChange(tr(REASONS[kind])));
  const [role, setRole] = useState(user.roles[0] ?? '');
  const [unitCode, setUnitCode] = useState(user.successorUnitCode ?? user.unitCode ?? '');
  const [assign, assigned] = useMutation(ASSIGN_ROLE);
  const [disable, disabled] = useMutation(DISABLE);
  const [enable, enabled] = useMutation(ENABLE);
  const [reset, wasReset] = useMutation(RESET);
  const state = { assignRole: assigned, disableUser: disabled, enableUser: enabled, resetCredentials: wasReset }[kind];
  const ready = changeReady(change) && (kind !== 'assignRole' || role !== '');
  const submit = async () => {
    const variables = { userId: user.id, change: changeInput(change) };
    if (kind === 'resetCredentials') {
      const result = await reset({ variables }).catch(() => null);
      if (result?.data) onDone(result.data.resetCredentials);
      return;
    }
    const run = {
      assignRole: () => assign({ variables: { ...variables, role, unitCode: unitCode.trim() || null } }),
      disableUser: () => disable({ variables }),
      enableUser: () => enable({ variables }),
    }[kind];
    const result = await run().catch(() => null);
    if (result?.data) onDone(null);
  };
  return (
    <form className="step-form" data-testid="user-action-form" data-action={kind} onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <strong>{tr(ACTION_WORDS[kind])}: {user.username}</strong>
      {kind === 'assignRole' && (
        <>
          <RoleSelect who={who} label={tr(ACCOUNT_WORDS.role)} value={role} onChange={setRole} />
          <label><span>{tr(ACCOUNT_WORDS.unitCode)}</span><input name="unitCode" value={unitCode} onChange={(event) => setUnitCode(event.target.value)} /></label>
        </>
      )}
      <AccountChangeFields value={change} onChange={setChange} />
      <ErrorNotice error={state.error} />
      <div className="actions">
        <button type="submit" name="confirmAction" disabled={!ready || state.loading}>{t('confirm')}</button>
        <button type="button" name="cancel" className="secondary" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
