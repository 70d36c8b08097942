import { DataTable } from '../components/DataTable';
import { useI18n } from '../i18n/i18n';
import type { FiledPerson } from './PersonDetails';
import { decisionLine, enumWord } from './person-words';

const WORDS = {
  rewards: { vi: 'Khen thưởng', en: 'Rewards' },
  disciplines: { vi: 'Kỷ luật', en: 'Disciplines' },
  ratings: { vi: 'Lịch sử xếp loại', en: 'Rating history' },
  form: { vi: 'Hình thức', en: 'Form' },
  rewardTitle: { vi: 'Danh hiệu, nội dung', en: 'Title' },
  system: { vi: 'Loại kỷ luật', en: 'System' },
  from: { vi: 'Hiệu lực từ', en: 'From' },
  until: { vi: 'Đến', en: 'Until' },
  reason: { vi: 'Lý do', en: 'Reason' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  year: { vi: 'Năm', en: 'Year' },
  subject: { vi: 'Với tư cách', en: 'Rated as' },
  level: { vi: 'Mức xếp loại', en: 'Level' },
  points: { vi: 'Điểm', en: 'Points' },
  ruleSet: { vi: 'Bộ quy tắc', en: 'Rule set' },
  revision: { vi: 'Lần quyết định', en: 'Revision' },
  appeal: { vi: 'sau khiếu nại', en: 'after an appeal' },
  titleIn: { vi: 'Chức danh, đơn vị khi đánh giá', en: 'Title and unit rated in' },
};

/** Rewards and disciplines up to the date (oldest first) and the rating history (newest year first). */
export function PersonRecords({ person, titleOf }: { person: FiledPerson; titleOf(code: string): string }) {
  const { tr } = useI18n();
  const file = `${person.id}-${person.asOf}`;
  return (
    <>
      <DataTable
        caption={tr(WORDS.rewards)}
        fileName={`khen-thuong-${file}.xlsx`}
        rows={person.rewards}
        rowKey={(reward) => reward.id}
        columns={[
          { label: tr(WORDS.from), value: (reward) => reward.validFrom },
          { label: tr(WORDS.form), value: (reward) => enumWord(tr, 'rewardForm', reward.form), render: (reward) => <span data-testid="reward-form" data-form={reward.form}>{enumWord(tr, 'rewardForm', reward.form)}</span> },
          { label: tr(WORDS.rewardTitle), value: (reward) => reward.title, render: (reward) => <span data-testid="reward-title">{reward.title}</span> },
          { label: tr(WORDS.decision), value: (reward) => decisionLine(reward.decision) },
        ]}
      />
      <DataTable
        caption={tr(WORDS.disciplines)}
        fileName={`ky-luat-${file}.xlsx`}
        rows={person.disciplines}
        rowKey={(discipline) => discipline.id}
        columns={[
          { label: tr(WORDS.from), value: (discipline) => discipline.validFrom },
          { label: tr(WORDS.until), value: (discipline) => discipline.validTo ?? null },
          { label: tr(WORDS.system), value: (discipline) => enumWord(tr, 'disciplineSystem', discipline.system) },
          { label: tr(WORDS.form), value: (discipline) => enumWord(tr, 'disciplineForm', discipline.form), render: (discipline) => <span data-testid="discipline-form" data-form={discipline.form}>{enumWord(tr, 'disciplineForm', discipline.form)}</span> },
          { label: tr(WORDS.reason), value: (discipline) => discipline.reason ?? null },
          { label: tr(WORDS.decision), value: (discipline) => decisionLine(discipline.decision) },
        ]}
      />
      <DataTable
        caption={tr(WORDS.ratings)}
        fileName={`xep-loai-${file}.xlsx`}
        rows={person.ratingHistory}
        rowKey={(rating) => `${rating.evaluationId}:${rating.revision}`}
        columns={[
          { label: tr(WORDS.year), value: (rating) => rating.year, render: (rating) => <span data-testid="rating-year">{rating.year}</span> },
          { label: tr(WORDS.subject), value: (rating) => enumWord(tr, 'subject', rating.subject) },
          { label: tr(WORDS.level), value: (rating) => enumWord(tr, 'level', rating.level), render: (rating) => <span data-testid="rating-level" data-level={rating.level}>{enumWord(tr, 'level', rating.level)}</span> },
          { label: tr(WORDS.points), value: (rating) => rating.points ?? null },
          { label: tr(WORDS.titleIn), value: (rating) => `${titleOf(rating.titleCode)} · ${rating.unitCode}` },
          { label: tr(WORDS.ruleSet), value: (rating) => `${rating.ruleSet} (${rating.ruleSource})` },
          { label: tr(WORDS.revision), value: (rating) => `${rating.revision}${rating.appealId ? ` (${tr(WORDS.appeal)})` : ''}, ${rating.effectiveDate}` },
        ]}
      />
    </>
  );
}
