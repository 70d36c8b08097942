import type { Admin } from 'kafkajs';

/** A consumer group and the topics it reads, as the service names them (no prefix). */
export interface ConsumerGroupTopics {
  groupId: string;
  topics: readonly string[];
}

/** Messages of `topic` that `group` has not committed yet, summed over its partitions. */
export interface ConsumerLag {
  group: string;
  topic: string;
  lag: number;
}

/** Per partition: the first offset the group has not committed (`from`) and the end offset. */
export interface UnreadRange {
  partition: number;
  from: bigint;
  end: bigint;
}

interface PartitionEnd {
  partition: number;
  low: string;
  high: string;
}

/**
 * What a group has left to read of each partition: from its committed offset, or from the start
 * of the partition when it has committed nothing (it subscribes from the beginning).
 */
export function unreadRanges(
  ends: readonly PartitionEnd[],
  committed: ReadonlyArray<{ partition: number; offset: string }>,
): UnreadRange[] {
  return ends.map((end) => {
    const done = committed.find((partition) => partition.partition === end.partition)?.offset ?? '-1';
    return { partition: end.partition, from: BigInt(done) < 0n ? BigInt(end.low) : BigInt(done), end: BigInt(end.high) };
  });
}

/**
 * The lag of every group on every topic it reads, with one admin connection: each topic's end
 * offsets fetched once, each group's committed offsets once.
 */
export async function measureConsumerLag(
  admin: Admin,
  prefix: string,
  groups: readonly ConsumerGroupTopics[],
): Promise<ConsumerLag[]> {
  const topics = [...new Set(groups.flatMap((group) => group.topics))];
  const ends = new Map(
    await Promise.all(topics.map(async (topic) => [topic, await admin.fetchTopicOffsets(prefix + topic)] as const)),
  );
  const perGroup = await Promise.all(
    groups.map(async ({ groupId, topics: read }) => {
      const committed = await admin.fetchOffsets({ groupId: prefix + groupId, topics: read.map((topic) => prefix + topic) });
      return read.map((topic) => {
        const partitions = committed.find((entry) => entry.topic === prefix + topic)?.partitions ?? [];
        const ranges = unreadRanges(ends.get(topic) ?? [], partitions);
        return { group: groupId, topic, lag: ranges.reduce((lag, range) => lag + Number(range.end - range.from), 0) };
      });
    }),
  );
  return perGroup.flat();
}
