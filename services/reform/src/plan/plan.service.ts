import { randomUUID } from 'node:crypto';
import { requireCapability, unitSubject, type GuardedUnit, type Principal } from '@ps/auth';
import { ReformPlanCreated } from '@ps/contracts';
import { inForceOn, insertVersion, isStableId, requiredText, stampAsOf, versionOn, writeDated, type DatedWrite } from '@ps/effective-dating';
import { NotFoundError } from '@ps/errors';
import { groupBy } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { SourceDocument } from '../source-document/source-document.entity';
import { ReformGoal } from './goal.entity';
import { checkGoals } from './goal.rules';
import { PlanStatus, ReformPlan, planSnapshot } from './plan.entity';
import type { CreateReformPlanInput } from './plan.inputs';

const RESOLUTION_FIELD = { vi: 'Nghị quyết được thực hiện', en: 'The resolution implemented' };

export class PlanService {
  constructor(private readonly dataSource: DataSource) {}

  /** Plans in force on `asOf` of each unit in force that day inside the caller's territory then (one query per batch). */
  async ofUnits(principal: Principal, unitCodes: readonly string[], asOf: string): Promise<Map<string, ReformPlan[]>> {
    const query = this.dataSource
      .getRepository(ReformPlan)
      .createQueryBuilder('plan')
      .where('plan.unit_code IN (:...unitCodes)', { unitCodes })
      .andWhere(inForceOn('plan', ':asOf'), { asOf })
      .orderBy('plan.valid_from')
      .addOrderBy('plan.created_at')
      .addOrderBy('plan.id');
    const plans = await territoryGuard.joinUnitOn(query, principal, 'plan.unit_code', asOf).getMany();
    return groupBy(
      plans.map((plan) => stampAsOf(plan, asOf)),
      (plan) => plan.unitCode,
    );
  }

  /**
   * Plans in force on `asOf` with a task in force then assigned to each organization, of units
   * inside the caller's territory that day (one query per batch).
   */
  async ofOrganizations(principal: Principal, organizationIds: readonly string[], asOf: string): Promise<Map<string, ReformPlan[]>> {
    const organizations = organizationIds.filter(isStableId);
    if (organizations.length === 0) return new Map();
    const taskInForce = `task.plan_id = plan.id AND ${inForceOn('task', ':asOf')}`;
    const asked = 'CAST(:organizations AS uuid[])';
    const query = this.dataSource
      .getRepository(ReformPlan)
      .createQueryBuilder('plan')
      // Which of the organizations asked each plan's tasks are assigned to: the plan is listed under each.
      .addSelect(`ARRAY(SELECT DISTINCT assignee::text FROM reform_task task, unnest(task.organization_ids) assignee WHERE ${taskInForce} AND assignee = ANY(${asked}))`, 'assignees')
      .where(`EXISTS (SELECT 1 FROM reform_task task WHERE ${taskInForce} AND task.organization_ids && ${asked})`, { organizations, asOf })
      .andWhere(inForceOn('plan', ':asOf'))
      .orderBy('plan.valid_from')
      .addOrderBy('plan.created_at')
      .addOrderBy('plan.id');
    const { entities, raw } = await territoryGuard.joinUnitOn(query, principal, 'plan.unit_code', asOf).getRawAndEntities<{ plan_id: string; assignees: string[] }>();
    const assignees = new Map(raw.map((row) => [row.plan_id, row.assignees]));
    const byOrganization = new Map<string, ReformPlan[]>();
    for (const plan of entities.map((entity) => stampAsOf(entity, asOf))) {
      for (const id of assignees.get(plan.id) ?? []) byOrganization.set(id, [...(byOrganization.get(id) ?? []), plan]);
    }
    return byOrganization;
  }

  /** Drafts a plan, in force from the effective date of the decision that adopted it (officers). */
  async create(principal: Principal, input: CreateReformPlanInput): Promise<ReformPlan> {
    requireCapability(principal, 'officer');
    const title = requiredText(input.title, { vi: 'Tên kế hoạch', en: 'Plan title' });
    const goals = checkGoals(input.goals ?? []);
    if (!input.sourceDocumentId) requiredText(input.resolutionRef ?? '', RESOLUTION_FIELD);
    return writeDated(this.dataSource, { actor: principal, operation: 'createReformPlan', change: input.change }, async (write) => {
      const unit = await territoryGuard.unitWithin(write.manager, principal, input.unitCode, write.date);
      const document = input.sourceDocumentId ? await citedDocument(write, input.sourceDocumentId) : null;
      const resolutionRef = input.resolutionRef?.trim() ? requiredText(input.resolutionRef, RESOLUTION_FIELD) : (document?.number ?? '');
      const plan = await insertVersion(write, ReformPlan, {
        id: randomUUID(), title, resolutionRef, sourceDocumentId: document?.id ?? null, unitCode: unit.code, status: PlanStatus.DRAFT,
      });
      const planGoals = [];
      for (const goal of goals) planGoals.push(await insertVersion(write, ReformGoal, { id: randomUUID(), planId: plan.id, ...goal }));
      about(write, plan, unit).after({ ...planSnapshot(plan), goals: planGoals.map(({ id, description, targetYear }) => ({ id, description, targetYear })) });
      await write.emit(
        ReformPlanCreated,
        { planId: plan.id, title, resolutionRef, unitCode: unit.code, ...write.facts },
        { aggregateId: plan.id, unitPath: unit.path },
      );
      return stampAsOf(plan, write.date);
    });
  }
}

/** "Sắp xếp bộ máy (18-NQ/TW) – Xã An Lập (25801)": how the audit trail names a plan. */
export function planLabel(plan: Pick<ReformPlan, 'title' | 'resolutionRef'>, unit: Pick<GuardedUnit, 'name' | 'code'>): string {
  return `${plan.title} (${plan.resolutionRef}) – ${unitSubject(unit.code).label(unit)}`;
}

/** The source document a plan cites, in force on the write's date, or NOT_FOUND. */
async function citedDocument(write: DatedWrite, documentId: string): Promise<SourceDocument> {
  const document = await versionOn(write.manager, SourceDocument, documentId, write.date);
  if (!document) {
    throw new NotFoundError(`Không có văn bản ${documentId} có hiệu lực ngày ${write.date}`, `No source document ${documentId} in force on ${write.date}`, {
      reason: 'SOURCE_DOCUMENT_NOT_FOUND', sourceDocumentId: documentId,
    });
  }
  return document;
}

function about(write: DatedWrite, plan: ReformPlan, unit: GuardedUnit): DatedWrite {
  return write.about({ type: 'ReformPlan', id: plan.id, label: planLabel(plan, unit), unitCode: unit.code, unitPaths: [unit.path] });
}
