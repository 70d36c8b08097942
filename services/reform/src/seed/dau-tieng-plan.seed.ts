import type { DataSource } from 'typeorm';
import { IndicatorService } from '../indicator/indicator.service';
import { PlanService } from '../plan/plan.service';
import { ProposalService } from '../proposal/proposal.service';
import { SourceDocumentService } from '../source-document/source-document.service';
import { TaskService } from '../task/task.service';
import type { StoryCommune } from './dau-tieng-plan.places';
import {
  ACTUAL_YEARS, COMMUNE_PLAN_ADOPTED, COMMUNE_PLAN_GOALS, CONCLUSION_64, communeIndicator, communePlanTitle, DISTRICT_INDICATORS, DISTRICT_PLAN,
  paceOf, STORY_DISTRICT, STORY_REPORTS, STORY_TASKS, WAITING_PROPOSAL, type StoryIndicator, type StoryTask,
} from './dau-tieng-plan.story';
import { demoChange, once, PROVINCE_OFFICER, seedPrincipal } from './seed.acts';

/** What a run added, by kind (all 0 on a second run). */
export type SeedCounts = Record<'documents' | 'plans' | 'tasks' | 'reports' | 'indicators' | 'actuals' | 'proposals', number>;

/** Records the story through reform's own services: each write with its decision and audit row, each only once. */
export class DauTiengPlanSeed {
  readonly added: SeedCounts = { documents: 0, plans: 0, tasks: 0, reports: 0, indicators: 0, actuals: 0, proposals: 0 };

  constructor(private readonly dataSource: DataSource) {}

  private async idOf(sql: string, parameters: unknown[]): Promise<string | undefined> {
    const rows: Array<{ id: string }> = await this.dataSource.query(sql, parameters);
    return rows[0]?.id;
  }

  /** The Conclusion, the district's plan with its indicators, each commune's tasks and plan, the waiting proposal. */
  async run(communes: readonly StoryCommune[]): Promise<SeedCounts> {
    const documentId = await this.conclusion();
    const districtPlanId = await this.plan(STORY_DISTRICT, DISTRICT_PLAN.title, DISTRICT_PLAN.goals, documentId, demoChange(DISTRICT_PLAN.adopted));
    for (const indicator of DISTRICT_INDICATORS) await this.indicator(districtPlanId, indicator, DISTRICT_PLAN.adopted.on);
    for (const commune of communes) {
      for (const task of STORY_TASKS.filter((candidate) => candidate.plan === 'DISTRICT')) await this.task(districtPlanId, task, commune);
      const adopted = { on: COMMUNE_PLAN_ADOPTED, number: `KH-DU-2014-${commune.code}`, what: `Đảng ủy ${commune.name} ban hành kế hoạch thực hiện` };
      const planId = await this.plan(commune.code, communePlanTitle(commune.name), COMMUNE_PLAN_GOALS, documentId, demoChange(adopted));
      for (const task of STORY_TASKS.filter((candidate) => candidate.plan === 'COMMUNE')) await this.task(planId, task, commune);
      await this.indicator(planId, communeIndicator(commune.code), COMMUNE_PLAN_ADOPTED);
    }
    await this.waitingProposal(communes);
    return this.added;
  }

  private async conclusion(): Promise<string> {
    const { recordedOn, ...document } = CONCLUSION_64;
    const recorded = await once(
      () => this.idOf('SELECT id FROM reform_source_document WHERE upper(number) = upper($1) AND upper(issuer) = upper($2) LIMIT 1', [document.number, document.issuer]),
      () => new SourceDocumentService(this.dataSource).record(PROVINCE_OFFICER, {
        ...document, change: demoChange({ on: recordedOn, number: 'VB-DEN-64-KL-TW', what: 'Huyện ủy Dầu Tiếng tiếp nhận Kết luận 64-KL/TW' }),
      }),
    );
    this.added.documents += recorded.added;
    return recorded.id;
  }

  private async plan(unitCode: string, title: string, goals: Array<{ description: string; targetYear: number }>, sourceDocumentId: string, change: ReturnType<typeof demoChange>) {
    const created = await once(
      () => this.idOf('SELECT id FROM reform_plan WHERE unit_code = $1 AND title = $2 LIMIT 1', [unitCode, title]),
      () => new PlanService(this.dataSource).create(PROVINCE_OFFICER, { unitCode, title, sourceDocumentId, goals, change }),
    );
    this.added.plans += created.added;
    return created.id;
  }

  /** A commune's task with the reports of its pace. */
  private async task(planId: string, task: StoryTask, commune: StoryCommune): Promise<void> {
    const title = task.title(commune.name);
    const tasks = new TaskService(this.dataSource);
    const assigned = await once(
      () => this.idOf('SELECT id FROM reform_task WHERE plan_id = $1 AND title = $2 LIMIT 1', [planId, title]),
      () => tasks.assign(PROVINCE_OFFICER, {
        planId, title, organizationIds: task.bodies.map((body) => commune.bodies[body]), ownerPersonId: commune.ownerPersonId, deadline: task.deadline,
        change: demoChange({ on: task.assignedOn, number: `GIAO-${task.key}-${commune.code}`, what: `giao nhiệm vụ cho ${commune.name}` }),
      }),
    );
    this.added.tasks += assigned.added;
    for (const [on, completion] of STORY_REPORTS[task.key][paceOf(commune.code)]) {
      const reported = await once(
        () => this.idOf('SELECT id FROM reform_task_progress WHERE task_id = $1 AND valid_from = $2::date LIMIT 1', [assigned.id, on]),
        () => tasks.reportProgress(PROVINCE_OFFICER, {
          taskId: assigned.id, completion, evidence: `Báo cáo tiến độ của ${commune.name} (dữ liệu minh họa)`, links: [],
          change: demoChange({ on, number: `BC-${task.key}-${commune.code}-${on}`, what: `${commune.name} báo cáo tiến độ` }),
        }),
      );
      this.added.reports += reported.added;
    }
  }

  /** An indicator with one actual per year, each reported on the year's last day. */
  private async indicator(planId: string, indicator: StoryIndicator, from: string): Promise<void> {
    const indicators = new IndicatorService(this.dataSource);
    const { name, measure, target } = indicator;
    const added = await once(
      () => this.idOf('SELECT id FROM reform_indicator WHERE plan_id = $1 AND name = $2 LIMIT 1', [planId, name]),
      () => indicators.add(PROVINCE_OFFICER, { planId, name, measure, target, change: demoChange({ on: from, number: `CT-${planId.slice(0, 8)}`, what: `đặt chỉ tiêu ${name}` }) }),
    );
    this.added.indicators += added.added;
    for (const [index, year] of ACTUAL_YEARS.entries()) {
      const periodTo = `${year}-12-31`;
      const recorded = await once(
        () => this.idOf('SELECT id FROM reform_indicator_actual WHERE indicator_id = $1 AND period_to = $2::date LIMIT 1', [added.id, periodTo]),
        () => indicators.recordActual(PROVINCE_OFFICER, {
          indicatorId: added.id, periodFrom: `${year}-01-01`, periodTo, actual: indicator.actuals[index],
          change: demoChange({ on: periodTo, number: `BC-CT-${year}-${planId.slice(0, 8)}`, what: `báo cáo kết quả chỉ tiêu năm ${year}` }),
        }),
      );
      this.added.actuals += recorded.added;
    }
  }

  /** An Lập's proposal, drafted and submitted by its own officer: it waits for the district's appraisal. */
  private async waitingProposal(communes: readonly StoryCommune[]): Promise<void> {
    const commune = communes.find((candidate) => candidate.code === WAITING_PROPOSAL.unitCode);
    if (!commune) return;
    const { unitCode, title, increase, positions, justification, workloadEvidence, drafted, submitted } = WAITING_PROPOSAL;
    const proposals = new ProposalService(this.dataSource);
    const officer = seedPrincipal(unitCode, 'COMMUNE');
    const proposal = await once(
      () => this.idOf('SELECT id FROM staffing_proposal WHERE unit_code = $1 AND title = $2 LIMIT 1', [unitCode, title]),
      () => proposals.draft(officer, {
        unitCode, organizationId: commune.bodies.PEOPLES_COMMITTEE, title, increase, positions: [...positions], justification, workloadEvidence, change: demoChange(drafted),
      }),
    );
    this.added.proposals += proposal.added;
    const [{ status }]: Array<{ status: string }> = await this.dataSource.query('SELECT status FROM staffing_proposal WHERE id = $1', [proposal.id]);
    if (status === 'DRAFT') await proposals.step(officer, 'submitStaffingProposal', { proposalId: proposal.id, change: demoChange(submitted) });
  }
}
