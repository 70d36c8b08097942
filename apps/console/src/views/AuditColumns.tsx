import type { AuditService } from '../audit-trail';
import { vietnamTime } from '../audit-trail';
import type { Column } from '../components/DataTable';
import type { ConsoleAuditPageFragment } from '../gql/graphql';

export type AuditPage = ConsoleAuditPageFragment;
export type AuditRow = ConsoleAuditPageFragment['entries'][number] & { service: AuditService };
type Translate = (words: { vi: string; en: string }) => string;

const WORDS = {
  when: { vi: 'Thời điểm', en: 'When' },
  who: { vi: 'Người thực hiện', en: 'Who' },
  operation: { vi: 'Thao tác', en: 'Operation' },
  target: { vi: 'Đối tượng', en: 'Entity' },
  effective: { vi: 'Ngày hiệu lực', en: 'Effective' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  changes: { vi: 'Trước / sau', en: 'Before / after' },
  before: { vi: 'Trước', en: 'Before' },
  after: { vi: 'Sau', en: 'After' },
  fieldsRead: { vi: 'Trường đã đọc', en: 'Fields read' },
  WRITE: { vi: 'ghi', en: 'change' },
  READ: { vi: 'đọc dữ liệu cá nhân', en: 'personal data read' },
  show: { vi: 'Xem', en: 'Show' },
};

const decisionOf = (row: AuditRow): string | null =>
  row.decision ? `${row.decision.number}, ${row.decision.date}, ${row.decision.signer}${row.decision.issuer ? ` (${row.decision.issuer})` : ''}` : null;

const json = (value: unknown): string => (value === null || value === undefined ? '—' : JSON.stringify(value, null, 1));

/** What an entry changed (its state before and after) or, for a read, which fields were read in full. */
function ChangeCell({ row, tr }: { row: AuditRow; tr: Translate }) {
  if (row.kind === 'READ') return <span data-testid="audit-fields">{tr(WORDS.fieldsRead)}: {(row.fields ?? []).join(', ') || '—'}</span>;
  if (row.before == null && row.after == null) return <span>—</span>;
  return (
    <details>
      <summary>{tr(WORDS.show)}</summary>
      <strong>{tr(WORDS.before)}</strong><pre data-testid="audit-before">{json(row.before)}</pre>
      <strong>{tr(WORDS.after)}</strong><pre data-testid="audit-after">{json(row.after)}</pre>
    </details>
  );
}

/** The audit table's columns: when (Vietnam time), who, the operation, the entity, the effective date, the decision, before/after. */
export function auditColumns(tr: Translate): Column<AuditRow>[] {
  return [
    { label: tr(WORDS.when), value: (row) => vietnamTime(row.occurredAt), render: (row) => <time dateTime={row.occurredAt} data-testid="audit-when">{vietnamTime(row.occurredAt)}</time> },
    {
      label: tr(WORDS.who),
      value: (row) => `${row.actor.username} (${row.actor.role}, ${row.actor.unitCode})`,
      render: (row) => <span><span data-testid="audit-actor">{row.actor.username}</span> <small>({row.actor.role}, {row.actor.unitCode})</small></span>,
    },
    {
      label: tr(WORDS.operation),
      value: (row) => `${row.operation} (${tr(WORDS[row.kind])})`,
      render: (row) => <span><code data-testid="audit-operation">{row.operation}</code> <small data-testid="audit-kind" data-kind={row.kind}>{tr(WORDS[row.kind])}</small></span>,
    },
    {
      label: tr(WORDS.target),
      value: (row) => `${row.target.type}: ${row.target.label}`,
      render: (row) => <span data-testid="audit-target" data-type={row.target.type}><small>{row.target.type}</small> {row.target.label}</span>,
    },
    { label: tr(WORDS.effective), value: (row) => row.effectiveDate ?? null },
    { label: tr(WORDS.decision), value: decisionOf, render: (row) => <span data-testid="audit-decision">{decisionOf(row) ?? '—'}</span> },
    { label: tr(WORDS.changes), value: (row) => (row.kind === 'READ' ? (row.fields ?? []).join(', ') : `${json(row.before)} → ${json(row.after)}`), render: (row) => <ChangeCell row={row} tr={tr} /> },
  ];
}
