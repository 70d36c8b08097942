import { randomUUID } from 'node:crypto';
import { requireCapability, type GuardedUnit, type Principal } from '@ps/auth';
import { AssignmentChanged } from '@ps/contracts';
import { closeVersion, dayBefore, insertVersion, openVersion, stampAsOf, updateVersions, writeDated, type DatedWrite } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { organizationOn, type OrganizationVersion } from '../organization/organization.lookup';
import { requireManaging } from '../management/management.guard';
import type { PersonService } from '../person/person.service';
import { followingSuccessions } from '../succession/succession.service';
import { Assignment, assignmentSnapshot, AssignmentEndReason } from './assignment.entity';
import { AssignmentNotFoundError, assignmentConflict, InvalidAssignmentError } from './assignment.errors';
import type { AssignInput, EndAssignmentInput, PostInput, TransferAssignmentInput } from './assignment.inputs';
import { assignmentChange } from './assignment.events';
import { seatWithRoom, titleOfPost } from './assignment.places';
import type { ConcurrentTitleHolder } from './concurrent-title-holder.type';
import { concurrentTitleHolders } from './concurrent-title-holders.query';

/** An assignment with the organization and unit it is held in, as the write found them. */
interface Held {
  assignment: Assignment;
  organization: OrganizationVersion;
  unit: GuardedUnit;
}

/** Assignments, transfers and ends, each a dated write by the officers of the person's managing body. */
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
      await requireManaging(write.manager, principal, person.id, write.date);
      const held = await takePost(write, principal, person.id, input);
      audited(write, held);
      await announced(write, held, 'ASSIGNED');
      return stampAsOf(await followingSuccessions(write, Assignment, held.assignment, held.organization.id), write.date);
    });
  }

  /**
   * Moves an assignment to another post from the change's effective date, on one decision (điều
   * động, luân chuyển): the assignment ends that day (TRANSFERRED) and the new one begins.
   */
  async transfer(principal: Principal, id: string, input: TransferAssignmentInput): Promise<Assignment> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'transferAssignment', change: input.change }, async (write) => {
      const ended = await endHeld(write, principal, id, AssignmentEndReason.TRANSFERRED);
      const { assignment: from } = ended;
      if (from.organizationId === input.organizationId && from.titleCode === input.titleCode && (from.seatId ?? null) === (input.seatId ?? null)) {
        throw new InvalidAssignmentError('Chức vụ mới trùng chức vụ hiện tại', 'The new post is the current one', { reason: 'SAME_POST' });
      }
      const taken = await takePost(write, principal, from.personId, input);
      audited(write, taken);
      write.concerns([ended.unit.path]);
      await announced(write, ended, 'ENDED', AssignmentEndReason.TRANSFERRED);
      await announced(write, taken, 'ASSIGNED');
      return stampAsOf(await followingSuccessions(write, Assignment, taken.assignment, taken.organization.id), write.date);
    });
  }

  /** Ends an assignment on the change's effective date, for the reason given. */
  async end(principal: Principal, id: string, input: EndAssignmentInput): Promise<Assignment> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'endAssignment', change: input.change }, async (write) => {
      const ended = await endHeld(write, principal, id, input.endReason);
      audited(write, ended);
      await announced(write, ended, 'ENDED', input.endReason);
      return stampAsOf(ended.assignment, write.date);
    });
  }

  /** People holding every one of the titles at once in one unit, the unit asked and below (one statement). */
  concurrentTitleHolders(principal: Principal, unitCode: string, titleCodes: readonly string[], asOf: string): Promise<ConcurrentTitleHolder[]> {
    return concurrentTitleHolders(this.dataSource, principal, unitCode, titleCodes, asOf);
  }
}

/** Inserts the person's assignment to the post from the write's date, after checking the organization, title and seat. */
async function takePost(write: DatedWrite, principal: Principal, personId: string, post: PostInput): Promise<Held> {
  const { organization, unit } = await organizationOn(write.manager, principal, post.organizationId, write.date);
  const title = await titleOfPost(write.manager, post.titleCode, organization, unit, write.date);
  const seatId = post.seatId ? (await seatWithRoom(write.manager, post.seatId, organization.id, write.date)).id : null;
  const assignment = await insertVersion(write, Assignment, {
    id: randomUUID(), personId, organizationId: organization.id, titleCode: title.code, seatId, concurrent: post.concurrent, endReason: null,
  }).catch((error: unknown) => {
    throw assignmentConflict(error, title.code) ?? error;
  });
  return { assignment, organization, unit };
}

/**
 * Closes the open version of an assignment on the write's date for the reason given. It is seen
 * as it stood on its last day: an assignment outside the territory is not revealed (NOT_FOUND).
 */
async function endHeld(write: DatedWrite, principal: Principal, id: string, endReason: AssignmentEndReason): Promise<Held> {
  const current = await openVersion(write.manager, Assignment, id);
  if (!current) throw new AssignmentNotFoundError('ASSIGNMENT', id);
  const lastDay = current.validFrom < write.date ? dayBefore(write.date) : current.validFrom;
  const { organization, unit } = await organizationOn(write.manager, principal, current.organizationId, lastDay).catch(() => {
    throw new AssignmentNotFoundError('ASSIGNMENT', id);
  });
  await requireManaging(write.manager, principal, current.personId, write.date);
  write.before(assignmentSnapshot(current));
  const ended = await closeVersion(write, Assignment, current, `phân công ${id}`);
  await updateVersions(write.manager, Assignment, [ended.versionId], { endReason });
  ended.endReason = endReason;
  return { assignment: ended, organization, unit };
}

/** The write's audit subject (the assignment it leaves) and state after it. */
function audited(write: DatedWrite, { assignment, organization, unit }: Held): void {
  write
    .about({ type: 'Assignment', id: assignment.id, label: `${assignment.titleCode} – ${organization.name}`, unitCode: unit.code, unitPaths: [unit.path] })
    .after(assignmentSnapshot(assignment));
}

/** The change's event. */
async function announced(write: DatedWrite, { assignment, unit }: Held, action: 'ASSIGNED' | 'ENDED', endReason: AssignmentEndReason | null = null): Promise<void> {
  const { payload, place } = assignmentChange(write, assignment, unit, action, endReason);
  await write.emit(AssignmentChanged, payload, place);
}
