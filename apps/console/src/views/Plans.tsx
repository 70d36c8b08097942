import { useQuery } from '@apollo/client';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Empty, Loading } from '../components/States';
import { graphql } from '../gql';
import type { ConsolePlansQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { figure, percent, PLAN_WORDS } from './plan-words';
import { PlanSection } from './PlanSection';
import { ProgressChart, type ProgressRow } from './ProgressChart';
import type { ViewProps } from './view-props';

const PLANS = graphql(`
  query ConsolePlans($code: ID!, $asOf: LocalDate!) {
    unit(code: $code, asOf: $asOf) {
      code name
      progress(asOf: $asOf) {
        key asOf plans tasks completedTasks overdueTasks inProgressTasks averageCompletion completionRate
        indicators { name measure plans reporting target actual achievedPercent }
      }
      plans(asOf: $asOf) {
        id title resolutionRef status validFrom validTo
        decision { number decidedOn signer }
        goals { id description targetYear }
        tasks {
          id title deadline completion standing(asOf: $asOf) ownerPersonId organizationIds
          organizations { id name }
          owner { id fullName }
        }
        indicators { id name measure target actuals { id periodFrom periodTo actual } }
      }
    }
  }
`);

type Progress = NonNullable<NonNullable<ConsolePlansQuery['unit']>['progress']>;
type Plan = NonNullable<NonNullable<ConsolePlansQuery['unit']>['plans']>[number];

/** A plan's tasks counted by standing, for the chart. */
function planRow(plan: Plan): ProgressRow {
  const count = (standing: string) => plan.tasks.filter((task) => task.standing === standing).length;
  return { key: plan.id, label: plan.title, completed: count('COMPLETED'), inProgress: count('IN_PROGRESS'), overdue: count('OVERDUE') };
}

/** The roll-up's figures, each findable by its test id. */
function RollUp({ progress }: { progress: Progress }) {
  const { tr, language } = useI18n();
  const facts: Array<[string, string, string | number]> = [
    ['progress-plans', tr(PLAN_WORDS.plans), progress.plans],
    ['progress-tasks', tr(PLAN_WORDS.tasks), progress.tasks],
    ['progress-completed', tr(PLAN_WORDS.completed), progress.completedTasks],
    ['progress-in-progress', tr(PLAN_WORDS.inProgress), progress.inProgressTasks],
    ['progress-overdue', tr(PLAN_WORDS.overdue), progress.overdueTasks],
    ['progress-average', tr(PLAN_WORDS.averageCompletion), percent(progress.averageCompletion, language)],
    ['progress-rate', tr(PLAN_WORDS.completionRate), percent(progress.completionRate, language)],
  ];
  return (
    <dl className="facts" data-testid="progress">
      {facts.map(([testId, label, value]) => (
        <div key={testId} style={{ display: 'contents' }}><dt>{label}</dt><dd data-testid={testId}>{value}</dd></div>
      ))}
    </dl>
  );
}

/** The indicators of every plan summed by name and measure, with the share of the target achieved. */
function IndicatorRollUp({ progress, fileName }: { progress: Progress; fileName: string }) {
  const { tr, language } = useI18n();
  return (
    <DataTable
      caption={`${tr(PLAN_WORDS.indicator)} — ${tr(PLAN_WORDS.progress)}`}
      fileName={fileName}
      rows={progress.indicators}
      rowKey={(row) => `${row.name}:${row.measure}`}
      columns={[
        { label: tr(PLAN_WORDS.indicator), value: (row) => row.name },
        { label: tr(PLAN_WORDS.measure), value: (row) => row.measure },
        { label: tr(PLAN_WORDS.plans), value: (row) => row.plans },
        { label: tr(PLAN_WORDS.reporting), value: (row) => row.reporting },
        { label: tr(PLAN_WORDS.target), value: (row) => row.target, render: (row) => figure(row.target, language) },
        { label: tr(PLAN_WORDS.actual), value: (row) => row.actual, render: (row) => figure(row.actual, language) },
        { label: tr(PLAN_WORDS.achieved), value: (row) => row.achievedPercent ?? null, render: (row) => <span data-testid="rollup-achieved">{percent(row.achievedPercent, language)}</span> },
      ]}
    />
  );
}

/**
 * The unit's reform plans on the date shown: the progress rolled up over the unit and the units
 * below it (tasks completed, overdue, average completion, indicators) with a chart, then each plan
 * with its goals, tasks and indicators against their targets.
 */
export function Plans({ unitCode, asOf }: ViewProps) {
  const { tr } = useI18n();
  const { data, loading, error } = useQuery(PLANS, { variables: { code: unitCode, asOf } });
  const unit = data?.unit;
  const plans = unit?.plans ?? [];
  const progress = unit?.progress;
  const fileStem = `ke-hoach-${unitCode}-${asOf}`;
  return (
    <div className="view">
      <h2>{tr(PLAN_WORDS.title)}: <span data-testid="plans-unit">{unit?.name ?? unitCode}</span> · {asOf}</h2>
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : unit && (
        <>
          {(unit.plans == null || progress == null) && <div className="notice" role="status" data-testid="reform-unavailable">{tr(PLAN_WORDS.unavailable)}</div>}
          {progress && (
            <section aria-label={tr(PLAN_WORDS.progress)}>
              <h3>{tr(PLAN_WORDS.progress)}</h3>
              <RollUp progress={progress} />
              <ProgressChart rows={[
                { key: 'roll-up', label: tr(PLAN_WORDS.allPlans), completed: progress.completedTasks, inProgress: progress.inProgressTasks, overdue: progress.overdueTasks },
                ...plans.map(planRow),
              ]} />
              <IndicatorRollUp progress={progress} fileName={`${fileStem}-chi-tieu-tong-hop.xlsx`} />
            </section>
          )}
          {unit.plans && plans.length === 0 && <Empty />}
          {plans.map((plan, index) => <PlanSection key={plan.id} plan={plan} asOf={asOf} fileStem={`${fileStem}-${index + 1}`} />)}
        </>
      )}
    </div>
  );
}
