import { DataTable } from '../components/DataTable';
import { useI18n } from '../i18n/i18n';

/** An account with the temporary password the gateway answered once. */
export interface IssuedCredentials {
  temporaryPassword: string;
  user: { id: string; username: string; unitCode?: string | null; roles: string[] };
}

const WORDS = {
  caption: { vi: 'Mật khẩu tạm (chỉ hiện một lần, phải đổi ở lần đăng nhập đầu)', en: 'Temporary passwords (shown once, changed at the first sign-in)' },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  password: { vi: 'Mật khẩu tạm', en: 'Temporary password' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  role: { vi: 'Vai trò', en: 'Role' },
  close: { vi: 'Đã ghi lại, đóng', en: 'Noted, close' },
};

/** The temporary passwords just issued, to hand over now: they are not shown again. */
export function AccountCredentialsList({ issued, onClose }: { issued: IssuedCredentials[]; onClose(): void }) {
  const { tr } = useI18n();
  if (issued.length === 0) return null;
  return (
    <section className="notice" role="status" data-testid="credentials">
      <DataTable
        caption={tr(WORDS.caption)}
        fileName="mat-khau-tam.xlsx"
        rows={issued}
        rowKey={(item) => item.user.id}
        columns={[
          { label: tr(WORDS.username), value: (item) => item.user.username, render: (item) => <span data-testid="credential-username">{item.user.username}</span> },
          { label: tr(WORDS.password), value: (item) => item.temporaryPassword, render: (item) => <code data-testid="temporary-password">{item.temporaryPassword}</code> },
          { label: tr(WORDS.unit), value: (item) => item.user.unitCode ?? null },
          { label: tr(WORDS.role), value: (item) => item.user.roles.join(', ') },
        ]}
      />
      <button type="button" name="closeCredentials" className="secondary" onClick={onClose}>{tr(WORDS.close)}</button>
    </section>
  );
}
