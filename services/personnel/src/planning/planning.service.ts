import { randomUUID } from 'node:crypto';
import { requireCapability, type GuardedUnit, type Principal } from '@ps/auth';
import { CadrePlanningChanged } from '@ps/contracts';
import { closeVersion, inForceOn, insertVersion, openVersion, stampAsOf, writeDated, type DatedWrite } from '@ps/effective-dating';
import type { DataSource, EntityManager } from 'typeorm';
import type { PersonFacts } from '../facts/person-facts';
import { personFactsOn } from '../facts/person-facts.loader';
import { requireManaging } from '../management/management.guard';
import { Person } from '../person/person.entity';
import type { PersonService } from '../person/person.service';
import { retirementOfPerson } from '../retirement/retirement-age.lookup';
import { cadreRulesOn } from '../rules/cadre-rule';
import { refuseOnBreach } from '../rules/rule-refusal.errors';
import { territoryGuard } from '../territory/territory.guard';
import { requireTitleTier, titleOn } from '../title/title.service';
import { PlanningEntry, planningSnapshot } from './planning.entity';
import { PlanningNotFoundError, planningConflict } from './planning.errors';
import type { AddToPlanningInput, RemoveFromPlanningInput } from './planning.inputs';
import { planningBreaches, type PlanningContext } from './planning.rules';
import { termLabel, termOf, type Term } from './planning-term';

/** Cadre planning lists: additions checked against the planning rules in force, and removals. */
export class PlanningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonService,
  ) {}

  /** Plans a person for a position (a title at a unit) in a term, from the change's date, if every rule allows it. */
  async add(principal: Principal, input: AddToPlanningInput): Promise<PlanningEntry> {
    requireCapability(principal, 'officer');
    const term = termOf(input.term);
    return writeDated(this.dataSource, { actor: principal, operation: 'addToCadrePlanning', change: input.change }, async (write) => {
      const unit = await territoryGuard.unitWithin(write.manager, principal, input.unitCode, write.date);
      const title = await titleOn(write.manager, input.titleCode, write.date);
      await requireTitleTier(write.manager, title, unit.code, write.date);
      const facts = await personFactsOn(write.manager, this.people, principal, input.personId, write.date);
      if (!facts) throw new PlanningNotFoundError('PERSON', input.personId);
      await requireManaging(write.manager, principal, facts.personId, write.date);
      const position = { titleCode: title.code, unitCode: unit.code, term };
      await lockPlanning(write.manager, position, facts.personId);
      const context = await planningContext(write, position, title.tier, facts);
      refuseOnBreach(planningBreaches(await cadreRulesOn(write.manager, 'PLANNING_', write.date), context));
      const entry = await insertVersion(write, PlanningEntry, {
        id: randomUUID(), personId: facts.personId, titleCode: title.code, tier: title.tier, unitCode: unit.code, termStart: term.start, termEnd: term.end,
      }).catch((error: unknown) => {
        throw planningConflict(error);
      });
      await recorded(write, entry, unit, `${facts.fullName} – ${title.name}`, 'ADDED');
      return stampAsOf(entry, write.date);
    });
  }

  /** Takes a person off a planning list on the change's date. */
  async remove(principal: Principal, id: string, input: RemoveFromPlanningInput): Promise<PlanningEntry> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'removeFromCadrePlanning', change: input.change }, async (write) => {
      const current = await openVersion(write.manager, PlanningEntry, id);
      if (!current) throw new PlanningNotFoundError('PLANNING_ENTRY', id);
      const unit = await territoryGuard.unitWithin(write.manager, principal, current.unitCode, write.date).catch(() => {
        throw new PlanningNotFoundError('PLANNING_ENTRY', id);
      });
      await requireManaging(write.manager, principal, current.personId, write.date);
      write.before(planningSnapshot(current));
      const closed = await closeVersion(write, PlanningEntry, current, `quy hoạch ${id}`);
      await recorded(write, closed, unit, `${current.titleCode} – ${termLabel({ start: current.termStart, end: current.termEnd })}`, 'REMOVED');
      return stampAsOf(closed, write.date);
    });
  }

  /** The entries of a unit's planning list for a term in force on `asOf`, with each person; empty outside the territory. */
  async list(principal: Principal, unitCode: string, term: Term, asOf: string, manager: EntityManager = this.dataSource.manager): Promise<PlanningEntry[]> {
    const query = manager
      .getRepository(PlanningEntry)
      .createQueryBuilder('entry')
      .leftJoinAndMapOne('entry.person', Person, 'person', `person.id = entry.person_id AND ${inForceOn('person', ':asOf')}`, { asOf })
      .where('entry.unit_code = :unitCode AND entry.term_start = :termStart', { unitCode, termStart: term.start })
      .andWhere(inForceOn('entry', ':asOf'))
      .orderBy('entry.title_code')
      .addOrderBy('person.full_name');
    const entries = await territoryGuard.joinUnitOn(query, principal, 'entry.unit_code', asOf).getMany();
    return entries.map((entry) => {
      if (entry.person) stampAsOf(entry.person, asOf);
      return stampAsOf(entry, asOf);
    });
  }
}

type Position = { titleCode: string; unitCode: string; term: Term };

/** Serialises additions to one position and to one person's list, so the counts below stay true. */
async function lockPlanning(manager: EntityManager, position: Position, personId: string): Promise<void> {
  const keys = [`planning:${position.unitCode}:${position.titleCode}:${position.term.start}`, `planning-person:${personId}`].sort();
  for (const key of keys) await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}

async function planningContext(write: DatedWrite, position: Position, tier: string, facts: PersonFacts): Promise<PlanningContext> {
  const [counts]: Array<{ others: number; positions: number }> = await write.manager.query(
    `SELECT count(DISTINCT person_id) FILTER (WHERE title_code = $1 AND unit_code = $2 AND person_id <> $5)::int AS others,
            count(*) FILTER (WHERE person_id = $5 AND tier = $4)::int AS positions
       FROM cadre_planning planning WHERE term_start = $3 AND ${inForceOn('planning', '$6')}`,
    [position.titleCode, position.unitCode, position.term.start, tier, facts.personId, write.date],
  );
  const retirement = await retirementOfPerson(write.manager, facts);
  return {
    date: write.date, termStart: position.term.start, othersInPosition: counts.others, positionsAtLevel: counts.positions, retirement, disciplines: facts.disciplines,
  };
}

async function recorded(write: DatedWrite, entry: PlanningEntry, unit: GuardedUnit, label: string, action: 'ADDED' | 'REMOVED'): Promise<void> {
  write
    .about({ type: 'PlanningEntry', id: entry.id, label: `Quy hoạch – ${label}`, unitCode: unit.code, unitPaths: [unit.path] })
    .after(planningSnapshot(entry));
  const { id, personId, titleCode, unitCode, termStart, termEnd } = entry;
  await write.emit(
    CadrePlanningChanged,
    { planningId: id, personId, action, titleCode, unitCode, termStart, termEnd, ...write.facts },
    { aggregateId: id, unitPath: unit.path },
  );
}
