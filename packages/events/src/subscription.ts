import type { Consumer, IHeaders, Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { IncomingMessage } from './event-bus';

export interface SubscriptionSettings {
  kafka: Kafka;
  logger: Logger;
  /** Prepended to the group and the topics on the broker, taken off the topic handed to `handle`. */
  prefix: string;
  groupId: string;
  topics: readonly string[];
  handle: (message: IncomingMessage) => Promise<void>;
}

/** The longest pause before a crashed consumer's replacement starts. */
const MAX_PAUSE_MS = 15_000;

/**
 * A consumer group subscription that outlives any crash: kafkajs restarts a consumer only after
 * errors it deems retriable, and leaves it stopped for good after others (a group coordinator not
 * found while a restarted broker loads its offsets, an error thrown by `handle` that it calls
 * unrecoverable); such a consumer is replaced by a new one, the pause doubling from 0.5 s up to
 * 15 s (back to the start once a message is handled), until the subscription is stopped.
 * Resolves once the first consumer runs (its start failing rejects); answers the stop.
 */
export async function subscribe(settings: SubscriptionSettings): Promise<() => Promise<void>> {
  const { kafka, logger, prefix, groupId, handle } = settings;
  let stopped = false;
  let current: Consumer | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let restarts = 0;

  const start = async (): Promise<void> => {
    const consumer = kafka.consumer({ groupId: prefix + groupId, sessionTimeout: 15_000, heartbeatInterval: 1000 });
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
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        await handle({
          topic: topic.slice(prefix.length),
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: headersToStrings(message.headers),
        });
        restarts = 0;
      },
    });
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

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    result[name] = first === undefined ? '' : first.toString();
  }
  return result;
}
