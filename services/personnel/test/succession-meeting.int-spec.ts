import { randomUUID } from 'node:crypto';
import { OrganizationChanged, OrganizationClosed, OrganizationCreated, type OrganizationVersion } from '@ps/contracts';
import { eventMessage, InboxConsumer, type IncomingMessage, type OutgoingMessage } from '@ps/events';
import { createLogger, loadEnv, serviceEnvSchema, type RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, graphqlRequest, serviceTestEnv, tokenFor } from '@ps/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { projectOrganizations } from '../src/organization/organization.projection';
import { followSuccessions } from '../src/succession/succession.follow';
import { startWithSuccessionCommunes } from './succession.fixtures';

/*
 * A closing naming a successor and the storing of that successor arrive through two consumers,
 * each in its own transaction: they must meet (the members carried) whichever commits first,
 * and a closing into a successor already stored must not queue behind the projection's batches.
 */

const env = loadEnv(serviceEnvSchema, serviceTestEnv('personnel'));
let service: RunningService;

const founding = { number: '1/QĐ-TU', date: '1999-01-01', signer: 'Bí thư' };
const merger = { number: '1685/NQ-UBTVQH15', date: '2025-06-16', signer: 'Chủ tịch Quốc hội' };
const MERGED_ON = '2025-07-01';

const version = (unitCode: string, name: string): OrganizationVersion => ({
  id: randomUUID(), unitCode, parentId: null, kind: 'PARTY_GRASSROOTS', subtype: null, base: 'UNIT', name, validFrom: '1999-01-01', validTo: null,
});
const created = (organization: OrganizationVersion): OutgoingMessage =>
  eventMessage(OrganizationCreated, { organization, effectiveDate: organization.validFrom, reason: 'Thành lập', decision: founding }, { aggregateId: organization.id, actor: 'system:test' });
const renamed = (previous: OrganizationVersion, name: string): OutgoingMessage => {
  const organization = { ...previous, name, validFrom: '2020-01-01' };
  return eventMessage(OrganizationChanged, { previous, organization, replaced: false, effectiveDate: organization.validFrom, reason: 'Đổi tên', decision: founding },
    { aggregateId: organization.id, actor: 'system:test' });
};
const closedInto = (organization: OrganizationVersion, successorId: string): OutgoingMessage =>
  eventMessage(
    OrganizationClosed,
    { organization: { ...organization, validTo: MERGED_ON }, closedSeats: [], closedDuties: [], successorId, effectiveDate: MERGED_ON, reason: 'Sắp xếp đơn vị hành chính cấp xã', decision: merger },
    { aggregateId: organization.id, actor: 'system:test' },
  );
const received = (messages: OutgoingMessage[]): IncomingMessage[] => messages.map((message, offset) => ({ ...message, headers: message.headers ?? {}, partition: 0, offset: String(offset) }));

const logger = createLogger('personnel-meeting-test', 'silent');
const projection = (dataSource: DataSource) => projectOrganizations(new InboxConsumer({ name: 'personnel.organizations', bus: service.bus, dataSource, logger }));
const follower = () => followSuccessions(new InboxConsumer({ name: 'personnel.successions', bus: service.bus, dataSource: service.dataSource, logger }));

/**
 * A data source whose transactions, their work done, wait for `open()` before committing: a
 * projection batch caught between storing its versions and making them visible.
 */
function heldAtCommit(dataSource: DataSource) {
  let open!: () => void;
  let reached!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const atGate = new Promise<void>((resolve) => (reached = resolve));
  const held = new Proxy(dataSource, {
    get: (target, property) =>
      property === 'transaction'
        ? <T>(work: (manager: EntityManager) => Promise<T>) =>
            target.transaction(async (manager) => {
              const result = await work(manager);
              reached();
              await gate;
              return result;
            })
        : Reflect.get(target, property),
  });
  return { dataSource: held, atGate, open };
}

/** Whether `delivery` finishes before any session of this database waits on an advisory lock. */
async function finishesOrWaits(delivery: Promise<unknown>): Promise<'finished' | 'waited'> {
  let finished = false;
  const done = delivery.then(() => ((finished = true), 'finished' as const));
  const waited = (async () => {
    while (!finished) {
      const [{ n }] = await service.dataSource.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'",
      );
      if (n > 0) return 'waited' as const;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return 'finished' as const;
  })();
  return Promise.race([done, waited]);
}

/** A Party member of `organization` from 2001, put on file and admitted through the API. */
async function admitted(key: string, organization: OrganizationVersion): Promise<string> {
  const person = await graphqlRequest<{ registerPerson: { id: string } }>(service.url, 'mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }', {
    token: await tokenFor(DEMO_USERS.districtOrganizationBoard),
    variables: { input: { unitCode: organization.unitCode, fullName: `Người Thử ${key}`, personalId: `074080${key.padStart(6, '8')}`, birthDate: '1980-01-01', gender: 'MALE', ethnicity: 'Kinh', homePlace: 'Bình Dương', category: 'CADRE', change: changeOn('1999-06-01') } },
  });
  expect(person.errors).toBeUndefined();
  const membership = await graphqlRequest<{ admitPartyMember: { id: string } }>(service.url, 'mutation ($input: AdmitPartyMemberInput!) { admitPartyMember(input: $input) { id } }', {
    token: await tokenFor(DEMO_USERS.districtOfficer),
    variables: { input: { personId: person.data?.registerPerson.id, partyOrganizationId: organization.id, officialDate: null, cardNumber: null, change: changeOn('2001-01-01') } },
  });
  expect(membership.errors).toBeUndefined();
  return membership.data?.admitPartyMember.id ?? '';
}

const membershipVersions = (id: string) =>
  service.dataSource.query('SELECT party_organization_id AS "organizationId", valid_from::text AS "from", valid_to::text AS "to" FROM party_membership WHERE id = $1 ORDER BY valid_from', [id]);

beforeAll(async () => {
  service = await startWithSuccessionCommunes(env);
});

afterAll(() => service?.stop());

describe('a closing and the storing of its successor, in transactions side by side', () => {
  it('carries the members into a successor already stored without waiting for a projection batch storing a new version of it', async () => {
    const closed = version('25798', 'Đảng bộ xã Định Hiệp');
    const successor = version('25807', 'Đảng bộ xã Thanh An');
    expect(await projection(service.dataSource).deliverBatch(received([closed, successor].map(created)))).toEqual(['applied', 'applied']);
    const membership = await admitted('1', closed);

    const batch = heldAtCommit(service.dataSource);
    const renaming = projection(batch.dataSource).deliverBatch(received([renamed(successor, 'Đảng bộ xã Thanh An (đổi tên)')]));
    await batch.atGate;
    const closing = follower().deliverBatch(received([closedInto(closed, successor.id)]));
    const outcome = await finishesOrWaits(closing);
    batch.open();
    expect(await renaming).toEqual(['applied']);
    expect(await closing).toEqual(['applied']);

    expect(outcome).toBe('finished');
    expect(await membershipVersions(membership)).toEqual([
      { organizationId: closed.id, from: '2001-01-01', to: MERGED_ON },
      { organizationId: successor.id, from: MERGED_ON, to: null },
    ]);
  });

  it('waits for a successor stored in a transaction not yet committed, and carries the members once it commits', async () => {
    const closed = version('25798', 'Chi bộ Ấp 2 Định Hiệp');
    const successor = version('25807', 'Chi bộ Ấp 2 Thanh An');
    expect(await projection(service.dataSource).deliverBatch(received([created(closed)]))).toEqual(['applied']);
    const membership = await admitted('2', closed);

    const batch = heldAtCommit(service.dataSource);
    const storing = projection(batch.dataSource).deliverBatch(received([created(successor)]));
    await batch.atGate;
    const closing = follower().deliverBatch(received([closedInto(closed, successor.id)]));
    const outcome = await finishesOrWaits(closing);
    batch.open();
    expect(await storing).toEqual(['applied']);
    expect(await closing).toEqual(['applied']);

    expect(outcome).toBe('waited');
    expect(await membershipVersions(membership)).toEqual([
      { organizationId: closed.id, from: '2001-01-01', to: MERGED_ON },
      { organizationId: successor.id, from: MERGED_ON, to: null },
    ]);
    const transfers = await service.dataSource.query("SELECT count(*)::int AS n FROM audit_log WHERE operation = 'followSuccession' AND before->>'organizationId' = $1", [closed.id]);
    expect(transfers[0].n).toBe(1);
  });
});
