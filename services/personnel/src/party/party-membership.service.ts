import { randomUUID } from 'node:crypto';
import { requireCapability, type GuardedUnit, type Principal } from '@ps/auth';
import { PartyMembershipChanged } from '@ps/contracts';
import {
  closeVersion,
  dayBefore,
  insertVersion,
  nextVersion,
  openVersion,
  stampAsOf,
  updateVersions,
  writeDated,
  type DatedWrite,
} from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import type { PersonService } from '../person/person.service';
import { followingSuccessions } from '../succession/succession.service';
import { membershipSnapshot, PartyMembership, type PartyMembershipEndReason } from './party-membership.entity';
import { InvalidMembershipError, MembershipNotFoundError, membershipConflict } from './party-membership.errors';
import type { AdmitPartyMemberInput, EndPartyMembershipInput, TransferPartyMembershipInput } from './party-membership.inputs';
import { membershipFacts } from './party-membership.rules';
import { organizationOn, type OrganizationVersion } from '../organization/organization.lookup';

type Action = 'ADMITTED' | 'TRANSFERRED' | 'ENDED';

/** Admissions, transfers and ends of Party memberships, each a dated write by an officer inside their territory. */
export class PartyMembershipService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonService,
  ) {}

  /** Admits a person to a Party organization from the change's effective date (the admission date). */
  async admit(principal: Principal, input: AdmitPartyMemberInput): Promise<PartyMembership> {
    requireCapability(principal, 'officer');
    const facts = membershipFacts(input.change.effectiveDate, input.officialDate, input.cardNumber);
    return writeDated(this.dataSource, { actor: principal, operation: 'admitPartyMember', change: input.change }, async (write) => {
      const person = await this.people.byId(principal, input.personId, write.date, write.manager);
      if (!person) throw new MembershipNotFoundError('PERSON', input.personId);
      const { organization, unit } = await organizationOn(write.manager, principal, input.partyOrganizationId, write.date, 'PARTY');
      const membership = await insertVersion(write, PartyMembership, {
        id: randomUUID(), personId: person.id, partyOrganizationId: organization.id, endReason: null, ...facts,
      }).catch(refusingConflicts(facts.cardNumber));
      await recorded(write, membership, organization, unit, 'ADMITTED');
      return stampAsOf(await followingSuccessions(write, PartyMembership, membership, membership.partyOrganizationId), write.date);
    });
  }

  /** Moves a membership to another Party organization from the change's effective date. */
  async transfer(principal: Principal, id: string, input: TransferPartyMembershipInput): Promise<PartyMembership> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'transferPartyMembership', change: input.change }, async (write) => {
      const { current, unit: leaving } = await this.openMembership(write, principal, id);
      if (current.partyOrganizationId === input.partyOrganizationId) {
        throw new InvalidMembershipError('Tổ chức Đảng nhận trùng tổ chức hiện tại', 'The receiving Party organization is the current one', {
          reason: 'SAME_PARTY_ORGANIZATION',
        });
      }
      const { organization, unit } = await organizationOn(write.manager, principal, input.partyOrganizationId, write.date, 'PARTY');
      write.before(membershipSnapshot(current));
      const next = await nextVersion(write, PartyMembership, current, { partyOrganizationId: organization.id }, `đảng tịch ${id}`);
      await recorded(write, next, organization, unit, 'TRANSFERRED');
      write.concerns([leaving.path]);
      return stampAsOf(await followingSuccessions(write, PartyMembership, next, next.partyOrganizationId), write.date);
    });
  }

  /** Ends a membership on the change's effective date, for the reason given. */
  async end(principal: Principal, id: string, input: EndPartyMembershipInput): Promise<PartyMembership> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'endPartyMembership', change: input.change }, async (write) => {
      const { current, organization, unit } = await this.openMembership(write, principal, id);
      write.before(membershipSnapshot(current));
      const ended = await closeVersion(write, PartyMembership, current, `đảng tịch ${id}`);
      await updateVersions(write.manager, PartyMembership, [ended.versionId], { endReason: input.endReason });
      ended.endReason = input.endReason;
      await recorded(write, ended, organization, unit, 'ENDED', input.endReason);
      return stampAsOf(ended, write.date);
    });
  }

  /**
   * The open version of a membership, locked, with its Party organization as it stood on the
   * membership's last day before the change, inside the caller's territory then; anything else
   * is not found (a membership outside the territory is not revealed).
   */
  private async openMembership(write: DatedWrite, principal: Principal, id: string) {
    const current = await openVersion(write.manager, PartyMembership, id);
    if (!current) throw new MembershipNotFoundError('MEMBERSHIP', id);
    const lastDay = current.validFrom < write.date ? dayBefore(write.date) : current.validFrom;
    const held = await organizationOn(write.manager, principal, current.partyOrganizationId, lastDay, 'PARTY').catch(() => {
      throw new MembershipNotFoundError('MEMBERSHIP', id);
    });
    return { current, ...held };
  }
}

function refusingConflicts(cardNumber: string | null) {
  return (error: unknown): never => {
    throw membershipConflict(error, cardNumber) ?? error;
  };
}

/** The write's audit subject and state, and its event. */
async function recorded(
  write: DatedWrite,
  membership: PartyMembership,
  organization: OrganizationVersion,
  unit: GuardedUnit,
  action: Action,
  endReason: PartyMembershipEndReason | null = null,
): Promise<void> {
  write
    .about({ type: 'PartyMembership', id: membership.id, label: `Đảng tịch – ${organization.name}`, unitCode: unit.code, unitPaths: [unit.path] })
    .after(membershipSnapshot(membership));
  await write.emit(
    PartyMembershipChanged,
    { membershipId: membership.id, personId: membership.personId, action, partyOrganizationId: organization.id, unitCode: unit.code, endReason, ...write.facts },
    { aggregateId: membership.id, unitPath: unit.path },
  );
}
