import { randomUUID } from 'node:crypto';
import { requireCapability, type GuardedUnit, type Principal } from '@ps/auth';
import { RotationChanged } from '@ps/contracts';
import { closeVersion, inForceOn, insertVersion, nextVersion, openVersion, stampAsOf, writeDated, type DatedWrite } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { personFactsOn } from '../facts/person-facts.loader';
import type { PersonService } from '../person/person.service';
import { requireManaging } from '../management/management.guard';
import { retirementOfPerson } from '../retirement/retirement-age.lookup';
import { cadreRulesOn } from '../rules/cadre-rule';
import { refuseOnBreach } from '../rules/rule-refusal.errors';
import { territoryGuard } from '../territory/territory.guard';
import { TitleNotFoundError } from '../title/title.errors';
import { requireTitleTier, titleOn } from '../title/title.service';
import { Rotation, rotationSnapshot } from './rotation.entity';
import { InvalidRotationError, RotationNotFoundError, rotationConflict } from './rotation.errors';
import type { CompleteRotationInput, ExtendRotationInput, StartRotationInput } from './rotation.inputs';
import { rotationBreaches } from './rotation.rules';

type Action = 'STARTED' | 'EXTENDED' | 'COMPLETED';

/** Rotations of planned cadres: started if the rotation rules in force allow, extended, completed; by officers who see both units. */
export class RotationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonService,
  ) {}

  /** Starts a rotation on the change's effective date, until the planned end. */
  async start(principal: Principal, input: StartRotationInput): Promise<Rotation> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'startRotation', change: input.change }, async (write) => {
      const from = await territoryGuard.unitWithin(write.manager, principal, input.fromUnitCode, write.date);
      const to = await territoryGuard.unitWithin(write.manager, principal, input.toUnitCode, write.date);
      refuseShape(from, to, write.date, input.plannedEndOn);
      const facts = await personFactsOn(write.manager, this.people, principal, input.personId, write.date);
      if (!facts) throw new RotationNotFoundError('PERSON', input.personId);
      await requireManaging(write.manager, principal, facts.personId, write.date);
      if (facts.unitCode !== from.code) {
        throw new InvalidRotationError(`${facts.fullName} không công tác tại đơn vị ${from.code}`, `${facts.fullName} does not serve in ${from.code}`, {
          reason: 'NOT_FROM_PERSON_UNIT', unitCode: facts.unitCode,
        });
      }
      const title = await titleOn(write.manager, input.titleCode, write.date).catch((error: unknown) => {
        if (error instanceof TitleNotFoundError) return null;
        throw error;
      });
      if (title) await requireTitleTier(write.manager, title, to.code, write.date);
      const context = {
        startsOn: write.date, plannedEndOn: input.plannedEndOn, planned: facts.planned, retirement: await retirementOfPerson(write.manager, facts),
        titleCode: input.titleCode, titleInCatalogue: title !== null,
      };
      refuseOnBreach(rotationBreaches(await cadreRulesOn(write.manager, 'ROTATION_', write.date), context));
      const rotation = await insertVersion(write, Rotation, {
        id: randomUUID(), personId: facts.personId, fromUnitCode: from.code, toUnitCode: to.code, titleCode: input.titleCode,
        startsOn: write.date, plannedEndOn: input.plannedEndOn,
      }).catch((error: unknown) => {
        throw rotationConflict(error);
      });
      await recorded(write, rotation, { from, to }, `${facts.fullName} – ${title?.name ?? input.titleCode}`, 'STARTED');
      return stampAsOf(rotation, write.date);
    });
  }

  /** Moves a rotation's planned end later, from the change's effective date. */
  async extend(principal: Principal, id: string, input: ExtendRotationInput): Promise<Rotation> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'extendRotation', change: input.change }, async (write) => {
      const { current, units } = await this.openRotation(write, principal, id);
      if (input.plannedEndOn <= current.plannedEndOn) {
        throw new InvalidRotationError(
          `Ngày kết thúc mới ${input.plannedEndOn} phải sau ngày kết thúc dự kiến ${current.plannedEndOn}`,
          `The new planned end ${input.plannedEndOn} must be after ${current.plannedEndOn}`,
          { reason: 'EXTENSION_NOT_LATER' },
        );
      }
      write.before(rotationSnapshot(current));
      const next = await nextVersion(write, Rotation, current, { plannedEndOn: input.plannedEndOn }, `luân chuyển ${id}`);
      await recorded(write, next, units, current.titleCode, 'EXTENDED');
      return stampAsOf(next, write.date);
    });
  }

  /** Ends a rotation on the change's effective date (the cadre returns or takes the post for good). */
  async complete(principal: Principal, id: string, input: CompleteRotationInput): Promise<Rotation> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'completeRotation', change: input.change }, async (write) => {
      const { current, units } = await this.openRotation(write, principal, id);
      write.before(rotationSnapshot(current));
      const closed = await closeVersion(write, Rotation, current, `luân chuyển ${id}`);
      await recorded(write, closed, units, current.titleCode, 'COMPLETED');
      return stampAsOf(closed, write.date);
    });
  }

  /** Rotations in force on `asOf` from or to a unit, both ends inside the caller's territory that day. */
  async ofUnit(principal: Principal, unitCode: string, asOf: string): Promise<Rotation[]> {
    await territoryGuard.unitWithin(this.dataSource.manager, principal, unitCode, asOf);
    const query = this.dataSource
      .getRepository(Rotation)
      .createQueryBuilder('rotation')
      .where('(rotation.from_unit_code = :unitCode OR rotation.to_unit_code = :unitCode)', { unitCode })
      .andWhere(inForceOn('rotation', ':asOf'), { asOf })
      .orderBy('rotation.starts_on');
    territoryGuard.joinUnitOn(query, principal, 'rotation.from_unit_code', asOf, 'from_unit');
    const rotations = await territoryGuard.joinUnitOn(query, principal, 'rotation.to_unit_code', asOf, 'to_unit').getMany();
    return rotations.map((rotation) => stampAsOf(rotation, asOf));
  }

  /** The open version of a rotation, locked, with both its units inside the caller's territory on the change's date; else not found. */
  private async openRotation(write: DatedWrite, principal: Principal, id: string) {
    const current = await openVersion(write.manager, Rotation, id);
    if (!current) throw new RotationNotFoundError('ROTATION', id);
    const within = (code: string) => territoryGuard.unitWithin(write.manager, principal, code, write.date).catch(() => {
      throw new RotationNotFoundError('ROTATION', id);
    });
    const units = { from: await within(current.fromUnitCode), to: await within(current.toUnitCode) };
    await requireManaging(write.manager, principal, current.personId, write.date);
    return { current, units };
  }
}

function refuseShape(from: GuardedUnit, to: GuardedUnit, startsOn: string, plannedEndOn: string): void {
  if (from.code === to.code) {
    throw new InvalidRotationError('Đơn vị đến trùng đơn vị đi', 'The destination is the unit the cadre leaves', { reason: 'SAME_UNIT' });
  }
  if (plannedEndOn <= startsOn) {
    throw new InvalidRotationError(`Ngày kết thúc dự kiến ${plannedEndOn} phải sau ngày bắt đầu ${startsOn}`, `The planned end ${plannedEndOn} must be after the start ${startsOn}`, {
      reason: 'PLANNED_END_NOT_AFTER_START',
    });
  }
}

/** The write's audit subject and state, and its event. */
async function recorded(write: DatedWrite, rotation: Rotation, units: { from: GuardedUnit; to: GuardedUnit }, label: string, action: Action): Promise<void> {
  write
    .about({ type: 'Rotation', id: rotation.id, label: `Luân chuyển – ${label}`, unitCode: units.to.code, unitPaths: [units.to.path, units.from.path] })
    .after(rotationSnapshot(rotation));
  const { id, personId, fromUnitCode, toUnitCode, titleCode, startsOn, plannedEndOn } = rotation;
  await write.emit(
    RotationChanged,
    { rotationId: id, personId, action, fromUnitCode, toUnitCode, titleCode, startsOn, plannedEndOn, ...write.facts },
    { aggregateId: id, unitPath: units.to.path },
  );
}
