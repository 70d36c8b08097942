import type { OrganizationVersion } from '@ps/contracts';
import { InboxConsumer, type OutgoingMessage } from '@ps/events';
import { createLogger, loadEnv, serviceEnvSchema, type RunningService } from '@ps/service-kit';
import { serviceTestEnv } from '@ps/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { projectOrganizations } from '../src/organization/organization.projection';
import { followSuccessions } from '../src/succession/succession.follow';
import { admittedMember, body, closedInto, created, MERGED_ON, received, renamed, startWithSuccessionCommunes } from './succession.fixtures';

/*
 * A closing naming a successor and the storing of that successor arrive through two consumers,
 * each in its own transaction: they must meet (the members carried) whichever commits first,
 * and a closing into a successor already stored must not queue behind the projection's batches.
 */

const env = loadEnv(serviceEnvSchema, serviceTestEnv('personnel'));
let service: RunningService;

const renamedIn2020 = (previous: OrganizationVersion, name: string) => renamed(previous, { ...previous, name, validFrom: '2020-01-01' });

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
const admitted = async (key: string, organization: OrganizationVersion): Promise<string> =>
  (await admittedMember(service, key, organization.unitCode, organization.id)).membershipId;

const membershipVersions = (id: string) =>
  service.dataSource.query('SELECT party_organization_id AS "organizationId", valid_from::text AS "from", valid_to::text AS "to" FROM party_membership WHERE id = $1 ORDER BY valid_from', [id]);

/**
 * A projection batch of `stored` held open before its commit while the follower applies the
 * closing of `closed` into `successor`: whether the closing finished or waited meanwhile; both
 * applied in the end.
 */
async function closingBesideHeldBatch(stored: OutgoingMessage, closed: OrganizationVersion, successor: OrganizationVersion): Promise<'finished' | 'waited'> {
  const batch = heldAtCommit(service.dataSource);
  const storing = projection(batch.dataSource).deliverBatch(received([stored]));
  await batch.atGate;
  const closing = follower().deliverBatch(received([closedInto(closed, successor.id)]));
  const outcome = await finishesOrWaits(closing);
  batch.open();
  expect(await storing).toEqual(['applied']);
  expect(await closing).toEqual(['applied']);
  return outcome;
}

/** Carried: a membership of `closed` from 2001 that passed to `successor` on the merger. */
const carriedInto = (closed: OrganizationVersion, successor: OrganizationVersion) => [
  { organizationId: closed.id, from: '2001-01-01', to: MERGED_ON },
  { organizationId: successor.id, from: MERGED_ON, to: null },
];

beforeAll(async () => {
  service = await startWithSuccessionCommunes(env);
});

afterAll(() => service?.stop());

describe('a closing and the storing of its successor, in transactions side by side', () => {
  it('carries the members into a successor already stored without waiting for a projection batch storing a new version of it', async () => {
    const closed = body('25798', 'Đảng bộ xã Định Hiệp');
    const successor = body('25807', 'Đảng bộ xã Thanh An');
    expect(await projection(service.dataSource).deliverBatch(received([closed, successor].map(created)))).toEqual(['applied', 'applied']);
    const membership = await admitted('1', closed);

    expect(await closingBesideHeldBatch(renamedIn2020(successor, 'Đảng bộ xã Thanh An (đổi tên)'), closed, successor)).toBe('finished');
    expect(await membershipVersions(membership)).toEqual(carriedInto(closed, successor));
  });

  it('waits for a successor stored in a transaction not yet committed, and carries the members once it commits', async () => {
    const closed = body('25798', 'Chi bộ Ấp 2 Định Hiệp');
    const successor = body('25807', 'Chi bộ Ấp 2 Thanh An');
    expect(await projection(service.dataSource).deliverBatch(received([created(closed)]))).toEqual(['applied']);
    const membership = await admitted('2', closed);

    expect(await closingBesideHeldBatch(created(successor), closed, successor)).toBe('waited');
    expect(await membershipVersions(membership)).toEqual(carriedInto(closed, successor));
    const transfers = await service.dataSource.query("SELECT count(*)::int AS n FROM audit_log WHERE operation = 'followSuccession' AND before->>'organizationId' = $1", [closed.id]);
    expect(transfers[0].n).toBe(1);
  });
});
