import { DataTable } from '../components/DataTable';
import { useI18n } from '../i18n/i18n';
import type { QuotaStanding } from '../rating-quota';
import { SCOPE_WORDS, SUBJECT_WORDS, WORDS } from './rating-words';

const W = {
  title: { vi: 'Tỷ lệ xếp loại theo quy định', en: 'Rating quotas' },
  over: { vi: 'Vượt tỷ lệ cho phép', en: 'Over the share allowed' },
  within: { vi: 'Trong tỷ lệ', en: 'Within' },
  warning: { vi: 'Có nhóm vượt tỷ lệ xếp loại cho phép: người đứng đầu không thể quyết định như hiện đề xuất', en: 'Some groups are over a rating quota: the head cannot decide them as proposed' },
  quota: { vi: 'Quy định', en: 'Quota' },
  scope: { vi: 'Phạm vi', en: 'Scope' },
  dutyGroup: { vi: 'Nhóm nhiệm vụ', en: 'Duty group' },
  rated: { vi: 'Số được xếp / đề xuất', en: 'Rated or proposed' },
  allowed: { vi: 'Tối đa', en: 'Allowed' },
  base: { vi: 'Căn cứ tính', en: 'Counted against' },
  proposedOnly: { vi: 'trong đó chờ quyết định', en: 'of which awaiting decision' },
  standing: { vi: 'Đánh giá', en: 'Standing' },
  subject: { vi: 'Đối tượng', en: 'Subject' },
};

/** Each group's count at a quota's level against what the rule set in force allows (decided levels, else proposed), groups over it flagged. */
export function QuotaPanel({ standings, organizationNames }: { standings: QuotaStanding[]; organizationNames: ReadonlyMap<string, string> }) {
  const { tr } = useI18n();
  const over = standings.filter((standing) => standing.over);
  return (
    <>
      {over.length > 0 && <div className="notice" role="status" data-testid="quota-warnings" data-count={over.length}>⚠ {tr(W.warning)} ({over.length})</div>}
      <DataTable
        caption={tr(W.title)}
        fileName="ty-le-xep-loai.xlsx"
        rows={standings}
        rowKey={(row) => `${row.ruleSet}:${row.rule.level}:${row.rule.ofLevel}:${row.rule.scope}:${row.organizationId}:${row.dutyGroup ?? ''}`}
        columns={[
          { label: tr(WORDS.organization), value: (row) => organizationNames.get(row.organizationId) ?? row.organizationId },
          { label: tr(W.dutyGroup), value: (row) => row.dutyGroup },
          { label: tr(W.subject), value: (row) => tr(SUBJECT_WORDS[row.subject] ?? { vi: row.subject, en: row.subject }) },
          { label: tr(W.quota), value: (row) => `${row.rule.level} ≤ ${row.rule.maxPercent}% ${row.rule.ofLevel} (${row.ruleSet}, ${row.rule.article})` },
          { label: tr(W.scope), value: (row) => tr(SCOPE_WORDS[row.rule.scope]) },
          {
            label: tr(W.rated),
            value: (row) => row.count,
            render: (row) => <span data-testid="quota-count">{row.count} {row.rule.level}{row.proposed > 0 ? ` (${tr(W.proposedOnly)} ${row.proposed})` : ''}</span>,
          },
          { label: tr(W.allowed), value: (row) => row.allowed, render: (row) => <span data-testid="quota-allowed">{row.allowed}</span> },
          { label: tr(W.base), value: (row) => `${row.ofCount} ${row.rule.ofLevel}` },
          {
            label: tr(W.standing),
            value: (row) => tr(row.over ? W.over : W.within),
            render: (row) => row.over
              ? <strong data-testid="quota-over" style={{ color: '#b71c1c' }}>⚠ {tr(W.over)}</strong>
              : <span data-testid="quota-within">{tr(W.within)}</span>,
          },
        ]}
      />
    </>
  );
}
