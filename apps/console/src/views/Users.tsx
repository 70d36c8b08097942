import { useQuery } from '@apollo/client';
import { useState } from 'react';
import type { SignedIn } from '../auth/principal';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/States';
import { graphql } from '../gql';
import type { ConsoleUsersQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { useBodyName } from './AccountChange';
import { AccountCredentialsList, type IssuedCredentials } from './AccountCredentialsList';
import { ACTION_WORDS, UserAction, type UserActionKind } from './UserAction';
import { UserImport } from './UserImport';
import { ACCOUNT_WORDS, UserInvite } from './UserInvite';
import type { ViewProps } from './view-props';

const USERS = graphql(`
  query ConsoleUsers($unitCode: String!) {
    users(unitCode: $unitCode) {
      id username firstName lastName email enabled unitCode unitName body roles
      mustChangePassword needsReassignment unitEndedOn successorUnitCode
    }
  }
`);

type Account = ConsoleUsersQuery['users'][number];

const WORDS = {
  title: { vi: 'Tài khoản', en: 'Accounts' },
  adminsOnly: { vi: 'Chỉ quản trị viên xem và quản lý tài khoản.', en: 'Only administrators see and manage accounts.' },
  invite: { vi: 'Tạo tài khoản', en: 'Invite' },
  importUsers: { vi: 'Nhập từ tệp', en: 'Import a file' },
  name: { vi: 'Họ và tên', en: 'Name' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  state: { vi: 'Trạng thái', en: 'State' },
  enabled: { vi: 'Đang hoạt động', en: 'Enabled' },
  disabled: { vi: 'Đã khóa', en: 'Disabled' },
  mustChange: { vi: 'chờ đổi mật khẩu tạm', en: 'temporary password to change' },
  reassign: { vi: 'Cần chuyển đơn vị', en: 'To be reassigned' },
  endedOn: { vi: 'đơn vị hết hiệu lực từ', en: 'unit ceased on' },
  successor: { vi: 'đơn vị kế thừa', en: 'successor' },
  done: { vi: 'Đã thực hiện', en: 'Done' },
};

type Panel = 'invite' | 'import' | null;

/** Account state: enabled or disabled, a temporary password pending, and the flag of a ceased unit's account. */
function AccountState({ account }: { account: Account }) {
  const { tr } = useI18n();
  return (
    <span>
      <span data-testid="user-enabled" data-enabled={account.enabled ? 'true' : 'false'}>{tr(account.enabled ? WORDS.enabled : WORDS.disabled)}</span>
      {account.mustChangePassword && <span className="muted"> · {tr(WORDS.mustChange)}</span>}
      {account.needsReassignment && (
        <strong data-testid="needs-reassignment">
          {' '}⚠ {tr(WORDS.reassign)} ({tr(WORDS.endedOn)} {account.unitEndedOn ?? '—'}{account.successorUnitCode ? `; ${tr(WORDS.successor)} ${account.successorUnitCode}` : ''})
        </strong>
      )}
    </span>
  );
}

/** The columns of the accounts table; the last one holds an administrator's actions. */
function useColumns(actions: Column<Account> | null): Column<Account>[] {
  const { tr } = useI18n();
  const bodyName = useBodyName();
  const columns: Column<Account>[] = [
    { label: tr(ACCOUNT_WORDS.username), value: (user) => user.username, render: (user) => <span data-testid="user-username">{user.username}</span> },
    { label: tr(WORDS.name), value: (user) => [user.lastName, user.firstName].filter(Boolean).join(' ') || null },
    { label: tr(ACCOUNT_WORDS.email), value: (user) => user.email ?? null },
    { label: tr(ACCOUNT_WORDS.role), value: (user) => user.roles.join(', '), render: (user) => <span data-testid="user-roles">{user.roles.join(', ') || '—'}</span> },
    { label: tr(WORDS.unit), value: (user) => (user.unitCode ? `${user.unitName ?? ''} (${user.unitCode})`.trim() : null), render: (user) => <span data-testid="user-unit">{user.unitName ?? ''} ({user.unitCode ?? '—'})</span> },
    { label: tr(ACCOUNT_WORDS.body), value: (user) => bodyName(user.body) || null },
    { label: tr(WORDS.state), value: (user) => `${tr(user.enabled ? WORDS.enabled : WORDS.disabled)}${user.needsReassignment ? ` · ${tr(WORDS.reassign)}` : ''}`, render: (user) => <AccountState account={user} /> },
  ];
  return actions ? [...columns, actions] : columns;
}

/** An administrator's buttons on one account, or the form of the action chosen. */
function actionsColumn(who: SignedIn, acting: { id: string; kind: UserActionKind } | null, setActing: (next: { id: string; kind: UserActionKind } | null) => void, done: (issued: IssuedCredentials | null) => void, tr: (words: { vi: string; en: string }) => string): Column<Account> {
  return {
    label: '',
    value: () => null,
    render: (user) => acting?.id === user.id ? (
      <UserAction who={who} user={user} kind={acting.kind} onCancel={() => setActing(null)} onDone={done} />
    ) : (
      <span className="actions">
        {(['assignRole', user.enabled ? 'disableUser' : 'enableUser', 'resetCredentials'] as const).map((kind) => (
          <button key={kind} type="button" name={kind} className={kind === 'assignRole' && user.needsReassignment ? undefined : 'secondary'} onClick={() => setActing({ id: user.id, kind })}>{tr(ACTION_WORDS[kind])}</button>
        ))}
      </span>
    ),
  };
}

/** The accounts of a unit (username, name, e-mail, role, unit, state); administrators invite, change, disable, reset and import them. */
export function Users({ who, unitCode }: ViewProps) {
  const { tr } = useI18n();
  const admin = who.capability === 'admin';
  const { data, loading, error, refetch } = useQuery(USERS, { variables: { unitCode }, skip: !admin, fetchPolicy: 'network-only' });
  const [panel, setPanel] = useState<Panel>(null);
  const [acting, setActing] = useState<{ id: string; kind: UserActionKind } | null>(null);
  const [issued, setIssued] = useState<IssuedCredentials[]>([]);
  const [notice, setNotice] = useState(false);
  const done = (credentials: IssuedCredentials | null) => {
    setActing(null);
    setIssued(credentials ? [credentials] : []);
    setNotice(true);
    void refetch();
  };
  const columns = useColumns(admin ? actionsColumn(who, acting, (next) => { setActing(next); setNotice(false); }, done, tr) : null);
  if (!admin) return <div className="view"><h2>{tr(WORDS.title)}</h2><p className="notice" data-testid="users-admins-only">{tr(WORDS.adminsOnly)}</p></div>;
  const accounts = data?.users ?? [];
  return (
    <div className="view">
      <h2>{tr(WORDS.title)} ({unitCode})</h2>
      <div className="actions">
        <button type="button" name="invite" onClick={() => setPanel(panel === 'invite' ? null : 'invite')}>{tr(WORDS.invite)}</button>
        <button type="button" name="importUsers" className="secondary" onClick={() => setPanel(panel === 'import' ? null : 'import')}>{tr(WORDS.importUsers)}</button>
      </div>
      {notice && issued.length === 0 && <p className="notice" role="status" data-testid="user-action-done">{tr(WORDS.done)}</p>}
      <AccountCredentialsList issued={issued} onClose={() => setIssued([])} />
      {panel === 'invite' && <UserInvite who={who} unitCode={unitCode} onCancel={() => setPanel(null)} onDone={(credentials) => { setPanel(null); done(credentials); }} />}
      {panel === 'import' && <UserImport onCancel={() => setPanel(null)} onDone={(accounts) => { setIssued(accounts); void refetch(); }} />}
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : (
        <DataTable caption={`${tr(WORDS.title)}: ${unitCode}`} fileName={`tai-khoan-${unitCode}.xlsx`} rows={accounts} rowKey={(user) => user.id} columns={columns} />
      )}
    </div>
  );
}
