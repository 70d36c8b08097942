import type { ConsumerGroupTopics, ConsumerLag } from '@ps/events';
import type { Logger } from 'pino';
import { Gauge } from 'prom-client';
import { withTimeout } from '../health';
import type { ServiceMetrics } from './metrics.registry';

/** How a subgraph's messaging is measured at scrape time. */
export interface MessagingProbes {
  /** Outbox rows not yet published. */
  outboxBacklog: () => Promise<number>;
  /** The consumer groups of the service and the topics each reads. */
  consumerGroups: readonly ConsumerGroupTopics[];
  /** The lag of each of those groups on each of its topics. */
  consumerLag: () => Promise<ConsumerLag[]>;
}

/** A scrape waits this long for the database or Kafka; Prometheus gives up on a scrape after 10 s. */
const PROBE_TIMEOUT_MS = 3000;

/**
 * Adds `ps_outbox_backlog` and `ps_consumer_lag{group,topic}`, measured at each scrape. A probe
 * that fails or times out (database or Kafka away) reports NaN, "unknown", never a reassuring 0.
 * The lag is the group's, the same from every replica: aggregate with `max by (group, topic)`.
 */
export function observeMessaging(metrics: ServiceMetrics, probes: MessagingProbes, logger: Logger): void {
  const registers = [metrics.registry];
  const measure = async <T>(what: string, probe: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await withTimeout(probe(), PROBE_TIMEOUT_MS);
    } catch (error) {
      logger.warn({ err: error }, `metrics: could not measure the ${what}`);
      return undefined;
    }
  };
  new Gauge({
    name: 'ps_outbox_backlog',
    help: 'Outbox rows not yet published to Kafka (NaN when the database did not answer).',
    registers,
    async collect() {
      this.set((await measure('outbox backlog', probes.outboxBacklog)) ?? Number.NaN);
    },
  });
  new Gauge({
    name: 'ps_consumer_lag',
    help: 'Messages of a topic its consumer group has not committed yet (NaN when Kafka did not answer).',
    labelNames: ['group', 'topic'],
    registers,
    async collect() {
      const lags = await measure('consumer lag', probes.consumerLag);
      const byPair = new Map(lags?.map(({ group, topic, lag }) => [`${group}\u0000${topic}`, lag]));
      for (const { groupId, topics } of probes.consumerGroups) {
        for (const topic of topics) this.set({ group: groupId, topic }, byPair.get(`${groupId}\u0000${topic}`) ?? Number.NaN);
      }
    },
  });
}
