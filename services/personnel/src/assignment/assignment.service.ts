import { randomUUID } from 'node:crypto';
import { requireCapability, type GuardedUnit, type Principal } from '@ps/auth';
import { AssignmentChanged } from '@ps/contracts';
import { closeVersion, dayBefore, insertVersion, openVersion, stampAsOf, updateVersions, writeDated, type DatedWrite } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { organizationOn, type OrganizationVersion } from '../organization/organization.lookup';
import type { PersonService } from '../person/person.service';
import { titleOn } from '../title/title.service';
import { Assignment, assignmentSnapshot, type AssignmentEndReason } from './assignment.entity';
import { AssignmentNotFoundError, assignmentConflict } from './assignment.errors';
import type { AssignInput, EndAssignmentInput } from './assignment.inputs';
import { requireTitleFits } from './assignment.rules';
import { seatWithRoom, unitTierOn } from './assignment.places';
import type { ConcurrentTitleHolder } from './concurrent-title-holder.type';
import { concurrentTitleHolders } from './concurrent-title-holders.query';

/** Assignments and their ends, each a dated write by an officer inside their territory. */
export class AssignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonService,
  ) {}

  /**
   * Assigns a person to a title of an organization from the change's effective date: the title
   * in force then and fitting the organization's kind and its unit's tier, the seat (if any) the
   * organization's own and not full; one primary assignment at a time, others concurrent.
   */
  async assign(principal: Principal, input: AssignInput): Promise<Assignment> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'assign', change: input.change }, async (write) => {
      const person = await this.people.byId(principal, input.personId, write.date, write.manager);
      if (!person) throw new AssignmentNotFoundError('PERSON', input.personId);
      const { organization, unit } = await organizationOn(write.manager, principal, input.organizationId, write.date);
      const title = await titleOn(write.manager, input.titleCode, write.date);
      requireTitleFits(title, organization.kind, await unitTierOn(write.manager, unit.code, write.date));
      const seatId = input.seatId ? (await seatWithRoom(write.manager, input.seatId, organization.id, write.date)).id : null;
      const assignment = await insertVersion(write, Assignment, {
        id: randomUUID(), personId: person.id, organizationId: organization.id, titleCode: title.code, seatId, concurrent: input.concurrent, endReason: null,
      }).catch((error: unknown) => {
        throw assignmentConflict(error, title.code) ?? error;
      });
      await recorded(write, assignment, organization, unit, 'ASSIGNED');
      return stampAsOf(assignment, write.date);
    });
  }

  /** People holding every one of the titles at once in one unit, the unit asked and below (one statement). */
  concurrentTitleHolders(principal: Principal, unitCode: string, titleCodes: readonly string[], asOf: string): Promise<ConcurrentTitleHolder[]> {
    return concurrentTitleHolders(this.dataSource, principal, unitCode, titleCodes, asOf);
  }

  /** Ends an assignment on the change's effective date, for the reason given. */
  async end(principal: Principal, id: string, input: EndAssignmentInput): Promise<Assignment> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'endAssignment', change: input.change }, async (write) => {
      const current = await openVersion(write.manager, Assignment, id);
      if (!current) throw new AssignmentNotFoundError('ASSIGNMENT', id);
      // Seen as it stood on its last day: an assignment outside the territory is not revealed.
      const lastDay = current.validFrom < write.date ? dayBefore(write.date) : current.validFrom;
      const { organization, unit } = await organizationOn(write.manager, principal, current.organizationId, lastDay).catch(() => {
        throw new AssignmentNotFoundError('ASSIGNMENT', id);
      });
      write.before(assignmentSnapshot(current));
      const ended = await closeVersion(write, Assignment, current, `phân công ${id}`);
      await updateVersions(write.manager, Assignment, [ended.versionId], { endReason: input.endReason });
      ended.endReason = input.endReason;
      await recorded(write, ended, organization, unit, 'ENDED', input.endReason);
      return stampAsOf(ended, write.date);
    });
  }
}

/** The write's audit subject and state, and its event. */
async function recorded(
  write: DatedWrite,
  assignment: Assignment,
  organization: OrganizationVersion,
  unit: GuardedUnit,
  action: 'ASSIGNED' | 'ENDED',
  endReason: AssignmentEndReason | null = null,
): Promise<void> {
  write
    .about({ type: 'Assignment', id: assignment.id, label: `${assignment.titleCode} – ${organization.name}`, unitCode: unit.code, unitPaths: [unit.path] })
    .after(assignmentSnapshot(assignment));
  const { id: assignmentId, personId, organizationId, titleCode, seatId, concurrent } = assignment;
  await write.emit(
    AssignmentChanged,
    { assignmentId, personId, action, organizationId, titleCode, seatId, concurrent, unitCode: unit.code, endReason, ...write.facts },
    { aggregateId: assignment.id, unitPath: unit.path },
  );
}
