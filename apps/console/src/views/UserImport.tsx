import { useMutation, type ApolloError } from '@apollo/client';
import { useState } from 'react';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { base64Parts, importFormatOf, MAX_IMPORT_FILE_BYTES } from '../import-file';
import { AccountChangeFields, changeInput, changeReady, newAccountChange } from './AccountChange';
import type { IssuedCredentials } from './AccountCredentialsList';

const IMPORT_USERS = graphql(`
  mutation ConsoleImportUsers($input: ImportUsersInput!) {
    importUsers(input: $input) {
      imported rejected
      rejects { row field code message }
      accounts { temporaryPassword user { id username unitCode roles } }
    }
  }
`);

interface Reject {
  row: number;
  field: string;
  code: string;
  message: string;
}

const WORDS = {
  title: { vi: 'Nhập tài khoản từ tệp CSV hoặc Excel (.xlsx)', en: 'Import accounts from a CSV or Excel (.xlsx) file' },
  columns: { vi: 'Các cột: Tên đăng nhập, Họ, Tên, Thư điện tử, Mã đơn vị, Vai trò, Cơ quan; tất cả hoặc không.', en: 'Columns: Tên đăng nhập, Họ, Tên, Thư điện tử, Mã đơn vị, Vai trò, Cơ quan; all rows or none.' },
  file: { vi: 'Tệp', en: 'File' },
  reason: { vi: 'Cấp tài khoản theo danh sách', en: 'Accounts granted from a list' },
  wrongFormat: { vi: 'Chỉ nhận tệp .csv hoặc .xlsx', en: 'Only .csv or .xlsx files' },
  tooLarge: { vi: 'Tệp quá lớn để gửi một lần (tối đa 768 KB): hãy chia tệp', en: 'The file is too large to send at once (768 KB at most): split it' },
  imported: { vi: 'Đã tạo', en: 'Created' },
  rejected: { vi: 'Dòng bị từ chối (không tạo tài khoản nào)', en: 'Rows refused (no account created)' },
  rejects: { vi: 'Các ô bị từ chối', en: 'Refused cells' },
  missing: { vi: 'Cột còn thiếu', en: 'Columns missing' },
  row: { vi: 'Dòng', en: 'Row' },
  field: { vi: 'Cột', en: 'Column' },
  reasonCode: { vi: 'Mã lý do', en: 'Reason code' },
  message: { vi: 'Lý do', en: 'Why' },
  send: { vi: 'Nhập', en: 'Import' },
};

/** The cells and missing columns a refused import's error details name, when they do. */
function refusalDetails(error: ApolloError | undefined): { rejects: Reject[]; missing: string[] } {
  const details = (error?.graphQLErrors ?? []).map((item) => item.extensions?.details as { rejects?: unknown; missing?: unknown } | undefined);
  const rejects = details.flatMap((detail) => (Array.isArray(detail?.rejects) ? (detail.rejects as Reject[]) : []));
  const missing = details.flatMap((detail) => (Array.isArray(detail?.missing) ? (detail.missing as string[]) : []));
  return { rejects, missing };
}

/** Rejected cells: row in the file (the header is row 1), column, reason code and why. */
function RejectsTable({ rejects }: { rejects: Reject[] }) {
  const { tr } = useI18n();
  return (
    <DataTable
      caption={tr(WORDS.rejects)}
      fileName="tai-khoan-bi-tu-choi.xlsx"
      rows={rejects}
      rowKey={(reject) => `${reject.row}:${reject.field}:${reject.code}`}
      columns={[
        { label: tr(WORDS.row), value: (reject) => reject.row, render: (reject) => <span data-testid="reject-row">{reject.row}</span> },
        { label: tr(WORDS.field), value: (reject) => reject.field, render: (reject) => <span data-testid="reject-field">{reject.field}</span> },
        { label: tr(WORDS.reasonCode), value: (reject) => reject.code, render: (reject) => <span data-testid="reject-code">{reject.code}</span> },
        { label: tr(WORDS.message), value: (reject) => reject.message },
      ]}
    />
  );
}

/** Accounts from a file, all or none: what was refused, cell by cell, or the accounts created with their passwords. */
export function UserImport({ onDone, onCancel }: { onDone(issued: IssuedCredentials[]): void; onCancel(): void }) {
  const { t, tr } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [change, setChange] = useState(newAccountChange(tr(WORDS.reason)));
  const [run, { data, loading, error }] = useMutation(IMPORT_USERS);
  const format = file ? importFormatOf(file.name) : null;
  const tooLarge = file !== null && file.size > MAX_IMPORT_FILE_BYTES;
  const ready = file !== null && format !== null && !tooLarge && changeReady(change);
  const submit = async () => {
    if (!file || !format) return;
    const contentBase64 = base64Parts(new Uint8Array(await file.arrayBuffer()));
    const result = await run({ variables: { input: { format, contentBase64, change: changeInput(change) } } }).catch(() => null);
    const accounts = result?.data?.importUsers.accounts ?? [];
    if (accounts.length > 0) onDone(accounts);
  };
  const answer = data?.importUsers;
  const refused = refusalDetails(error);
  const rejects = answer && answer.rejects.length > 0 ? answer.rejects : refused.rejects;
  return (
    <form className="step-form" data-testid="import-form" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <h3>{tr(WORDS.title)}</h3>
      <p className="muted">{tr(WORDS.columns)}</p>
      <label>
        <span>{tr(WORDS.file)}</span>
        <input type="file" name="importFile" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      </label>
      {file && !format && <p className="notice error" role="alert">{tr(WORDS.wrongFormat)}</p>}
      {tooLarge && <p className="notice error" role="alert">{tr(WORDS.tooLarge)}</p>}
      <AccountChangeFields value={change} onChange={setChange} />
      <ErrorNotice error={error} />
      {refused.missing.length > 0 && <p data-testid="import-missing-columns">{tr(WORDS.missing)}: {refused.missing.join(', ')}</p>}
      {answer && (
        <p data-testid="import-result">
          {tr(WORDS.imported)}: <strong data-testid="import-imported">{answer.imported}</strong> · {tr(WORDS.rejected)}: <strong data-testid="import-rejected">{answer.rejected}</strong>
        </p>
      )}
      {rejects.length > 0 && <RejectsTable rejects={rejects} />}
      <div className="actions">
        <button type="submit" name="confirmImport" disabled={!ready || loading}>{tr(WORDS.send)}</button>
        <button type="button" name="cancel" className="secondary" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
