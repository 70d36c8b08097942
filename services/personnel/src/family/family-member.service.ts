import { randomUUID } from 'node:crypto';
import { requireCapability, type GuardedUnit, type Principal } from '@ps/auth';
import { closeVersion, insertVersion, nextVersion, notEndedBy, openVersion, writeDated, type DatedWrite, type EffectiveChangeInput } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { requireManaging } from '../management/management.guard';
import type { Person } from '../person/person.entity';
import { PersonNotFoundError } from '../person/person.errors';
import { personLabel, type PersonService } from '../person/person.service';
import { territoryGuard } from '../territory/territory.guard';
import { FamilyMember, familyMemberSnapshot } from './family-member.entity';
import { FamilyMemberNotFoundError, FamilyRelationTakenError, isFamilyRelationTaken } from './family-member.errors';
import type { CorrectFamilyMemberInput, RecordFamilyMemberInput } from './family-member.inputs';
import { FAMILY_RELATION_NAMES, SINGLE_RELATIONS, type FamilyRelation } from './family-member.kinds';
import { familyDetailsOf } from './family-member.rules';

/** The e-file a family member is written on, found in the caller's territory on the write's date. */
interface OnFile {
  person: Person;
  unit: GuardedUnit;
}

/**
 * Family members on people's e-files (form 2C), each change a dated write by an officer inside
 * their territory, answered as the person's e-file. The audit rows name the relation only: the
 * member's name, birth year, occupation and residence stay out of the trail, and no event
 * carries them.
 */
export class FamilyMemberService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonService,
  ) {}

  /** Adds a family member to the person's e-file from the change's effective date. */
  async record(principal: Principal, input: RecordFamilyMemberInput): Promise<Person> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'recordFamilyMember', change: input.change }, async (write) => {
      const file = await this.fileOf(write, principal, input.personId, () => new PersonNotFoundError(input.personId));
      const details = familyDetailsOf(input, write.date, file.person.birthYear);
      await refuseTakenRelation(write, file.person.id, details.relation);
      const member = await insertVersion(write, FamilyMember, { id: randomUUID(), personId: file.person.id, ...details }).catch((error: unknown) => {
        throw isFamilyRelationTaken(error) ? new FamilyRelationTakenError(details.relation) : error;
      });
      about(write, member, file).after(familyMemberSnapshot(member));
      return file.person;
    });
  }

  /**
   * Corrects a family member's details from the change's effective date: dated on the member's
   * own start, the record is replaced; later, the earlier details stay as they were until then.
   */
  async correct(principal: Principal, id: string, input: CorrectFamilyMemberInput): Promise<Person> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'correctFamilyMember', change: input.change }, async (write) => {
      const { current, file } = await this.memberOn(write, principal, id);
      const details = familyDetailsOf(
        {
          relation: current.relation,
          fullName: input.fullName ?? current.fullName,
          birthYear: input.birthYear ?? current.birthYear,
          occupation: input.occupation === undefined ? current.occupation : input.occupation,
          residence: input.residence === undefined ? current.residence : input.residence,
        },
        write.date,
        file.person.birthYear,
      );
      about(write, current, file).before(familyMemberSnapshot(current));
      const next = await nextVersion(write, FamilyMember, current, details, labelOf(current, file.person));
      write.after(familyMemberSnapshot(next));
      return file.person;
    });
  }

  /** Ends a family member on the change's effective date (a death, a divorce): not on the file from then on. */
  async end(principal: Principal, id: string, change: EffectiveChangeInput): Promise<Person> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'endFamilyMember', change }, async (write) => {
      const { current, file } = await this.memberOn(write, principal, id);
      about(write, current, file).before(familyMemberSnapshot(current));
      const ended = await closeVersion(write, FamilyMember, current, labelOf(current, file.person));
      write.after(familyMemberSnapshot(ended));
      return file.person;
    });
  }

  private async fileOf(write: DatedWrite, principal: Principal, personId: string, notFound: () => Error): Promise<OnFile> {
    const person = await this.people.byId(principal, personId, write.date, write.manager);
    if (!person) throw notFound();
    const unit = await territoryGuard.unitWithin(write.manager, principal, person.unitCode, write.date);
    await requireManaging(write.manager, principal, person.id, write.date);
    return { person, unit };
  }

  /** The member's open version, on a file inside the territory on the write's date; else NOT_FOUND, whatever the reason. */
  private async memberOn(write: DatedWrite, principal: Principal, id: string): Promise<{ current: FamilyMember; file: OnFile }> {
    const current = await openVersion(write.manager, FamilyMember, id);
    if (!current) throw new FamilyMemberNotFoundError(id);
    return { current, file: await this.fileOf(write, principal, current.personId, () => new FamilyMemberNotFoundError(id)) };
  }
}

/** A father, mother, spouse or parent-in-law already on the file then or later: end that one first. */
async function refuseTakenRelation(write: DatedWrite, personId: string, relation: FamilyRelation): Promise<void> {
  if (!SINGLE_RELATIONS.includes(relation)) return;
  const taken = await write.manager
    .getRepository(FamilyMember)
    .createQueryBuilder('member')
    .where('member.person_id = :personId AND member.relation = :relation', { personId, relation })
    .andWhere(notEndedBy('member', ':date'), { date: write.date })
    .getExists();
  if (taken) throw new FamilyRelationTakenError(relation);
}

/** "Bố của Nguyễn Văn Cán": how errors name a member, without the member's own name. */
function labelOf(member: FamilyMember, person: Person): string {
  return `${FAMILY_RELATION_NAMES[member.relation]} của ${person.fullName}`;
}

/** "Bố – Nguyễn Văn Cán – Xã Định An (25789)": the audit subject, without the member's own name. */
function about(write: DatedWrite, member: FamilyMember, { person, unit }: OnFile): DatedWrite {
  const label = `${FAMILY_RELATION_NAMES[member.relation]} – ${personLabel(person, unit)}`;
  return write.about({ type: 'FamilyMember', id: member.id, label, unitCode: unit.code, unitPaths: [unit.path] });
}
