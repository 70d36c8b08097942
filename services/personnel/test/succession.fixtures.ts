import { randomUUID } from 'node:crypto';
import { demoTerritoryAnnouncements, OrganizationChanged, OrganizationClosed, OrganizationCreated, UnitCreated, type OrganizationVersion } from '@ps/contracts';
import { eventMessage, type IncomingMessage, type OutgoingMessage } from '@ps/events';
import { startService, type RunningService, type ServiceEnv } from '@ps/service-kit';
import { changeOn, DEMO_USERS, graphqlRequest, publishAndAwait, recreateTestDatabase, tokenFor } from '@ps/testing';
import { personnelService } from '../src/service';

export const FOUNDING = { number: '1/QĐ-TU', date: '1999-01-01', signer: 'Bí thư' };
export const MERGER = { number: '1685/NQ-UBTVQH15', date: '2025-06-16', signer: 'Chủ tịch Quốc hội' };
export const MERGED_ON = '2025-07-01';

/** An organization's first version, from 1999, as organization announces it. */
export const body = (unitCode: string, name: string, kind: OrganizationVersion['kind'] = 'PARTY_GRASSROOTS'): OrganizationVersion => ({
  id: randomUUID(), unitCode, parentId: null, kind, subtype: null, base: 'UNIT', name, validFrom: '1999-01-01', validTo: null,
});
export const created = (organization: OrganizationVersion): OutgoingMessage =>
  eventMessage(OrganizationCreated, { organization, effectiveDate: organization.validFrom, reason: 'Thành lập', decision: FOUNDING }, { aggregateId: organization.id, actor: 'system:test' });
export const renamed = (previous: OrganizationVersion, organization: OrganizationVersion): OutgoingMessage =>
  eventMessage(OrganizationChanged, { previous, organization, replaced: false, effectiveDate: organization.validFrom, reason: 'Đổi tên', decision: FOUNDING },
    { aggregateId: organization.id, actor: 'system:test' });
/** `organization` closed on `on` by the 2025 merger, its members and posts passing to `successorId`. */
export const closedInto = (organization: OrganizationVersion, successorId: string, on = MERGED_ON): OutgoingMessage =>
  eventMessage(
    OrganizationClosed,
    { organization: { ...organization, validTo: on }, closedSeats: [], closedDuties: [], successorId, effectiveDate: on, reason: 'Sắp xếp đơn vị hành chính cấp xã', decision: MERGER },
    { aggregateId: organization.id, actor: 'system:test' },
  );
/** Messages as a consumer reads them from its partition. */
export const received = (messages: OutgoingMessage[]): IncomingMessage[] =>
  messages.map((message, offset) => ({ ...message, headers: message.headers ?? {}, partition: 0, offset: String(offset) }));

/** A person of `unitCode` put on file and admitted a Party member of `partyOrganizationId` from 2001, through the API. */
export async function admittedMember(service: RunningService, key: string, unitCode: string, partyOrganizationId: string): Promise<{ personId: string; membershipId: string }> {
  const person = await graphqlRequest<{ registerPerson: { id: string } }>(service.url, 'mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }', {
    token: await tokenFor(DEMO_USERS.districtOrganizationBoard),
    variables: { input: { unitCode, fullName: `Người Thử ${key}`, personalId: `074080${key.padStart(6, '9')}`, birthDate: '1980-01-01', gender: 'MALE', ethnicity: 'Kinh', homePlace: 'Bình Dương', category: 'CADRE', change: changeOn('1999-06-01') } },
  });
  expect(person.errors).toBeUndefined();
  const personId = person.data?.registerPerson.id ?? '';
  const membership = await graphqlRequest<{ admitPartyMember: { id: string } }>(service.url, 'mutation ($input: AdmitPartyMemberInput!) { admitPartyMember(input: $input) { id } }', {
    token: await tokenFor(DEMO_USERS.districtOfficer),
    variables: { input: { personId, partyOrganizationId, officialDate: null, cardNumber: null, change: changeOn('2001-01-01') } },
  });
  expect(membership.errors).toBeUndefined();
  return { personId, membershipId: membership.data?.admitPartyMember.id ?? '' };
}

/**
 * Personnel on a fresh database, its territory projected: the demo tree and the two communes
 * (25798, 25807) the succession specs merge and close bodies in.
 */
export async function startWithSuccessionCommunes(env: ServiceEnv): Promise<RunningService> {
  await recreateTestDatabase(env.DATABASE_URL);
  const service = await startService(personnelService, env);
  const communes = ['25798', '25807'].map((code) =>
    eventMessage(UnitCreated, { code, name: `Xã ${code}`, tier: 'COMMUNE', parentCode: '720', path: `74.720.${code}`, validFrom: '1999-01-01', validTo: null, decision: null },
      { aggregateId: code, actor: 'system:test' }));
  await publishAndAwait([...demoTerritoryAnnouncements(), ...communes], (messages) => service.bus.publish(messages),
    async () => (await service.dataSource.query('SELECT count(DISTINCT code)::int AS n FROM territory_unit'))[0].n, 'territory projected');
  return service;
}
