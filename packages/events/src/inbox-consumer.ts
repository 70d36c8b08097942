import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { DEAD_LETTER_HEADERS, REPLAY_FOR_HEADER } from './dead-letters';
import { deadLetterTopic, envelopeSchema, type EventContract, type EventEnvelope } from './envelope';
import type { BatchProgress, EventBus, IncomingMessage } from './event-bus';
import { traceDelivery } from './event-tracing';
import { applyTogether, type ReadyEvent } from './inbox-batch';

/** Applies one event inside the inbox transaction; throw to roll the whole delivery back. */
export type EventHandler<Payload> = (event: EventEnvelope<Payload>, manager: EntityManager) => Promise<void>;

/**
 * Applies consecutive events (in Kafka order, new to this consumer) inside the inbox
 * transaction, with set-based statements; it must leave what applying them one by one in that
 * order would. Throw to roll the whole delivery back.
 */
export type BatchEventHandler<Payload> = (events: ReadonlyArray<EventEnvelope<Payload>>, manager: EntityManager) => Promise<void>;

export type DeliveryOutcome = 'applied' | 'duplicate' | 'ignored' | 'dead-lettered';

export interface InboxConsumerSettings {
  /** Consumer name: the Kafka group id and the inbox's `consumer` column. */
  name: string;
  bus: EventBus;
  dataSource: DataSource;
  logger: Logger;
  /** Attempts of a failing handler before the message goes to the dead-letter topic. */
  maxAttempts?: number;
  retryDelayMs?: number;
  /**
   * Messages applied per transaction: a fetched batch goes in chunks this long, with a heartbeat
   * between them. 1 applies each message in its own transaction (as before batches). Default 500.
   */
  batchSize?: number;
}

const DEFAULT_BATCH_SIZE = 500;

interface Registration {
  contract: EventContract<unknown, unknown>;
  handler: EventHandler<unknown>;
  batch?: BatchEventHandler<unknown>;
}

/** A message that can never be applied: it goes to the dead-letter topic. */
class PoisonMessage extends Error {}

/** What reading a message found: not for this consumer, never applicable, or an event to apply. */
type Reading = { kind: 'ignored' } | { kind: 'poison'; error: unknown } | ({ kind: 'ready' } & ReadyEvent);

/**
 * Idempotent consumer: each event is applied in the transaction that writes its
 * `inbox (consumer, event_id)` row, so a redelivery changes nothing. The events of a fetched
 * batch share one transaction (`batchSize` at most); when a handler throws, that chunk is
 * rolled back and applied again one event per transaction, so one bad event holds back no
 * other and is retried and dead-lettered on its own. A message that cannot be
 * parsed, has an unknown version, or keeps failing goes to `<topic>.dlq` with the error, and
 * the consumer moves on. Lost database connections are not poison: the delivery is retried.
 * A dead letter replayed for another consumer (`replay-for`) is ignored.
 */
export class InboxConsumer {
  private readonly registrations = new Map<string, Registration>();
  private readonly knownTypes = new Set<string>();
  private stopConsuming: (() => Promise<void>) | undefined;

  constructor(private readonly settings: InboxConsumerSettings) {}

  on<Payload>(contract: EventContract<Payload, unknown>, handler: EventHandler<Payload>): this {
    return this.register({ contract, handler: handler as EventHandler<unknown> });
  }

  /**
   * Registers one handler for several contracts that is given, in a batch, every run of
   * consecutive new events of those contracts at once (one event when messages are applied one
   * by one, as after a failure).
   */
  onBatch<Payload>(contracts: ReadonlyArray<EventContract<Payload, unknown>>, batch: BatchEventHandler<Payload>): this {
    const handler: EventHandler<Payload> = (event, manager) => batch([event], manager);
    for (const contract of contracts) {
      this.register({ contract, handler: handler as EventHandler<unknown>, batch: batch as BatchEventHandler<unknown> });
    }
    return this;
  }

  private register(registration: Registration): this {
    const { contract } = registration;
    this.registrations.set(`${contract.type}@${contract.version}`, registration);
    this.knownTypes.add(contract.type);
    return this;
  }

  /** The consumer's name: its Kafka group and its inbox rows. */
  get name(): string {
    return this.settings.name;
  }

  get topics(): string[] {
    return [...new Set([...this.registrations.values()].map(({ contract }) => contract.topic))];
  }

  async start(): Promise<void> {
    const topics = this.topics;
    await this.settings.bus.ensureTopics([...topics, ...topics.map(deadLetterTopic)]);
    const { bus, name } = this.settings;
    this.stopConsuming =
      this.batchSize > 1
        ? await bus.consumeBatches(name, topics, async (messages, progress) => {
            await this.deliverBatch(messages, progress);
          })
        : await bus.consume(name, topics, async (message) => {
            await this.deliver(message);
          });
  }

  async stop(): Promise<void> {
    await this.stopConsuming?.();
    this.stopConsuming = undefined;
  }

  /**
   * Handles one delivery, in a consumer span of the trace its headers carry; exposed so tests
   * can deliver the same message twice.
   */
  async deliver(message: IncomingMessage): Promise<DeliveryOutcome> {
    return traceDelivery(message, this.settings.name, () => this.handle(message));
  }

  /**
   * Handles messages of one partition in Kafka order, `batchSize` per transaction, reporting
   * each committed chunk to `progress` (which may stop it between chunks); answers the outcome
   * of every message handled. Exposed so tests can deliver a batch, and the same batch again.
   */
  async deliverBatch(messages: readonly IncomingMessage[], progress?: BatchProgress): Promise<DeliveryOutcome[]> {
    const outcomes: DeliveryOutcome[] = [];
    for (let start = 0; start < messages.length; start += this.batchSize) {
      if (progress && !progress.isCurrent()) break;
      const chunk = messages.slice(start, start + this.batchSize);
      outcomes.push(...(await this.deliverChunk(chunk, progress)));
      await progress?.handled(chunk[chunk.length - 1]);
    }
    return outcomes;
  }

  private get batchSize(): number {
    return Math.max(1, this.settings.batchSize ?? DEFAULT_BATCH_SIZE);
  }

  /** The events of `chunk` in one transaction, then its poison messages to the dead-letter topic. */
  private async deliverChunk(chunk: readonly IncomingMessage[], progress: BatchProgress | undefined): Promise<DeliveryOutcome[]> {
    const readings = chunk.map((message) => this.read(message));
    const ready = readings.filter((reading): reading is Extract<Reading, { kind: 'ready' }> => reading.kind === 'ready');
    let applied: DeliveryOutcome[];
    try {
      applied = await applyTogether(this.settings.dataSource, this.settings.name, ready);
    } catch (error) {
      if (isConnectionError(error)) throw error; // not poison: Kafka redelivers the chunk later
      this.settings.logger.warn({ err: error, messages: chunk.length }, 'event handler failed in a batch; applying its events one by one');
      const outcomes: DeliveryOutcome[] = [];
      for (const message of chunk) {
        outcomes.push(await this.deliver(message));
        await progress?.handled(message); // retries take time: heartbeat as each message commits
      }
      return outcomes;
    }
    const outcomes: DeliveryOutcome[] = [];
    let next = 0;
    for (const [index, reading] of readings.entries()) {
      const message = chunk[index];
      if (reading.kind === 'ready') outcomes.push(applied[next++]);
      else outcomes.push(await traceDelivery(message, this.settings.name, () => this.settle(message, reading)));
    }
    return outcomes;
  }

  private async handle(message: IncomingMessage): Promise<DeliveryOutcome> {
    const reading = this.read(message);
    if (reading.kind !== 'ready') return this.settle(message, reading);
    const { event, handler } = reading;
    const maxAttempts = this.settings.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.apply(event, handler);
      } catch (error) {
        if (isConnectionError(error)) throw error; // not poison: Kafka redelivers later
        if (attempt >= maxAttempts) return this.deadLetter(message, error);
        this.settings.logger.warn({ err: error, eventId: event.id, attempt }, 'event handler failed; retrying');
        await sleep((this.settings.retryDelayMs ?? 200) * attempt);
      }
    }
  }

  /** Reads and validates a message against the registered contracts; never throws. */
  private read(message: IncomingMessage): Reading {
    if (!this.isAddressee(message)) return { kind: 'ignored' };
    // Several consumers read each topic: a type none of this one's contracts names is skipped
    // on its header, before parsing and validating the envelope (a national load sends ~95,000).
    const typeHeader = message.headers['event-type'];
    if (typeHeader !== undefined && !this.knownTypes.has(typeHeader)) return { kind: 'ignored' };
    try {
      const event = parseEnvelope(message.value);
      const registration = this.registrations.get(`${event.type}@${event.version}`);
      if (!registration) {
        if (!this.knownTypes.has(event.type)) return { kind: 'ignored' };
        throw new PoisonMessage(`unsupported version ${event.version} of ${event.type}`);
      }
      const parsed = registration.contract.payload.safeParse(event.payload);
      if (!parsed.success) throw new PoisonMessage(`invalid payload: ${parsed.error.message}`);
      return { kind: 'ready', message, event: { ...event, payload: parsed.data }, handler: registration.handler, batch: registration.batch };
    } catch (error) {
      return { kind: 'poison', error };
    }
  }

  /** The end of a message that is not applied: ignored, or sent to the dead-letter topic. */
  private async settle(message: IncomingMessage, reading: Exclude<Reading, { kind: 'ready' }>): Promise<DeliveryOutcome> {
    return reading.kind === 'ignored' ? 'ignored' : this.deadLetter(message, reading.error);
  }

  /** A replayed dead letter is for the consumer that failed on it only; every other message is for all. */
  private isAddressee(message: IncomingMessage): boolean {
    const replayFor = message.headers[REPLAY_FOR_HEADER];
    return replayFor === undefined || replayFor === this.settings.name;
  }

  private async apply(event: EventEnvelope, handler: EventHandler<unknown>): Promise<DeliveryOutcome> {
    return this.settings.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO inbox (consumer, event_id, event_type) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.settings.name, event.id, event.type],
      );
      if (inserted.length === 0) return 'duplicate';
      await handler(event, manager);
      return 'applied';
    });
  }

  private async deadLetter(message: IncomingMessage, error: unknown): Promise<DeliveryOutcome> {
    const reason = error instanceof Error ? error.message : String(error);
    this.settings.logger.error(
      { topic: message.topic, partition: message.partition, offset: message.offset, reason },
      'event sent to dead-letter topic',
    );
    await this.settings.bus.publish([
      {
        topic: deadLetterTopic(message.topic),
        key: message.key ?? 'unknown',
        value: message.value ?? '',
        headers: {
          ...message.headers,
          [DEAD_LETTER_HEADERS.consumer]: this.settings.name,
          [DEAD_LETTER_HEADERS.error]: reason.slice(0, 2000),
          [DEAD_LETTER_HEADERS.source]: `${message.topic}/${message.partition}/${message.offset}`,
        },
      },
    ]);
    return 'dead-lettered';
  }
}

function parseEnvelope(value: string | null): EventEnvelope {
  if (value === null) throw new PoisonMessage('empty message');
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new PoisonMessage('message is not JSON');
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) throw new PoisonMessage(`invalid envelope: ${parsed.error.message}`);
  return parsed.data as EventEnvelope;
}

/** Connection-level failures (database down or restarting) are retried by redelivery. */
function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return code.startsWith('08') || code.startsWith('57P') || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'].includes(code);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
