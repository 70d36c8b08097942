import { DataTable } from '../components/DataTable';
import type { ConsolePlansQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { figure, percent, PLAN_STATUS_WORDS, PLAN_WORDS, STANDING_WORDS } from './plan-words';

type Plan = NonNullable<NonNullable<ConsolePlansQuery['unit']>['plans']>[number];
type Indicator = Plan['indicators'][number];
type Task = Plan['tasks'][number];

const W = {
  resolution: { vi: 'Thực hiện nghị quyết, kết luận', en: 'Implements' },
  status: { vi: 'Trạng thái', en: 'Status' },
  inForce: { vi: 'Hiệu lực', en: 'In force' },
  adopted: { vi: 'Ban hành theo', en: 'Adopted by' },
  goals: { vi: 'Mục tiêu', en: 'Goals' },
  goal: { vi: 'Nội dung mục tiêu', en: 'Goal' },
  targetYear: { vi: 'Đến năm', en: 'Target year' },
  tasks: { vi: 'Nhiệm vụ', en: 'Tasks' },
  task: { vi: 'Nội dung nhiệm vụ', en: 'Task' },
  organizations: { vi: 'Tổ chức được giao', en: 'Organizations assigned' },
  owner: { vi: 'Người chịu trách nhiệm', en: 'Owner' },
  deadline: { vi: 'Thời hạn', en: 'Deadline' },
  completion: { vi: 'Hoàn thành', en: 'Completion' },
  standing: { vi: 'Tình trạng', en: 'Standing' },
  indicators: { vi: 'Chỉ tiêu', en: 'Indicators' },
  period: { vi: 'Kỳ báo cáo gần nhất', en: 'Latest period' },
  notReported: { vi: 'Chưa báo cáo', en: 'Not reported' },
  outsideTerritory: { vi: 'hôm nay không thuộc địa bàn của bạn', en: 'not in your territory today' },
  closed: { vi: 'hôm nay không còn hiệu lực', en: 'not in force today' },
};

/** The actual of the latest period reported by the date, if any. */
function latestActual(indicator: Indicator) {
  return [...indicator.actuals].sort((a, b) => a.periodTo.localeCompare(b.periodTo)).at(-1);
}

/** A reporting period as tables write it. */
const periodOf = (actual: { periodFrom: string; periodTo: string } | undefined) => (actual ? `${actual.periodFrom} → ${actual.periodTo}` : null);

/** The share of the target the latest actual reaches (none for a zero target or no report). */
function achieved(indicator: Indicator): number | null {
  const latest = latestActual(indicator);
  return latest && indicator.target !== 0 ? (latest.actual * 100) / indicator.target : null;
}

/** A plan's tasks: organizations and owner, deadline, completion as last reported and standing on the date, overdue flagged. */
function TasksTable({ tasks, caption, fileName }: { tasks: Task[]; caption: string; fileName: string }) {
  const { tr } = useI18n();
  return (
    <DataTable
      caption={caption}
      fileName={fileName}
      rows={tasks}
      rowKey={(row) => row.id}
      columns={[
        { label: tr(W.task), value: (row) => row.title },
        {
          label: tr(W.organizations),
          value: (row) => row.organizationIds.map((id) => row.organizations.find((organization) => organization?.id === id)?.name ?? `${id.slice(0, 8)}… (${tr(W.closed)})`).join('; '),
        },
        { label: tr(W.owner), value: (row) => row.owner?.fullName ?? `${row.ownerPersonId.slice(0, 8)}… (${tr(W.outsideTerritory)})` },
        { label: tr(W.deadline), value: (row) => row.deadline },
        { label: tr(W.completion), value: (row) => row.completion, render: (row) => <span data-testid="task-completion">{row.completion}%</span> },
        {
          label: tr(W.standing),
          value: (row) => tr(STANDING_WORDS[row.standing]),
          render: (row) => (
            <span data-testid="task-standing" data-standing={row.standing} style={row.standing === 'OVERDUE' ? { color: '#b71c1c', fontWeight: 600 } : undefined}>
              {row.standing === 'OVERDUE' ? '⚠ ' : ''}{tr(STANDING_WORDS[row.standing])}
            </span>
          ),
        },
      ]}
    />
  );
}

/** A plan's indicators: target, the latest actual reported by the date and the share of the target it reaches. */
function IndicatorsTable({ indicators, caption, fileName }: { indicators: Indicator[]; caption: string; fileName: string }) {
  const { tr, language } = useI18n();
  return (
    <DataTable
      caption={caption}
      fileName={fileName}
      rows={indicators}
      rowKey={(row) => row.id}
      columns={[
        { label: tr(PLAN_WORDS.indicator), value: (row) => row.name },
        { label: tr(PLAN_WORDS.measure), value: (row) => row.measure },
        { label: tr(PLAN_WORDS.target), value: (row) => row.target, render: (row) => <span data-testid="indicator-target">{figure(row.target, language)}</span> },
        {
          label: tr(PLAN_WORDS.actual),
          value: (row) => latestActual(row)?.actual ?? null,
          render: (row) => {
            const latest = latestActual(row);
            return <span data-testid="indicator-actual">{latest ? figure(latest.actual, language) : tr(W.notReported)}</span>;
          },
        },
        { label: tr(W.period), value: (row) => periodOf(latestActual(row)) },
        { label: tr(PLAN_WORDS.achieved), value: (row) => achieved(row), render: (row) => percent(achieved(row), language) },
      ]}
    />
  );
}

/** One plan as of the date: what it implements and on which decision, its goals, tasks (overdue flagged) and indicators against their targets. */
export function PlanSection({ plan, asOf, fileStem }: { plan: Plan; asOf: string; fileStem: string }) {
  const { tr } = useI18n();
  const caption = (words: { vi: string; en: string }) => `${tr(words)} — ${plan.title}`;
  return (
    <section className="plan" data-testid="plan" data-plan-id={plan.id} aria-label={plan.title}>
      <h3 data-testid="plan-title">{plan.title}</h3>
      <dl className="facts">
        <dt>{tr(W.resolution)}</dt><dd data-testid="plan-resolution">{plan.resolutionRef}</dd>
        <dt>{tr(W.status)}</dt><dd data-testid="plan-status" data-status={plan.status}>{tr(PLAN_STATUS_WORDS[plan.status])}</dd>
        <dt>{tr(W.inForce)}</dt><dd>{plan.validFrom} → {plan.validTo ?? '…'}</dd>
        {plan.decision && <><dt>{tr(W.adopted)}</dt><dd>{plan.decision.number}, {plan.decision.decidedOn}, {plan.decision.signer}</dd></>}
      </dl>
      <DataTable
        caption={caption(W.goals)}
        fileName={`${fileStem}-muc-tieu.xlsx`}
        rows={plan.goals}
        rowKey={(row) => row.id}
        columns={[
          { label: tr(W.goal), value: (row) => row.description },
          { label: tr(W.targetYear), value: (row) => row.targetYear },
        ]}
      />
      <TasksTable tasks={plan.tasks} caption={`${caption(W.tasks)} (${asOf})`} fileName={`${fileStem}-nhiem-vu.xlsx`} />
      <IndicatorsTable indicators={plan.indicators} caption={caption(W.indicators)} fileName={`${fileStem}-chi-tieu.xlsx`} />
    </section>
  );
}
