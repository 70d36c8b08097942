import type { Consumer, ConsumerRunConfig, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import type { IncomingMessage } from './event-bus';

/** Handles one message; its offset is committed once the answer resolves. */
export type MessageHandler = (message: IncomingMessage) => Promise<void>;

/** What a batch handler reports to, and asks of, the consumer that fetched the batch. */
export interface BatchProgress {
  /**
   * Marks `message` and every message before it in the batch as handled (committed where they
   * apply): their offsets may be committed, and the consumer group hears a heartbeat.
   */
  handled(message: IncomingMessage): Promise<void>;
  /** False once the consumer stops or the partition was moved: leave the rest for redelivery. */
  isCurrent(): boolean;
}

/**
 * Handles the messages of one partition, in Kafka order, reporting what it has handled to
 * `progress`; what it has not reported is delivered again.
 */
export type BatchHandler = (messages: readonly IncomingMessage[], progress: BatchProgress) => Promise<void>;

export type SubscriptionSettings = {
  kafka: Kafka;
  logger: Logger;
  /** Prepended to the group and the topics on the broker, taken off the topic handed to the handler. */
  prefix: string;
  groupId: string;
  topics: readonly string[];
  /** How long the group waits for a silent member (15 s when not given). */
  sessionTimeoutMs?: number;
} & ({ handle: MessageHandler } | { handleBatch: BatchHandler });

const SESSION_TIMEOUT_MS = 15_000;
const HEARTBEAT_INTERVAL_MS = 1000;

/** The longest pause before a crashed consumer's replacement starts. */
const MAX_PAUSE_MS = 15_000;

/**
 * A consumer group subscription that outlives any crash: kafkajs restarts a consumer only after
 * errors it deems retriable, and leaves it stopped for good after others (a group coordinator not
 * found while a restarted broker loads its offsets, an error thrown by the handler that it calls
 * unrecoverable); such a consumer is replaced by a new one, the pause doubling from 0.5 s up to
 * 15 s (back to the start once a message is handled), until the subscription is stopped.
 * Resolves once the first consumer runs (its start failing rejects); answers the stop.
 */
export async function subscribe(settings: SubscriptionSettings): Promise<() => Promise<void>> {
  const { kafka, logger, prefix, groupId } = settings;
  let stopped = false;
  let current: Consumer | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let restarts = 0;

  const start = async (): Promise<void> => {
    const consumer = kafka.consumer({ groupId: prefix + groupId, sessionTimeout: settings.sessionTimeoutMs ?? SESSION_TIMEOUT_MS, heartbeatInterval: HEARTBEAT_INTERVAL_MS });
    current = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || stopped || current !== consumer) return;
      logger.warn({ groupId, err: payload.error }, 'Kafka consumer stopped after an error it does not retry; starting a new one');
      replace(consumer);
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: settings.topics.map((topic) => prefix + topic), fromBeginning: true });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    await consumer.run(runConfig(settings, () => (restarts = 0)));
  };

  const replace = (crashed: Consumer): void => {
    restarts += 1;
    restartTimer = setTimeout(() => void restart(crashed), Math.min(500 * 2 ** (restarts - 1), MAX_PAUSE_MS));
  };

  const restart = async (crashed: Consumer): Promise<void> => {
    await crashed.disconnect().catch(() => undefined);
    if (stopped) return;
    try {
      await start();
      if (stopped) await current?.disconnect();
    } catch (error) {
      logger.warn({ groupId, err: error }, 'Kafka consumer could not start again; retrying');
      if (current) replace(current);
    }
  };

  await start();
  return async () => {
    stopped = true;
    clearTimeout(restartTimer);
    await current?.disconnect();
  };
}

/** kafkajs's run settings for the subscription's handler; `progressed` is called as messages get handled. */
function runConfig(settings: SubscriptionSettings, progressed: () => void): ConsumerRunConfig {
  const incoming = (topic: string, partition: number, message: KafkaMessage): IncomingMessage => ({
    topic: topic.slice(settings.prefix.length),
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    value: message.value?.toString() ?? null,
    headers: headersToStrings(message.headers),
  });
  if ('handle' in settings) {
    const { handle } = settings;
    return {
      eachMessage: async ({ topic, partition, message, heartbeat }) => {
        await keptAlive(heartbeat, () => handle(incoming(topic, partition, message)));
        progressed();
      },
    };
  }
  const { handleBatch } = settings;
  return {
    // Offsets are resolved by the handler, for what it has committed only.
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
      const messages = batch.messages.map((message) => incoming(batch.topic, batch.partition, message));
      const progress: BatchProgress = {
        handled: async (message) => {
          resolveOffset(message.offset);
          progressed();
          await commitOffsetsIfNecessary();
          await heartbeat();
        },
        isCurrent: () => isRunning() && !isStale(),
      };
      await keptAlive(heartbeat, () => handleBatch(messages, progress));
    },
  };
}

/**
 * Runs `work` while telling the group, every heartbeat interval, that this member is alive: one
 * transaction of a national reorganization can outlast the session, and a member that falls
 * silent that long loses its partitions, its uncommitted work going to another member (or back
 * to itself) from the start. A heartbeat refused here (the group rebalancing) is not lost: the
 * next `handled` heartbeats again, is refused, and stops the delivery for the rebalance.
 */
async function keptAlive(heartbeat: () => Promise<void>, work: () => Promise<void>): Promise<void> {
  const timer = setInterval(() => void heartbeat().catch(() => undefined), HEARTBEAT_INTERVAL_MS);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
}

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    result[name] = first === undefined ? '' : first.toString();
  }
  return result;
}
