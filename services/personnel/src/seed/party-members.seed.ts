import { randomUUID } from 'node:crypto';
import { PartyMembershipChanged, PersonRegistered } from '@ps/contracts';
import { inForceOn, systemActor, writeDated, type ChangeFacts, type DatedWrite } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { PartyMembership } from '../party/party-membership.entity';
import { Person } from '../person/person.entity';
import { DEMO_PARTY_FIGURES, DEMO_PERSONAL_ID_PROVINCE, demoPartyMembers, type DemoPartyMember, type DemoPartyOrganization } from './party-members.story';

const DISTRICT = '720';
/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for either table. */
const BATCH = 500;

/** Demo data cites no real document: its decision says so. */
const DEMO_CHANGE: ChangeFacts = {
  effectiveDate: '1999-01-01',
  reason: 'Dữ liệu mẫu: đảng viên của câu chuyện Dầu Tiếng / demo data: the Dầu Tiếng story’s Party members',
  decision: { number: 'MINH-HOA/DANG-VIEN-MAU', date: '1999-01-01', signer: 'Dữ liệu minh họa, không phải văn bản thật / illustrative, not a real document' },
};

/** The district's grassroots Party organizations, every version with its name, as the projection holds them (all of 720 and below). */
export async function dauTiengGrassroots(dataSource: DataSource): Promise<DemoPartyOrganization[]> {
  return dataSource.query(
    `SELECT DISTINCT organization.id, organization.unit_code AS "unitCode", organization.name, organization.valid_from::text AS "validFrom", organization.valid_to::text AS "validTo"
       FROM organization organization
       JOIN territory_unit unit ON unit.code = organization.unit_code AND ${inForceOn('unit', 'organization.valid_from')}
      WHERE organization.kind = 'PARTY_GRASSROOTS' AND unit.path <@ (SELECT path FROM territory_unit WHERE code = $1 ORDER BY valid_from LIMIT 1)
      ORDER BY organization.id, "validFrom"`,
    [DISTRICT],
  );
}

/**
 * Records the story's Party members once (nothing when demo people are already there): their
 * e-files and memberships in batched INSERTs, through one dated write (one decision, one audit
 * row), with a PersonRegistered and a PartyMembershipChanged event for each. Returns how many.
 */
export async function seedDauTiengPartyMembers(dataSource: DataSource): Promise<number> {
  const organizations = await dauTiengGrassroots(dataSource);
  return writeDated(dataSource, { actor: systemActor('seed'), operation: 'seedDauTiengPartyMembers', change: DEMO_CHANGE }, async (write) => {
    const [{ present }] = await write.manager.query('SELECT count(*)::int AS present FROM person WHERE personal_id LIKE $1', [`${DEMO_PERSONAL_ID_PROVINCE}%`]);
    const members = present > 0 ? [] : demoPartyMembers(organizations);
    const [{ path }] = await write.manager.query('SELECT path::text AS path FROM territory_unit WHERE code = $1 ORDER BY valid_from LIMIT 1', [DISTRICT]);
    write.about({ type: 'PartyMembership', id: DISTRICT, label: 'Đảng viên huyện Dầu Tiếng (dữ liệu mẫu) / demo Party members', unitCode: DISTRICT, unitPaths: [path] });
    if (members.length === 0) {
      write.unchanged();
      return 0;
    }
    write.after({ members: members.length, figures: DEMO_PARTY_FIGURES });
    for (let start = 0; start < members.length; start += BATCH) await insertBatch(write, members.slice(start, start + BATCH));
    return members.length;
  });
}

async function insertBatch(write: DatedWrite, members: readonly DemoPartyMember[]): Promise<void> {
  const started = { reason: write.change.reason, decisionId: write.change.decision.id, createdBy: write.actor.userId, validTo: null };
  const rows = members.map((member) => ({ member, personId: randomUUID(), membershipId: randomUUID() }));
  await write.manager.getRepository(Person).insert(
    rows.map(({ member, personId }): QueryDeepPartialEntity<Person> => ({
      ...started, id: personId, validFrom: member.joinedOn, fullName: member.fullName, personalId: member.personalId, birthDate: member.birthDate,
      birthYear: Number(member.birthDate.slice(0, 4)), gender: member.gender, ethnicity: 'Kinh', religion: null,
      homePlace: 'Dữ liệu mẫu – Dầu Tiếng, Bình Dương', category: member.category, unitCode: member.unitCode,
    })),
  );
  await write.manager.getRepository(PartyMembership).insert(
    rows.map(({ member, personId, membershipId }): QueryDeepPartialEntity<PartyMembership> => ({
      ...started, id: membershipId, validFrom: member.joinedOn, personId, partyOrganizationId: member.partyOrganizationId,
      admissionDate: member.admissionDate, officialDate: member.officialDate, cardNumber: member.cardNumber, endReason: null,
    })),
  );
  const facts = (effectiveDate: string) => ({ ...write.facts, effectiveDate });
  await write.emitMany(PersonRegistered, rows.map(({ member, personId }) => ({
    payload: {
      personId, fullName: member.fullName, birthYear: Number(member.birthDate.slice(0, 4)), gender: member.gender, category: member.category,
      unitCode: member.unitCode, ...facts(member.joinedOn),
    },
    place: { aggregateId: personId },
  })));
  await write.emitMany(PartyMembershipChanged, rows.map(({ member, personId, membershipId }) => ({
    payload: {
      membershipId, personId, action: 'ADMITTED' as const, partyOrganizationId: member.partyOrganizationId, unitCode: member.unitCode,
      endReason: null, ...facts(member.joinedOn),
    },
    place: { aggregateId: membershipId },
  })));
}
