import type { Logger } from 'pino';
import { deadLetterTopic } from './envelope';
import type { EventBus, IncomingMessage } from './event-bus';
import type { InboxConsumer } from './inbox-consumer';
import type { BatchProgress } from './subscription';

/** The Kafka consumer group of a service's inboxes, within its ACL prefix `<service>.`. */
export const inboxGroupOf = (service: string): string => `${service}.inbox`;

export interface InboxGroupSettings {
  /** The Kafka consumer group, within the service's prefix (e.g. `personnel.inbox`). */
  name: string;
  bus: EventBus;
  logger: Logger;
  /** The service's consumers, in the order each fetched batch is handed to them. */
  consumers: readonly InboxConsumer[];
}

/**
 * One Kafka consumer group for all of a service's inbox consumers: each message is fetched and
 * decoded once, and each consumer that reads its topic applies it in its own transactions and
 * inbox rows (`InboxConsumer.deliverBatch`), one consumer after another, in the order given. A
 * batch's offsets are committed as the last of its readers commits; the readers before it only
 * keep the group alive. A reader stopped half-way (the partition moved) leaves the batch to be
 * delivered again, and the inboxes of those that had applied it make that a no-op.
 *
 * Replaces one group per consumer, which made the broker send, and the service decode and
 * commit, each message of organization's topic ten times across the four services. On its first
 * start the group takes over from those groups' committed offsets (`EventBus.takeOverGroups`).
 */
export class InboxGroup {
  private stopConsuming: (() => Promise<void>) | undefined;

  constructor(private readonly settings: InboxGroupSettings) {}

  get name(): string {
    return this.settings.name;
  }

  get topics(): string[] {
    return [...new Set(this.settings.consumers.flatMap((consumer) => consumer.topics))];
  }

  async start(): Promise<void> {
    const { bus, name, logger, consumers } = this.settings;
    const topics = this.topics;
    await bus.ensureTopics([...topics, ...topics.map(deadLetterTopic)]);
    const former = consumers.map((consumer) => ({ groupId: consumer.name, topics: consumer.topics }));
    const takenOver = await bus.takeOverGroups(name, topics, former);
    if (takenOver > 0) logger.info({ group: name, partitions: takenOver, former: former.map((group) => group.groupId) }, 'consumer group took over the offsets of the groups it replaces');
    this.stopConsuming = await bus.consumeBatches(name, topics, (messages, progress) => this.deliver(messages, progress));
  }

  async stop(): Promise<void> {
    await this.stopConsuming?.();
    this.stopConsuming = undefined;
  }

  /** Hands one partition's batch to each consumer reading its topic, in order; exposed for tests. */
  async deliver(messages: readonly IncomingMessage[], progress: BatchProgress): Promise<void> {
    if (messages.length === 0) return;
    const readers = this.settings.consumers.filter((consumer) => consumer.topics.includes(messages[0].topic));
    for (const [index, reader] of readers.entries()) {
      if (!progress.isCurrent()) return;
      const last = index === readers.length - 1;
      await reader.deliverBatch(messages, last ? progress : { handled: () => progress.keepAlive?.() ?? Promise.resolve(), isCurrent: () => progress.isCurrent() });
    }
  }
}
