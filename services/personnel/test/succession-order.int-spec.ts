import { type OrganizationVersion, ORGANIZATION_TOPIC } from '@ps/contracts';
import { deadLetterTopic, type OutgoingMessage } from '@ps/events';
import { loadEnv, serviceEnvSchema, type RunningService } from '@ps/service-kit';
import { eventually, publishAndAwait, serviceTestEnv } from '@ps/testing';
import { admittedMember, body, closedInto, created, MERGED_ON, MERGER as merger, startWithSuccessionCommunes } from './succession.fixtures';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('personnel'));
let service: RunningService;

/** Two mergers alike: one announced in order, one whose successor organization reaches personnel after the closing. */
const inOrder = { closed: body('25801', 'Đảng bộ xã An Lập'), successor: body('25807', 'Đảng bộ xã Thanh An') };
const successorLate = { closed: body('25798', 'Đảng bộ xã Định Hiệp'), successor: body('25807', 'Đảng bộ xã Thanh An mới') };
/** Merged in 2025 into a body known, which is merged again in 2026 into one that reaches personnel last. */
const chain = {
  first: body('25801', 'Chi bộ Ấp 1 An Lập'),
  second: body('25807', 'Chi bộ Ấp 1 Thanh An'),
  third: body('25807', 'Chi bộ Ấp 1-2 Thanh An'),
};
type Merger = typeof inOrder;
const memberships: Record<string, string> = {};

const count = async (sql: string, parameters: unknown[] = []): Promise<number> => (await service.dataSource.query(sql, parameters))[0].n;
const inboxHas = (consumer: string, messages: OutgoingMessage[]) => () =>
  count('SELECT count(*)::int AS n FROM inbox WHERE consumer = $1 AND event_id = ANY($2::uuid[])', [consumer, messages.map((message) => JSON.parse(message.value).id)]);

/** A Party member of `organization` from 2001, put on file and admitted through the API. */
const admitted = async (key: string, organization: OrganizationVersion): Promise<string> =>
  (await admittedMember(service, key, organization.unitCode, organization.id)).membershipId;

/** A membership's versions and its transfer's audit row, with the merger's organizations named by their role. */
async function followed(merger: Merger, membershipId: string) {
  const role = (id: string) => (id === merger.closed.id ? 'closed' : id === merger.successor.id ? 'successor' : id);
  const versions = await service.dataSource.query('SELECT party_organization_id, valid_from::text, valid_to::text FROM party_membership WHERE id = $1 ORDER BY valid_from', [membershipId]);
  const transfers = await service.dataSource.query(
    `SELECT a.user_id, d.number, a.after->>'organizationId' AS "to" FROM audit_log a JOIN decision d ON d.id = a.decision_id
      WHERE a.operation = 'followSuccession' AND a.after->'membershipIds' @> $1::jsonb`,
    [JSON.stringify([membershipId])],
  );
  return {
    versions: versions.map((version: { party_organization_id: string }) => ({ ...version, party_organization_id: role(version.party_organization_id) })),
    transfers: transfers.map((transfer: { to: string }) => ({ ...transfer, to: role(transfer.to) })),
  };
}

beforeAll(async () => {
  service = await startWithSuccessionCommunes(env);
  const known = [inOrder.closed, inOrder.successor, successorLate.closed, chain.first, chain.second].map(created);
  await publishAndAwait(known, (messages) => service.bus.publish(messages), inboxHas('personnel.organizations', known), 'organizations projected');
  memberships.inOrder = await admitted('1', inOrder.closed);
  memberships.successorLate = await admitted('2', successorLate.closed);
  memberships.chain = await admitted('3', chain.first);
});

afterAll(() => service?.stop());

describe('a closing that reaches personnel before its successor organization', () => {
  it('carries the members once the successor is known, ending in the same rows as in order, with nothing dead-lettered', async () => {
    const inOrderClosing = [closedInto(inOrder.closed, inOrder.successor.id)];
    await publishAndAwait(inOrderClosing, (messages) => service.bus.publish(messages), inboxHas('personnel.successions', inOrderClosing), 'closing in order');
    const expected = {
      versions: [
        { party_organization_id: 'closed', valid_from: '2001-01-01', valid_to: MERGED_ON },
        { party_organization_id: 'successor', valid_from: MERGED_ON, valid_to: null },
      ],
      transfers: [{ user_id: 'system:personnel.succession', number: merger.number, to: 'successor' }],
    };
    expect(await followed(inOrder, memberships.inOrder)).toEqual(expected);

    // The closing names a successor personnel has not heard of yet: it is recorded and waits.
    const earlyClosing = [closedInto(successorLate.closed, successorLate.successor.id)];
    await publishAndAwait(earlyClosing, (messages) => service.bus.publish(messages), inboxHas('personnel.successions', earlyClosing), 'closing before its successor');
    expect((await followed(successorLate, memberships.successorLate)).versions).toEqual([
      { party_organization_id: 'closed', valid_from: '2001-01-01', valid_to: null },
    ]);

    const successor = [created(successorLate.successor)];
    await publishAndAwait(successor, (messages) => service.bus.publish(messages), inboxHas('personnel.organizations', successor), 'the successor, late');
    expect(await followed(successorLate, memberships.successorLate)).toEqual(expected);

    const transferred = "SELECT count(*)::int AS n FROM outbox WHERE envelope->>'type' = 'PartyMembershipChanged' AND envelope->'payload'->>'action' = 'TRANSFERRED'";
    expect(await count(transferred)).toBe(2);
    expect(await service.bus.readAll(deadLetterTopic(ORGANIZATION_TOPIC))).toEqual([]);

    // Announced again, in either order, nothing moves twice.
    const audits = await count('SELECT count(*)::int AS n FROM audit_log');
    const again = [created(successorLate.successor), closedInto(successorLate.closed, successorLate.successor.id), closedInto(inOrder.closed, inOrder.successor.id)];
    await service.bus.publish(again);
    await eventually(async () => ((await service.bus.consumerLag('personnel.successions', ORGANIZATION_TOPIC)) + (await service.bus.consumerLag('personnel.organizations', ORGANIZATION_TOPIC)) === 0 ? true : undefined), { what: 'announcements again consumed' });
    expect(await followed(successorLate, memberships.successorLate)).toEqual(expected);
    expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(audits);
  });

  it('follows a chain of closings whose last successor arrives after both, each link from its own date', async () => {
    const closings = [closedInto(chain.first, chain.second.id), closedInto(chain.second, chain.third.id, '2026-01-01')];
    await publishAndAwait(closings, (messages) => service.bus.publish(messages), inboxHas('personnel.successions', closings), 'both closings');
    const versions = () =>
      service.dataSource.query('SELECT party_organization_id, valid_from::text, valid_to::text FROM party_membership WHERE id = $1 ORDER BY valid_from', [memberships.chain]);
    expect(await versions()).toEqual([
      { party_organization_id: chain.first.id, valid_from: '2001-01-01', valid_to: MERGED_ON },
      { party_organization_id: chain.second.id, valid_from: MERGED_ON, valid_to: null },
    ]);
    const last = [created(chain.third)];
    await publishAndAwait(last, (messages) => service.bus.publish(messages), inboxHas('personnel.organizations', last), 'the last successor, late');
    expect(await versions()).toEqual([
      { party_organization_id: chain.first.id, valid_from: '2001-01-01', valid_to: MERGED_ON },
      { party_organization_id: chain.second.id, valid_from: MERGED_ON, valid_to: '2026-01-01' },
      { party_organization_id: chain.third.id, valid_from: '2026-01-01', valid_to: null },
    ]);
  });
});
