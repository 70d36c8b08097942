import { Kafka, logLevel, Partitioners, type Producer, type LogEntry } from 'kafkajs';
import type { Logger } from 'pino';
import { kafkaClientSecurityOptions, type KafkaSecurity } from './kafka-security';
import { measureConsumerLag, unreadRanges, type ConsumerGroupTopics, type ConsumerLag, type UnreadRange } from './consumer-lag';
import { subscribe, type BatchHandler, type MessageHandler, type SubscriptionSettings } from './subscription';

export type { BatchHandler, BatchProgress, MessageHandler } from './subscription';

/** A message as the platform sends it: key = aggregate id, value = JSON envelope. */
export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers?: Record<string, string>;
}

/** A message as a consumer receives it. */
export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export interface EventBusSettings {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** Partitions for topics this bus creates. */
  partitions?: number;
  /**
   * Prepended to every topic and consumer group this bus touches, so that separate runs
   * (a test run beside a developer's stack) never read each other's events. Empty in production.
   */
  prefix?: string;
  /** TLS and SASL of the connection (`kafkaSecurityFromEnv`); plaintext without authentication when absent. */
  security?: KafkaSecurity;
  /**
   * How long a consumer group waits for a silent member before giving its partitions to others
   * (a crashed process is noticed this late); the broker accepts 6 s to 5 min. Default 15 s.
   */
  sessionTimeoutMs?: number;
}

/**
 * The Kafka connection of one process: an idempotent producer (acks = all), consumers and
 * topic administration. Everything kafkajs-specific stays behind this class.
 */
export class EventBus {
  private readonly kafka: Kafka;
  private producer: Producer | undefined;
  /** Stops every running subscription (its consumer and any pending replacement). */
  private readonly subscriptions = new Set<() => Promise<void>>();
  private readonly knownTopics = new Set<string>();

  private readonly prefix: string;

  constructor(private readonly settings: EventBusSettings) {
    this.prefix = settings.prefix ?? '';
    this.kafka = new Kafka({
      clientId: settings.clientId,
      brokers: settings.brokers,
      ...kafkaClientSecurityOptions(settings.security ?? {}),
      connectionTimeout: 3000,
      requestTimeout: 10_000,
      retry: { initialRetryTime: 200, retries: 5, maxRetryTime: 5000 },
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => this.log(entry),
    });
  }

  /** Creates missing topics (and waits for their leaders); known topics are skipped. */
  async ensureTopics(topics: readonly string[]): Promise<void> {
    const missing = topics.map((topic) => this.prefix + topic).filter((topic) => !this.knownTopics.has(topic));
    if (missing.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const toCreate = missing.filter((topic) => !existing.has(topic));
      if (toCreate.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: toCreate.map((topic) => ({ topic, numPartitions: this.settings.partitions ?? 3 })),
        });
      }
      for (const topic of missing) this.knownTopics.add(topic);
    } finally {
      await admin.disconnect();
    }
  }

  /** Sends messages with acks from all in-sync replicas through the idempotent producer. */
  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connectedProducer();
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const message of messages) {
      const batch = byTopic.get(message.topic);
      if (batch) batch.push(message);
      else byTopic.set(message.topic, [message]);
    }
    try {
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, batch]) => ({
          topic: this.prefix + topic,
          messages: batch.map((message) => ({ key: message.key, value: message.value, headers: message.headers })),
        })),
      });
    } catch (error) {
      // A producer that failed mid-flight may hold stale sequence state: start afresh next time.
      await this.resetProducer();
      throw error;
    }
  }

  /**
   * Runs `handle` for every message of `topics` in consumer group `groupId`. The offset is
   * committed only after `handle` resolves; a rejection makes Kafka deliver the message again.
   * The subscription outlives a crashed consumer (`subscribe`); the answer stops it.
   */
  async consume(groupId: string, topics: readonly string[], handle: MessageHandler): Promise<() => Promise<void>> {
    return this.subscribe({ ...this.subscriptionBase(groupId, topics), handle });
  }

  /**
   * Runs `handleBatch` for the messages of `topics` in consumer group `groupId`, a fetched batch
   * of one partition at a time, in order. An offset is committed only once the handler reports
   * its message handled (`progress.handled`); whatever it has not reported when it returns or
   * rejects is delivered again. Outlives a crashed consumer like `consume`; the answer stops it.
   */
  async consumeBatches(groupId: string, topics: readonly string[], handleBatch: BatchHandler): Promise<() => Promise<void>> {
    return this.subscribe({ ...this.subscriptionBase(groupId, topics), handleBatch });
  }

  private subscriptionBase(groupId: string, topics: readonly string[]) {
    return { kafka: this.kafka, logger: this.settings.logger, prefix: this.prefix, groupId, topics, sessionTimeoutMs: this.settings.sessionTimeoutMs };
  }

  private async subscribe(settings: SubscriptionSettings): Promise<() => Promise<void>> {
    const stop = await subscribe(settings);
    this.subscriptions.add(stop);
    return async () => {
      this.subscriptions.delete(stop);
      await stop();
    };
  }

  /**
   * Reads every message currently on `topic` (up to the high watermark at call time);
   * for checks and tests, not for processing.
   */
  async readAll(topic: string, timeoutMs = 30_000): Promise<IncomingMessage[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(this.prefix + topic).finally(() => admin.disconnect());
    const remaining = new Map(
      offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => [o.partition, BigInt(o.high)]),
    );
    const received: IncomingMessage[] = [];
    if (remaining.size === 0) return received;
    const groupId = `reader-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const stop = await this.consume(groupId, [topic], async (message) => {
      received.push(message);
      const high = remaining.get(message.partition);
      if (high !== undefined && BigInt(message.offset) + 1n >= high) remaining.delete(message.partition);
      if (remaining.size === 0) finish();
    });
    const timer = setTimeout(finish, timeoutMs);
    await done;
    clearTimeout(timer);
    await stop();
    return received;
  }

  /**
   * Runs `handle` for the messages of `topic` that consumer group `groupId` has not committed
   * yet, up to the end of each partition at call time, committing each once `handle` resolves;
   * returns how many were handled. A group that runs again starts where it stopped, so a
   * one-off job (a replay) never handles a message twice. A rejection stops the run with that
   * error, the failed message and everything after it uncommitted.
   */
  async consumeBacklog(
    groupId: string,
    topic: string,
    handle: (message: IncomingMessage) => Promise<void>,
    timeoutMs = 60_000,
  ): Promise<number> {
    const remaining = new Map(
      (await this.backlog(groupId, topic)).filter((range) => range.from < range.end).map((range) => [range.partition, range.end]),
    );
    if (remaining.size === 0) return 0;
    let handled = 0;
    let failure: unknown;
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const stop = await this.consume(groupId, [topic], async (message) => {
      if (failure !== undefined) throw failure;
      try {
        await handle(message);
      } catch (error) {
        failure = error;
        finish();
        throw error;
      }
      handled += 1;
      const end = remaining.get(message.partition);
      if (end !== undefined && BigInt(message.offset) + 1n >= end) remaining.delete(message.partition);
      if (remaining.size === 0) finish();
    });
    const timer = setTimeout(() => {
      failure ??= new Error(`${topic}: backlog of ${groupId} not read within ${timeoutMs} ms`);
      finish();
    }, timeoutMs);
    await done;
    clearTimeout(timer);
    await stop();
    if (failure !== undefined) throw failure;
    return handled;
  }

  /** Messages of `topic` that consumer group `groupId` has not committed yet (consumer lag). */
  async consumerLag(groupId: string, topic: string): Promise<number> {
    const ranges = await this.backlog(groupId, topic);
    return ranges.reduce((lag, range) => lag + Number(range.end - range.from), 0);
  }

  /** Per partition of `topic`: the first offset `groupId` has not committed (`from`) and the end offset. */
  async backlog(groupId: string, topic: string): Promise<UnreadRange[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const [ends, [committed]] = await Promise.all([
        admin.fetchTopicOffsets(this.prefix + topic),
        admin.fetchOffsets({ groupId: this.prefix + groupId, topics: [this.prefix + topic] }),
      ]);
      return unreadRanges(ends, committed?.partitions ?? []);
    } finally {
      await admin.disconnect();
    }
  }

  /** The lag of each group on each topic it reads (metrics), over one admin connection. */
  async consumerLags(groups: readonly ConsumerGroupTopics[]): Promise<ConsumerLag[]> {
    if (groups.length === 0) return [];
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await measureConsumerLag(admin, this.prefix, groups);
    } finally {
      await admin.disconnect();
    }
  }

  async disconnect(): Promise<void> {
    const subscriptions = [...this.subscriptions];
    this.subscriptions.clear();
    await Promise.all(subscriptions.map((stop) => stop()));
    await this.resetProducer();
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  private async resetProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private log(entry: LogEntry): void {
    const { message, ...extra } = entry.log;
    let level: 'error' | 'warn' | 'debug' =
      entry.level === logLevel.ERROR ? 'error' : entry.level === logLevel.WARN ? 'warn' : 'debug';
    // Retries are bounded on purpose: the outbox relay retries whole batches itself and the
    // inboxes absorb a duplicate, so kafkajs's exactly-once caution is noise here.
    if (message.startsWith('Limiting retries for the idempotent producer')) level = 'debug';
    this.settings.logger[level]({ kafka: { namespace: entry.namespace, ...extra } }, message);
  }
}
