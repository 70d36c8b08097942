import { eventually, holdTransaction, queryDatabase, runInfraScript, type StartedProcess } from '@ps/testing';
import { databaseOf, everyServiceProjectedTheTerritory, startPlatform, startPlatformService, stopPlatform, type PlatformOptions } from './platform';
import {
  approvalsReceivedFor,
  approve,
  appraisedProposal,
  proposalView,
  quotaChangesFor,
  quotaOf,
  quotaReaches,
  quotaVersions,
  report,
  settled,
  thanhAnOfficeWithQuota,
} from './staffing-saga';

/**
 * The staffing-proposal saga under faults, on a platform whose Kafka is a private broker this
 * suite stops and starts (the shared one is never touched): an approval made while Kafka is
 * down (and organization restarted before it is back), and organization killed (SIGKILL) while it holds the approval in an open transaction.
 * Either way the quota rises exactly once and the proposal ends APPLIED.
 */
const BROKER = { KAFKA_NAME: 'kafka-saga-faults', KAFKA_PORT: '19192', KAFKA_CONTROLLER_PORT: '19193' };
const options: PlatformOptions = { kafkaBrokers: [`127.0.0.1:${BROKER.KAFKA_PORT}`] };
let platform: StartedProcess[] = [];
let office: string;

beforeAll(async () => {
  runInfraScript('kafka.sh', ['start'], BROKER);
  platform = await startPlatform(options);
  // The saga needs reform's copy of the territory; the other services keep projecting meanwhile.
  await everyServiceProjectedTheTerritory(['reform'], 600_000);
  office = await thanhAnOfficeWithQuota();
}, 900_000);

afterAll(async () => {
  try {
    await stopPlatform(platform);
  } finally {
    runInfraScript('kafka.sh', ['stop'], BROKER);
  }
}, 120_000);

/** The reform outbox row of the proposal's approval: how often the relay tried it, and whether it went out. */
async function approvalInOutbox(proposalId: string) {
  const [row] = await queryDatabase<{ attempts: number; published: boolean }>(databaseOf('reform'),
    "SELECT attempts, published_at IS NOT NULL AS published FROM outbox WHERE event_type = 'StaffingProposalApproved' AND envelope->'payload'->>'proposalId' = $1", [proposalId]);
  return row;
}

/** The office's latest quota amount, read from organization's database (for when organization is down). */
async function storedQuota(organizationId: string): Promise<number> {
  const [row] = await queryDatabase<{ amount: number }>(databaseOf('organization'),
    "SELECT amount FROM staffing_quota WHERE holder_kind = 'ORGANIZATION' AND holder_id = $1 ORDER BY valid_from DESC LIMIT 1", [organizationId]);
  return row.amount;
}

/**
 * Proof that organization received the approval and is mid-transaction: a backend blocked by the
 * test's lock whose transaction has already written to the inbox (uncommitted, so invisible as a row).
 * Polled on fresh connections: a transaction sees pg_stat_activity as of its first look.
 */
async function blockedInsideInbox(holderPid: number): Promise<number | undefined> {
  const [row] = await queryDatabase<{ pid: number }>(databaseOf('organization'),
    `SELECT activity.pid FROM pg_stat_activity activity
      WHERE $1 = ANY(pg_blocking_pids(activity.pid))
        AND EXISTS (SELECT 1 FROM pg_locks held WHERE held.pid = activity.pid AND held.relation = 'inbox'::regclass AND held.mode = 'RowExclusiveLock')`,
    [holderPid]);
  return row?.pid;
}

describe('the staffing-proposal saga under faults', () => {
  it('raises the quota exactly once after Kafka comes back, for an approval made while it was down and organization restarted meanwhile', async () => {
    const id = await appraisedProposal(office, 2, '2026-04-10');
    runInfraScript('kafka.sh', ['stop'], BROKER);
    const stoppedAt = Date.now();
    try {
      await approve(id, '2026-04-10'); // the outbox keeps the event: the approval needs no broker
      // The relay has tried and failed: the event is waiting, not lost and not delivered.
      await eventually(async () => {
        const row = await approvalInOutbox(id);
        return row && !row.published && row.attempts >= 2 ? true : undefined;
      }, { what: 'the approval tried and kept in reform’s outbox', timeoutMs: 90_000 });
      expect(await quotaOf(office)).toBe(10);
      expect((await proposalView(id)).status).toBe('APPROVED');
      // Organization, the approval's consumer, restarted while the broker is away: it serves reads
      // at once and joins its consumer groups when the broker is back (it once exited 'could not start').
      const organization = platform.findIndex((process) => process.name === 'organization');
      await platform[organization].kill('SIGKILL');
      platform[organization] = await startPlatformService('organization', options);
      expect(await quotaOf(office)).toBe(10);
      // Longer than the Kafka client's own bounded retries, after which a consumer's start gives up.
      await new Promise((resolve) => setTimeout(resolve, 20_000));
      expect(await quotaOf(office)).toBe(10);
    } finally {
      runInfraScript('kafka.sh', ['start'], BROKER);
    }
    const backAt = Date.now();
    report(`Kafka down for ${backAt - stoppedAt} ms (stop, approval, failed publishes, start)`);
    const visibleMs = await quotaReaches(office, 12, backAt, 180_000);
    const { view, delayMs } = await settled(id, backAt, 180_000);
    report(`Kafka back → quota 10 → 12 visible through the gateway: ${visibleMs} ms; → APPLIED: ${delayMs} ms`);
    expect(view).toMatchObject({ status: 'APPLIED', appliedQuota: 12 });
    expect((await quotaVersions(office)).map((version) => version.amount)).toEqual([10, 12]);
    expect(await quotaChangesFor(id)).toBe(1);
    expect(await approvalsReceivedFor(id)).toBe(1);
  }, 600_000);

  it('raises the quota exactly once when organization is killed between receiving the approval and committing', async () => {
    const id = await appraisedProposal(office, 3, '2026-04-20');
    // The test's own transaction holds the row lock organization's handler needs to raise the
    // office's quota (the latest version, locked FOR UPDATE), so the handler stops inside its transaction.
    const holder = await holdTransaction(databaseOf('organization'));
    let killedAt = 0;
    try {
      await holder.query("SELECT id FROM staffing_quota WHERE holder_kind = 'ORGANIZATION' AND holder_id = $1 ORDER BY valid_from DESC LIMIT 1 FOR UPDATE", [office]);
      const approvedAt = await approve(id, '2026-04-20');
      const blocked = await eventually(() => blockedInsideInbox(holder.pid), {
        what: 'organization’s handler waiting on the held quota row, inside its inbox transaction', timeoutMs: 90_000,
      });
      report(`approval → organization's handler blocked inside its transaction: ${Date.now() - approvedAt} ms`);
      const organization = platform.findIndex((process) => process.name === 'organization');
      await platform[organization].kill('SIGKILL');
      killedAt = Date.now();
      await holder.release();
      // The killed process's transaction rolls back once its backend notices the client is gone.
      await eventually(async () => ((await queryDatabase(databaseOf('organization'), 'SELECT 1 FROM pg_stat_activity WHERE pid = $1', [blocked])).length === 0 ? true : undefined), {
        what: 'the killed organization’s backend gone', timeoutMs: 60_000,
      });
      expect(await storedQuota(office)).toBe(12);
      expect(await approvalsReceivedFor(id)).toBe(0);
      expect(await quotaChangesFor(id)).toBe(0);
      platform[organization] = await startPlatformService('organization', options);
    } finally {
      await holder.release();
    }
    const restartedAt = Date.now();
    const visibleMs = await quotaReaches(office, 15, killedAt, 180_000);
    const { view, delayMs } = await settled(id, killedAt, 180_000);
    report(`organization restarted ${restartedAt - killedAt} ms after the kill; kill → quota 12 → 15 visible: ${visibleMs} ms; → APPLIED: ${delayMs} ms`);
    expect(view).toMatchObject({ status: 'APPLIED', appliedQuota: 15 });
    expect((await quotaVersions(office)).map((version) => version.amount)).toEqual([10, 12, 15]);
    expect(await quotaChangesFor(id)).toBe(1);
    expect(await approvalsReceivedFor(id)).toBe(1);
  }, 600_000);
});
