import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { sheetName } from './sheet-name';
import { Empty } from './States';

export interface Column<Row> {
  label: string;
  /** The cell's value, also what the Excel export writes. */
  value(row: Row): string | number | null;
  /** How the cell shows on screen, when not just its value. */
  render?(row: Row): ReactNode;
}

interface Props<Row> {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  fileName: string;
  rowKey(row: Row): string;
}

/** Builds the workbook in the browser (the library loads only when asked) and hands it over as a download. */
async function exportWorkbook<Row>({ caption, columns, rows, fileName }: Props<Row>) {
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName(caption));
  sheet.addRow([caption]).font = { bold: true };
  sheet.addRow(columns.map((column) => column.label)).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column) => column.value(row)));
  columns.forEach((_, index) => (sheet.getColumn(index + 1).width = 22));
  const buffer = await workbook.xlsx.writeBuffer();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  link.download = fileName;
  link.click();
  // Revoked once the browser has taken the file: at once, some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/** Rows shown at once; the pager moves through the rest, the export takes them all. */
export const PAGE_SIZE = 50;

/** A table with its caption, pages of {@link PAGE_SIZE} rows and an Excel export of every row. */
export function DataTable<Row>(props: Props<Row>) {
  const { t } = useI18n();
  const { caption, columns, rows, rowKey } = props;
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  useEffect(() => setPage((current) => Math.min(current, pages - 1)), [pages]);
  const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return (
    <section className="table-block">
      <header className="table-head">
        <h3>{caption}</h3>
        <button type="button" className="secondary" disabled={rows.length === 0} onClick={() => void exportWorkbook(props)}>{t('exportExcel')}</button>
      </header>
      {rows.length === 0 ? <Empty /> : (
        <table>
          <thead><tr>{columns.map((column) => <th key={column.label} scope="col">{column.label}</th>)}</tr></thead>
          <tbody>
            {shown.map((row) => (
              <tr key={rowKey(row)}>{columns.map((column) => <td key={column.label}>{column.render ? column.render(row) : column.value(row)}</td>)}</tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t('pages')}>
          <button type="button" className="secondary" name="previousPage" disabled={page === 0} onClick={() => setPage(page - 1)}>‹</button>
          <span data-testid="page">{t('page')} {page + 1} / {pages} · {rows.length} {t('rows')}</span>
          <button type="button" className="secondary" name="nextPage" disabled={page === pages - 1} onClick={() => setPage(page + 1)}>›</button>
        </nav>
      )}
    </section>
  );
}
