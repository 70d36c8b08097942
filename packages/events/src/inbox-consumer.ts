import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { DEAD_LETTER_HEADERS, REPLAY_FOR_HEADER } from './dead-letters';
import { deadLetterTopic, envelopeSchema, type EventContract, type EventEnvelope } from './envelope';
import type { EventBus, IncomingMessage } from './event-bus';
import { traceDelivery } from './event-tracing';

/** Applies one event inside the inbox transaction; throw to roll the whole delivery back. */
export type EventHandler<Payload> = (event: EventEnvelope<Payload>, manager: EntityManager) => Promise<void>;

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
}

interface Registration {
  contract: EventContract<unknown, unknown>;
  handler: EventHandler<unknown>;
}

/** A message that can never be applied: it goes to the dead-letter topic. */
class PoisonMessage extends Error {}

/**
 * Idempotent consumer: each event is applied in one transaction together with its
 * `inbox (consumer, event_id)` row, so a redelivery changes nothing. A message that cannot be
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
    this.registrations.set(`${contract.type}@${contract.version}`, {
      contract,
      handler: handler as EventHandler<unknown>,
    });
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
    this.stopConsuming = await this.settings.bus.consume(this.settings.name, topics, async (message) => {
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

  private async handle(message: IncomingMessage): Promise<DeliveryOutcome> {
    if (!this.isAddressee(message)) return 'ignored';
    let event: EventEnvelope;
    let registration: Registration | undefined;
    try {
      event = parseEnvelope(message.value);
      registration = this.registrations.get(`${event.type}@${event.version}`);
      if (!registration) {
        if (!this.knownTypes.has(event.type)) return 'ignored';
        throw new PoisonMessage(`unsupported version ${event.version} of ${event.type}`);
      }
      const parsed = registration.contract.payload.safeParse(event.payload);
      if (!parsed.success) throw new PoisonMessage(`invalid payload: ${parsed.error.message}`);
      event = { ...event, payload: parsed.data };
    } catch (error) {
      return this.deadLetter(message, error);
    }

    const maxAttempts = this.settings.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.apply(event, registration);
      } catch (error) {
        if (isConnectionError(error)) throw error; // not poison: Kafka redelivers later
        if (attempt >= maxAttempts) return this.deadLetter(message, error);
        this.settings.logger.warn({ err: error, eventId: event.id, attempt }, 'event handler failed; retrying');
        await sleep((this.settings.retryDelayMs ?? 200) * attempt);
      }
    }
  }

  /** A replayed dead letter is for the consumer that failed on it only; every other message is for all. */
  private isAddressee(message: IncomingMessage): boolean {
    const replayFor = message.headers[REPLAY_FOR_HEADER];
    return replayFor === undefined || replayFor === this.settings.name;
  }

  private async apply(event: EventEnvelope, registration: Registration): Promise<DeliveryOutcome> {
    return this.settings.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO inbox (consumer, event_id, event_type) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.settings.name, event.id, event.type],
      );
      if (inserted.length === 0) return 'duplicate';
      await registration.handler(event, manager);
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
