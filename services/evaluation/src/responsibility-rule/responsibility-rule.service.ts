import { randomUUID } from 'node:crypto';
import { requireCapability, unitSubject, type GuardedUnit, type Principal } from '@ps/auth';
import { inForceOn, insertVersion, isOpenVersion, nextVersion, stampAsOf, writeDated } from '@ps/effective-dating';
import type { DataSource, EntityManager } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { ResponsibilityRule, ruleSnapshot } from './responsibility-rule.entity';
import { NoResponsibilityRuleError } from './responsibility-rule.errors';
import type { RecordResponsibilityRuleInput } from './responsibility-rule.inputs';
import { checkedRule, type RuleHolder } from './responsibility-rule.rules';

/** What a rules query asks: a unit, optionally one organization or title, as of a date. */
export interface RuleFilter {
  unitCode: string;
  organizationId: string | null;
  titleCode: string | null;
  asOf: string;
}

export class ResponsibilityRuleService {
  constructor(private readonly dataSource: DataSource) {}

  /** The rules in force on `asOf` of a unit inside the caller's territory that day (none outside it). */
  async list(principal: Principal, filter: RuleFilter): Promise<ResponsibilityRule[]> {
    const query = this.dataSource
      .getRepository(ResponsibilityRule)
      .createQueryBuilder('rule')
      .where('rule.unit_code = :unitCode', { unitCode: filter.unitCode })
      .andWhere(inForceOn('rule', ':asOf'), { asOf: filter.asOf })
      .orderBy('rule.organization_id')
      .addOrderBy('rule.title_code');
    territoryGuard.joinUnitOn(query, principal, 'rule.unit_code', filter.asOf);
    if (filter.organizationId !== null) query.andWhere('rule.organization_id::text = :organizationId', { organizationId: filter.organizationId });
    if (filter.titleCode !== null) query.andWhere('rule.title_code = :titleCode', { titleCode: filter.titleCode });
    return (await query.getMany()).map((rule) => stampAsOf(rule, filter.asOf));
  }

  /**
   * Records a title's rule from the decision's date (officers inside the territory): the first
   * one of its holder, or the next version of the one in force, which ends that day.
   */
  async record(principal: Principal, input: RecordResponsibilityRuleInput): Promise<ResponsibilityRule> {
    requireCapability(principal, 'officer');
    const products = checkedRule(input, input.products);
    return writeDated(this.dataSource, { actor: principal, operation: 'recordResponsibilityRule', change: input.change }, async (write) => {
      const unit = await territoryGuard.unitWithin(write.manager, principal, input.unitCode, write.date);
      const holder = { unitCode: unit.code, organizationId: input.organizationId, titleCode: input.titleCode };
      const current = await openRuleOf(write.manager, holder);
      const label = ruleLabel(holder, unit);
      if (current) write.before(ruleSnapshot(current));
      const rule = current
        ? await nextVersion(write, ResponsibilityRule, current, { products }, label)
        : await insertVersion(write, ResponsibilityRule, { id: randomUUID(), ...holder, products });
      write.about({ type: 'ResponsibilityRule', id: rule.id, label, unitCode: unit.code, unitPaths: [unit.path] }).after(ruleSnapshot(rule));
      return stampAsOf(rule, write.date);
    });
  }

  /** The holder's rule in force on the date (unguarded: the caller checked the unit), or the typed refusal. */
  async inForce(manager: EntityManager, holder: RuleHolder, date: string): Promise<ResponsibilityRule> {
    const rule = await manager
      .getRepository(ResponsibilityRule)
      .createQueryBuilder('rule')
      .where('rule.unit_code = :unitCode AND rule.organization_id::text = :organizationId AND rule.title_code = :titleCode', holder)
      .andWhere(inForceOn('rule', ':date'), { date })
      .getOne();
    if (!rule) throw new NoResponsibilityRuleError(holder, date);
    return rule;
  }
}

function openRuleOf(manager: EntityManager, holder: RuleHolder): Promise<ResponsibilityRule | null> {
  return manager
    .getRepository(ResponsibilityRule)
    .createQueryBuilder('rule')
    .where('rule.unit_code = :unitCode AND rule.organization_id::text = :organizationId AND rule.title_code = :titleCode', holder)
    .andWhere(isOpenVersion('rule'))
    .setLock('pessimistic_write')
    .getOne();
}

/** "Quy định trách nhiệm công việc VAN_PHONG_THONG_KE – Xã Thanh An (25807)". */
function ruleLabel(holder: RuleHolder, unit: Pick<GuardedUnit, 'name' | 'code'>): string {
  return `Quy định trách nhiệm công việc ${holder.titleCode} – ${unitSubject(unit.code).label(unit)}`;
}
