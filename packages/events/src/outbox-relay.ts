import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { eventHeaders } from './envelope';
import type { EventBus } from './event-bus';
import { publishTraced, type TraceCarrier } from './event-tracing';
import { OutboxListener } from './outbox-listener';

export interface OutboxRelaySettings {
  dataSource: DataSource;
  bus: EventBus;
  logger: Logger;
  /** Rows claimed per transaction (default 1,000); they are sent in requests of at most `MAX_SEND_BYTES`. */
  batchSize?: number;
  /** Pause between polls when the outbox is empty and no listener is connected (default 200 ms). */
  idleMs?: number;
  /**
   * A direct database connection to LISTEN on for commits of outbox rows (see {@link OutboxListener}):
   * an event is then published within milliseconds of its commit, and polling, every
   * `listeningIdleMs`, is only the safety net. None: polling every `idleMs` only.
   */
  listenUrl?: string;
  /** Pause between safety-net polls while the listener is connected (default 1 s). */
  listeningIdleMs?: number;
  /** Longest pause after repeated failures (Kafka down). */
  maxBackoffMs?: number;
}

/**
 * Rows per claim. After a national load (96,000 events at scale 0.01) the relay published about
 * 1,500 events/s in claims of 200, each waiting for Kafka's acknowledgement under the consumers'
 * load; larger claims spread that wait over more events.
 */
const DEFAULT_BATCH_SIZE = 1000;

/**
 * Envelope bytes per produce request: a claim is sent in requests this large, one after another
 * (in order), so a partition's share of one stays under the broker's `message.max.bytes` (1 MiB
 * by default) however the claim's keys fall.
 */
export const MAX_SEND_BYTES = 512 * 1024;

interface OutboxRow {
  position: string;
  id: string;
  topic: string;
  message_key: string;
  event_type: string;
  version: string;
  correlation_id: string;
  envelope_text: string;
  trace_context: TraceCarrier | null;
}

/**
 * Claims the oldest pending rows that no other transaction holds, then keeps only those with no
 * earlier pending row of the same topic and key outside this claim. Without that second step,
 * relay A could claim an aggregate's first event and relay B its second, and B's send could
 * reach the partition first. A held-back row stays locked, untouched, until this transaction
 * ends and is claimed again once its predecessor is published.
 *
 * Chosen over one publishing relay per database (a transaction-level advisory lock): relays
 * still share the load, and a row locked by anything else (another relay's claim, a failure
 * being recorded) holds back only its own aggregate's later events, where a skipped row under
 * a global lock would let them overtake it.
 *
 * The rows that can hold a claimed one back all lie before the last claimed position: only
 * those are read (`holding_back`, through the `outbox_unpublished` index), so a claim costs
 * the same with 100 or 100,000 events waiting. Left to itself, the planner hashed every pending
 * row for the check: with the 74,400 events of a national load waiting, each claim read them
 * all (53 ms idle, far more under load) and the relay published ~500 events/s.
 */
const CLAIM_IN_AGGREGATE_ORDER = `
  WITH claimed AS (
    SELECT position, id, topic, message_key, event_type, envelope, trace_context
      FROM outbox
     WHERE published_at IS NULL
     ORDER BY position
     LIMIT $1
       FOR UPDATE SKIP LOCKED),
  holding_back AS (
    SELECT earlier.position, earlier.topic, earlier.message_key
      FROM outbox earlier
     WHERE earlier.published_at IS NULL
       AND earlier.position < (SELECT max(position) FROM claimed)
       AND earlier.position NOT IN (SELECT position FROM claimed))
  SELECT claimed.position, claimed.id, claimed.topic, claimed.message_key, claimed.event_type,
         claimed.envelope ->> 'version' AS version, claimed.envelope ->> 'correlationId' AS correlation_id,
         claimed.envelope::text AS envelope_text, claimed.trace_context
    FROM claimed
   WHERE NOT EXISTS (
     SELECT 1 FROM holding_back earlier
      WHERE earlier.position < claimed.position
        AND earlier.topic = claimed.topic
        AND earlier.message_key = claimed.message_key)
   ORDER BY claimed.position`;

/**
 * Publishes outbox rows to Kafka. Rows are claimed with `FOR UPDATE SKIP LOCKED` inside a
 * transaction that marks them published only after Kafka acknowledged them (acks = all), so
 * several relays can run and a crash or an unreachable broker never loses an event: the rows
 * stay pending and are sent again (consumers' inboxes absorb the rare duplicate).
 *
 * Events of one aggregate (one topic and key, so one partition) are published in position
 * order however many relays run (`CLAIM_IN_AGGREGATE_ORDER`). An event recorded inside a
 * trace is sent in a producer span of that trace (`publishTraced`).
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** A commit was notified since the last claim began: the next pause is skipped. */
  private nudged = false;
  private readonly listener: OutboxListener | null;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly listeningIdleMs: number;
  private readonly maxBackoffMs: number;

  constructor(private readonly settings: OutboxRelaySettings) {
    this.batchSize = settings.batchSize ?? DEFAULT_BATCH_SIZE;
    this.idleMs = settings.idleMs ?? 200;
    this.listeningIdleMs = settings.listeningIdleMs ?? 1_000;
    this.maxBackoffMs = settings.maxBackoffMs ?? 5000;
    this.listener = settings.listenUrl
      ? new OutboxListener({ connectionString: settings.listenUrl, onWake: () => this.nudge(), logger: settings.logger, applicationName: 'outbox-relay-listener' })
      : null;
  }

  /** Whether commits wake this relay now (its listener is connected). */
  get listening(): boolean {
    return this.listener?.listening ?? false;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.listener?.start();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await Promise.all([this.loop, this.listener?.stop()]);
  }

  /** Publishes at once: ends the current pause, or skips the next one when a batch is under way. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Publishes one batch; returns how many events were sent. */
  async publishBatch(): Promise<number> {
    const { dataSource, bus } = this.settings;
    return dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(CLAIM_IN_AGGREGATE_ORDER, [this.batchSize]);
      if (rows.length === 0) return 0;
      await bus.ensureTopics([...new Set(rows.map((row) => row.topic))]);
      const traced = rows.map((row) => ({
        message: {
          topic: row.topic,
          key: row.message_key,
          value: row.envelope_text,
          // The envelope goes as text; only what the headers name is read out of it.
          headers: eventHeaders({ type: row.event_type, version: Number(row.version), correlationId: row.correlation_id }),
        },
        eventId: row.id,
        traceContext: row.trace_context,
      }));
      for (const request of bySize(traced, (item) => item.message.value.length, MAX_SEND_BYTES)) {
        await publishTraced(request, (messages) => bus.publish(messages));
      }
      await manager.query(
        'UPDATE outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE position = ANY($1::bigint[])',
        [rows.map((row) => row.position)],
      );
      return rows.length;
    });
  }

  /** Events still waiting to be published, all counted (tests, checks); the metrics cap theirs (`countOutboxBacklog`). */
  async pendingCount(): Promise<number> {
    const [row] = await this.settings.dataSource.query(
      'SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL',
    );
    return (row as { pending: number }).pending;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        this.nudged = false;
        const sent = await this.publishBatch();
        if (failures > 0) this.settings.logger.info({ afterFailures: failures }, 'outbox relay recovered');
        failures = 0;
        if (sent === this.batchSize) continue;
        await this.pause(this.listening ? this.listeningIdleMs : this.idleMs, { wakeOnCommit: true });
      } catch (error) {
        failures += 1;
        const delay = Math.min(this.maxBackoffMs, this.idleMs * 2 ** failures);
        this.settings.logger.warn({ err: error, failures, retryInMs: delay }, 'outbox relay could not publish');
        await this.recordFailure(error);
        await this.pause(delay);
      }
    }
  }

  private async recordFailure(error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.settings.dataSource
      .query(
        `UPDATE outbox SET attempts = attempts + 1, last_error = $2
          WHERE position IN (SELECT position FROM outbox WHERE published_at IS NULL ORDER BY position LIMIT $1)`,
        [this.batchSize, message.slice(0, 1000)],
      )
      .catch(() => undefined);
  }

  /** Waits `ms`, or less: stop always ends it, and a commit does too when `wakeOnCommit` (not during a backoff). */
  private pause(ms: number, { wakeOnCommit = false } = {}): Promise<void> {
    if (!this.running || (wakeOnCommit && this.nudged)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = wakeOnCommit ? done : () => (this.running ? undefined : done());
    });
  }
}

/** Consecutive runs of `items` whose sizes add up to at most `limit` (an item larger alone is a run of its own). */
export function bySize<T>(items: readonly T[], sizeOf: (item: T) => number, limit: number): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  let size = 0;
  for (const item of items) {
    const itemSize = sizeOf(item);
    if (run.length > 0 && size + itemSize > limit) {
      runs.push(run);
      run = [];
      size = 0;
    }
    run.push(item);
    size += itemSize;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
