import { deadLetterTopic } from './envelope';
import type { EventBus, IncomingMessage, OutgoingMessage } from './event-bus';

/** Headers the inbox consumer puts on a dead letter, beside the event's own. */
export const DEAD_LETTER_HEADERS = {
  /** The consumer that could not apply the event. */
  consumer: 'dlq-consumer',
  /** Why (the handler's or the parser's message). */
  error: 'dlq-error',
  /** `<topic>/<partition>/<offset>` of the message as it was first delivered. */
  source: 'dlq-source',
} as const;

/**
 * On a replayed event: the one consumer it is meant for. Every other consumer of the topic
 * ignores it, so a replay after one consumer's fix does not reach the others at all.
 */
export const REPLAY_FOR_HEADER = 'replay-for';

/** A message on a dead-letter topic, read for an operator. */
export interface DeadLetter {
  /** Where it lies on the dead-letter topic: `<partition>/<offset>`. */
  position: string;
  consumer: string;
  error: string;
  source: string;
  eventId: string | null;
  eventType: string | null;
  key: string | null;
  message: IncomingMessage;
}

/** Which dead letters an operator means: those of one consumer, or all. */
export interface DeadLetterFilter {
  consumer?: string;
}

/** Reads a dead letter's headers and, when the value is an envelope, the event's id and type. */
export function readDeadLetter(message: IncomingMessage): DeadLetter {
  let eventId: string | null = null;
  let eventType: string | null = message.headers['event-type'] ?? null;
  try {
    const envelope = JSON.parse(message.value ?? '') as { id?: unknown; type?: unknown };
    if (typeof envelope.id === 'string') eventId = envelope.id;
    if (typeof envelope.type === 'string') eventType = envelope.type;
  } catch {
    // not JSON: the very reason it is a dead letter
  }
  return {
    position: `${message.partition}/${message.offset}`,
    consumer: message.headers[DEAD_LETTER_HEADERS.consumer] ?? '',
    error: message.headers[DEAD_LETTER_HEADERS.error] ?? '',
    source: message.headers[DEAD_LETTER_HEADERS.source] ?? '',
    eventId,
    eventType,
    key: message.key,
    message,
  };
}

export function matchesFilter(letter: DeadLetter, filter: DeadLetterFilter): boolean {
  return filter.consumer === undefined || letter.consumer === filter.consumer;
}

/**
 * The message that puts a dead letter back on the topic it came from: same key (same
 * partition), value and event headers, without the dead-letter headers, addressed to the
 * consumer that failed.
 */
export function replayMessage(letter: DeadLetter, topic: string): OutgoingMessage {
  const headers = Object.fromEntries(
    Object.entries(letter.message.headers).filter(([name]) => !Object.values<string>(DEAD_LETTER_HEADERS).includes(name)),
  );
  return {
    topic,
    key: letter.key ?? 'unknown',
    value: letter.message.value ?? '',
    headers: { ...headers, [REPLAY_FOR_HEADER]: letter.consumer, 'replayed-from': `${deadLetterTopic(topic)}/${letter.position}` },
  };
}

/**
 * The consumer group a replay reads the dead-letter topic with: one per consumer filter, so a
 * replay remembers what it already sent and a second run sends nothing new.
 */
export function replayGroup(topic: string, filter: DeadLetterFilter): string {
  return `dead-letters.replay.${topic}.${filter.consumer ?? 'all'}`;
}

/** Every dead letter of `topic` matching `filter`, and how many of them the filter's replay has not sent yet. */
export async function listDeadLetters(
  bus: EventBus,
  topic: string,
  filter: DeadLetterFilter,
): Promise<{ letters: DeadLetter[]; notReplayed: number }> {
  const dlq = deadLetterTopic(topic);
  await bus.ensureTopics([dlq]);
  const letters = (await bus.readAll(dlq)).map(readDeadLetter).filter((letter) => matchesFilter(letter, filter));
  const replayedUpTo = new Map((await bus.backlog(replayGroup(topic, filter), dlq)).map((range) => [range.partition, range.from]));
  const notReplayed = letters.filter((letter) => BigInt(letter.message.offset) >= (replayedUpTo.get(letter.message.partition) ?? 0n)).length;
  return { letters, notReplayed };
}

/** What one replay run did. */
export interface ReplayReport {
  replayed: DeadLetter[];
  /** Dead letters of other consumers, passed over by this filter's replay. */
  passedOver: number;
}

/**
 * Sends the dead letters of `topic` not replayed before (those matching `filter`) back to the
 * topic, each for the consumer that failed on it. Safe to run twice: the replay's consumer
 * group remembers where it stopped, and the consumer's inbox turns any event it has already
 * applied into a no-op. An event that fails again goes back to the dead-letter topic with
 * its new error, for a later replay.
 */
export async function replayDeadLetters(bus: EventBus, topic: string, filter: DeadLetterFilter): Promise<ReplayReport> {
  const report: ReplayReport = { replayed: [], passedOver: 0 };
  const dlq = deadLetterTopic(topic);
  await bus.ensureTopics([topic, dlq]);
  await bus.consumeBacklog(replayGroup(topic, filter), dlq, async (message) => {
    const letter = readDeadLetter(message);
    if (!matchesFilter(letter, filter)) {
      report.passedOver += 1;
      return;
    }
    await bus.publish([replayMessage(letter, topic)]);
    report.replayed.push(letter);
  });
  return report;
}
