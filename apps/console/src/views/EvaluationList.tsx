import { useQuery } from '@apollo/client';
import { useState } from 'react';
import { canWrite, type SignedIn } from '../auth/principal';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/States';
import { graphql } from '../gql';
import type { ConsoleEvaluationsQuery } from '../gql/graphql';
import { useI18n, type Bilingual } from '../i18n/i18n';
import { quotaStandings } from '../rating-quota';
import { EvaluationStep, isStepStatus, STEP_TEXT } from './EvaluationStep';
import { QuotaPanel } from './QuotaPanel';
import { RatingDecision, type Proposed } from './RatingDecision';
import { AWAITED_WORDS, STATUS_WORDS, SUBJECT_WORDS, type Status } from './rating-words';

const EVALUATIONS = graphql(`
  query ConsoleEvaluations($code: ID!, $year: Int!, $status: EvaluationStatus, $yearEnd: LocalDate!) {
    evaluations(unitCode: $code, year: $year, status: $status) {
      id personId fullName unitCode organizationId titleCode subject year dutyGroup leader status selfLevel proposedLevel level points decidedOn revision
    }
    everyStatus: evaluations(unitCode: $code, year: $year) {
      id fullName unitCode organizationId titleCode subject year dutyGroup leader status proposedLevel level
    }
    ratingRuleSets(asOf: $yearEnd) { id code appliesTo sourceDocument quotas { level ofLevel maxPercent scope article } }
  }
`);

type Row = ConsoleEvaluationsQuery['evaluations'][number];

const W = {
  list: { vi: 'Phiếu đánh giá, xếp loại năm', en: 'Evaluations of the year' },
  person: { vi: 'Họ và tên', en: 'Full name' },
  title: { vi: 'Chức danh', en: 'Title' },
  subject: { vi: 'Đối tượng', en: 'Subject' },
  status: { vi: 'Trạng thái', en: 'Status' },
  awaits: { vi: 'Chờ bước', en: 'Waits for' },
  self: { vi: 'Tự xếp loại', en: 'Self-assessed' },
  proposed: { vi: 'Mức đề xuất', en: 'Proposed' },
  decided: { vi: 'Mức quyết định', en: 'Decided' },
  points: { vi: 'Điểm', en: 'Points' },
  leader: { vi: 'lãnh đạo', en: 'leader' },
  decide: { vi: 'Quyết định', en: 'Decide' },
  decideAll: { vi: 'Quyết định xếp loại các phiếu đã đề xuất', en: 'Decide every proposed evaluation' },
};

/** Who is evaluated, where the evaluation stands, the step it waits for and its levels. */
function evaluationColumns(tr: (text: Bilingual) => string): Column<Row>[] {
  return [
    { label: tr(W.person), value: (row) => row.fullName, render: (row) => <span data-testid="evaluation-person" data-id={row.id}>{row.fullName}{row.leader ? ` (${tr(W.leader)})` : ''}</span> },
    { label: tr(W.title), value: (row) => row.titleCode },
    { label: tr(W.subject), value: (row) => tr(SUBJECT_WORDS[row.subject] ?? { vi: row.subject, en: row.subject }) },
    { label: tr(W.status), value: (row) => tr(STATUS_WORDS[row.status]), render: (row) => <span data-testid="evaluation-status" data-status={row.status}>{tr(STATUS_WORDS[row.status])}</span> },
    { label: tr(W.awaits), value: (row) => tr(AWAITED_WORDS[row.status]), render: (row) => <span data-testid="evaluation-awaits">{tr(AWAITED_WORDS[row.status])}</span> },
    { label: tr(W.self), value: (row) => row.selfLevel ?? null },
    { label: tr(W.proposed), value: (row) => row.proposedLevel ?? null, render: (row) => <span data-testid="proposed-level">{row.proposedLevel ?? '—'}</span> },
    { label: tr(W.decided), value: (row) => row.level ?? null, render: (row) => <strong data-testid="decided-level">{row.level ?? '—'}</strong> },
    { label: tr(W.points), value: (row) => row.points ?? null },
  ];
}

interface Props {
  who: SignedIn;
  unitCode: string;
  year: number;
  status: Status | null;
  /** Organization names by id, from the rating report. */
  organizationNames: ReadonlyMap<string, string>;
}

type Acting = { kind: 'step'; id: string } | { kind: 'decide'; ids: string[] } | null;

/** The unit's evaluations of a year, filtered by status: where each stands, its levels, quota warnings and, for officers, the next step. */
export function EvaluationList({ who, unitCode, year, status, organizationNames }: Props) {
  const { tr } = useI18n();
  const [acting, setActing] = useState<Acting>(null);
  const { data, loading, error } = useQuery(EVALUATIONS, { variables: { code: unitCode, year, status, yearEnd: `${year}-12-31` } });
  const rows = data?.evaluations ?? [];
  const every = data?.everyStatus ?? [];
  const standings = quotaStandings(data?.ratingRuleSets ?? [], every);
  const awaitingDecision: Proposed[] = every.filter((evaluation) => evaluation.status === 'PROPOSED');
  const deciding = acting?.kind === 'decide' ? every.filter((evaluation) => acting.ids.includes(evaluation.id)) : [];
  const columns = evaluationColumns(tr);
  const actionColumn: Column<Row> = {
    label: '',
    value: () => null,
    render: (row) => {
      if (acting?.kind === 'step' && acting.id === row.id && isStepStatus(row.status)) {
        return <EvaluationStep evaluation={row} status={row.status} onCancel={() => setActing(null)} onDone={() => setActing(null)} />;
      }
      if (isStepStatus(row.status)) return <button type="button" name="nextStep" data-id={row.id} onClick={() => setActing({ kind: 'step', id: row.id })}>{tr(STEP_TEXT[row.status].action)}</button>;
      if (row.status === 'PROPOSED') return <button type="button" name="decide" data-id={row.id} onClick={() => setActing({ kind: 'decide', ids: [row.id] })}>{tr(W.decide)}</button>;
      return null;
    },
  };
  return (
    <section className="evaluations" aria-label={tr(W.list)}>
      <ErrorNotice error={error} />
      <QuotaPanel standings={standings} organizationNames={organizationNames} />
      {canWrite(who) && awaitingDecision.length > 0 && acting?.kind !== 'decide' && (
        <button type="button" name="decideAll" onClick={() => setActing({ kind: 'decide', ids: awaitingDecision.map((evaluation) => evaluation.id) })}>
          {tr(W.decideAll)} ({awaitingDecision.length})
        </button>
      )}
      {canWrite(who) && acting?.kind === 'decide' && <RatingDecision key={acting.ids.join()} evaluations={deciding} onDone={() => setActing(null)} onCancel={() => setActing(null)} />}
      {loading && !data ? <Loading /> : (
        <DataTable
          caption={`${tr(W.list)} ${year}${status ? ` — ${tr(STATUS_WORDS[status])}` : ''}`}
          fileName={`phieu-danh-gia-${unitCode}-${year}${status ? `-${status.toLowerCase()}` : ''}.xlsx`}
          rows={rows}
          rowKey={(row) => row.id}
          columns={canWrite(who) ? [...columns, actionColumn] : columns}
        />
      )}
    </section>
  );
}
