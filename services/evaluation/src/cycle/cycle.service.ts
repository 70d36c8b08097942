import { randomUUID } from 'node:crypto';
import { requireCapability, unitSubject, type GuardedUnit, type Principal } from '@ps/auth';
import { isStableId, writeDated, type DatedWrite } from '@ps/effective-dating';
import { BadUserInputError } from '@ps/errors';
import type { DataSource, EntityManager } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { cycleSnapshot, EvaluationCycle } from './cycle.entity';
import { CycleClosedError, cycleConflict, CycleExistsError, CycleNotFoundError } from './cycle.errors';
import type { CloseEvaluationCycleInput, OpenEvaluationCycleInput } from './cycle.inputs';
import { checkCyclePeriod } from './cycle.period';
import { cyclesWithinTerritory } from './cycle.territory';

export class EvaluationCycleService {
  constructor(private readonly dataSource: DataSource) {}

  /** A unit's cycles whose period touches the year, inside the caller's territory on each one's last day. */
  list(principal: Principal, unitCode: string, year: number): Promise<EvaluationCycle[]> {
    const query = this.dataSource
      .getRepository(EvaluationCycle)
      .createQueryBuilder('cycle')
      .where('cycle.unit_code = :unitCode', { unitCode })
      .andWhere('cycle.period_from <= :yearEnd AND cycle.period_to >= :yearStart', { yearStart: `${year}-01-01`, yearEnd: `${year}-12-31` })
      .orderBy('cycle.period_from')
      .addOrderBy('cycle.kind');
    return cyclesWithinTerritory(query, principal, 'cycle').getMany();
  }

  /** Opens a unit's cycle for a calendar month, quarter or year (officers inside the territory); one per unit, kind and period. */
  async open(principal: Principal, input: OpenEvaluationCycleInput): Promise<EvaluationCycle> {
    requireCapability(principal, 'officer');
    const period = checkCyclePeriod(input.kind, { from: input.periodFrom, to: input.periodTo });
    return writeDated(this.dataSource, { actor: principal, operation: 'openEvaluationCycle', change: input.change }, async (write) => {
      const unit = await territoryGuard.unitWithin(write.manager, principal, input.unitCode, write.date);
      const repository = write.manager.getRepository(EvaluationCycle);
      if (await repository.exists({ where: { unitCode: unit.code, kind: input.kind, periodFrom: period.from } })) throw new CycleExistsError(unit.code, input.kind, period.from);
      const cycle = repository.create({
        id: randomUUID(), unitCode: unit.code, kind: input.kind, periodFrom: period.from, periodTo: period.to,
        openedOn: write.date, openedDecisionId: write.change.decision.id, openedBy: write.actor.userId, closedOn: null, closedDecisionId: null, closedBy: null,
      });
      await repository.insert(cycle).catch((error: unknown) => {
        throw cycleConflict(error, unit.code, input.kind, period.from);
      });
      about(write, cycle, unit).after(cycleSnapshot(cycle));
      return cycle;
    });
  }

  /** Closes an open cycle from the decision's date; it takes no more scores. */
  async close(principal: Principal, input: CloseEvaluationCycleInput): Promise<EvaluationCycle> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'closeEvaluationCycle', change: input.change }, async (write) => {
      const { cycle, unit } = await this.openForWriting(write, principal, input.cycleId);
      if (write.date < cycle.openedOn) {
        throw new BadUserInputError(`Ngày đóng kỳ ${write.date} trước ngày mở kỳ ${cycle.openedOn}`, `Closing date ${write.date} is before the opening on ${cycle.openedOn}`, {
          reason: 'CLOSED_BEFORE_OPENED', openedOn: cycle.openedOn,
        });
      }
      about(write, cycle, unit).before(cycleSnapshot(cycle));
      Object.assign(cycle, { closedOn: write.date, closedDecisionId: write.change.decision.id, closedBy: write.actor.userId });
      await write.manager.getRepository(EvaluationCycle).update({ id: cycle.id }, { closedOn: cycle.closedOn, closedDecisionId: cycle.closedDecisionId, closedBy: cycle.closedBy });
      write.after(cycleSnapshot(cycle));
      return cycle;
    });
  }

  /** The cycle, locked, open and inside the caller's territory on the write's date, with its unit; or the typed refusal. */
  async openForWriting(write: DatedWrite, principal: Principal, cycleId: string): Promise<{ cycle: EvaluationCycle; unit: GuardedUnit }> {
    const cycle = await lockedCycle(write.manager, cycleId);
    const unit = await territoryGuard.unitWithin(write.manager, principal, cycle.unitCode, write.date);
    if (cycle.closedOn !== null) throw new CycleClosedError(cycle.id, cycle.closedOn);
    return { cycle, unit };
  }
}

async function lockedCycle(manager: EntityManager, cycleId: string): Promise<EvaluationCycle> {
  const cycle = isStableId(cycleId) ? await manager.getRepository(EvaluationCycle).createQueryBuilder('cycle').where('cycle.id = :cycleId', { cycleId }).setLock('pessimistic_write').getOne() : null;
  if (!cycle) throw new CycleNotFoundError(cycleId);
  return cycle;
}

/** "Kỳ đánh giá MONTHLY 2026-03-01 – 2026-03-31: Xã Thanh An (25807)". */
export function cycleLabel(cycle: Pick<EvaluationCycle, 'kind' | 'periodFrom' | 'periodTo'>, unit: Pick<GuardedUnit, 'name' | 'code'>): string {
  return `Kỳ đánh giá ${cycle.kind} ${cycle.periodFrom} – ${cycle.periodTo}: ${unitSubject(unit.code).label(unit)}`;
}

function about(write: DatedWrite, cycle: EvaluationCycle, unit: GuardedUnit): DatedWrite {
  return write.about({ type: 'EvaluationCycle', id: cycle.id, label: cycleLabel(cycle, unit), unitCode: unit.code, unitPaths: [unit.path] });
}
