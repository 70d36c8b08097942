import type { Principal } from '@ps/auth';
import type { DataSource } from 'typeorm';
import { cadreRulesOn } from '../rules/cadre-rule';
import { territoryGuard } from '../territory/territory.guard';
import { PlanningGroupKind, type PlanningList } from './planning-list.type';
import { planningShares, type PlannedPerson } from './planning-shares.rules';
import type { PlanningService } from './planning.service';
import { termLabel, termOf } from './planning-term';

/** A unit's planning list for a term, as of a date, with its shares against the targets then in force. */
export class PlanningLists {
  constructor(
    private readonly dataSource: DataSource,
    private readonly planning: PlanningService,
  ) {}

  async of(principal: Principal, unitCode: string, termText: string, asOf: string): Promise<PlanningList> {
    const term = termOf(termText);
    const manager = this.dataSource.manager;
    await territoryGuard.unitWithin(manager, principal, unitCode, asOf);
    const entries = await this.planning.list(principal, unitCode, term, asOf, manager);
    const people = new Map<string, PlannedPerson>();
    for (const entry of entries) {
      people.set(entry.personId, { birthDate: entry.person?.birthDate ?? null, gender: entry.person?.gender ?? null, ethnicity: entry.person?.ethnicity ?? null });
    }
    const shares = planningShares([...people.values()], await cadreRulesOn(manager, 'PLANNING_', asOf), asOf);
    return {
      unitCode, term: termLabel(term), asOf, entries,
      shares: shares.map((share) => ({ ...share, group: PlanningGroupKind[share.group] })),
    };
  }
}
