import pino from 'pino';
import type { DataSource } from 'typeorm';
import { describeDeadLetter, parseDeadLetterCommand } from './dead-letters.cli';
import { DEAD_LETTER_HEADERS, matchesFilter, readDeadLetter, REPLAY_FOR_HEADER, replayGroup, replayMessage } from './dead-letters';
import type { EventBus, IncomingMessage } from './event-bus';
import { InboxConsumer } from './inbox-consumer';

const envelope = { id: '6f1c3a52-8d7e-4a0b-9a51-0c2d7e0f4b11', type: 'UnitCreated', version: 1 };

function deadLetterMessage(value: string | null, headers: Record<string, string> = {}): IncomingMessage {
  return {
    topic: 'organization.events.v1.dlq',
    partition: 2,
    offset: '17',
    key: '30004',
    value,
    headers: {
      'event-type': 'UnitCreated',
      'correlation-id': 'c-1',
      [DEAD_LETTER_HEADERS.consumer]: 'personnel.territory',
      [DEAD_LETTER_HEADERS.error]: 'relation "territory_unit" does not exist',
      [DEAD_LETTER_HEADERS.source]: 'organization.events.v1/2/40',
      ...headers,
    },
  };
}

describe('a dead letter as an operator reads it', () => {
  it('names the consumer, the error, where it came from and the event', () => {
    const letter = readDeadLetter(deadLetterMessage(JSON.stringify(envelope)));
    expect(letter).toMatchObject({
      position: '2/17',
      consumer: 'personnel.territory',
      error: 'relation "territory_unit" does not exist',
      source: 'organization.events.v1/2/40',
      eventId: envelope.id,
      eventType: 'UnitCreated',
      key: '30004',
    });
    expect(describeDeadLetter(letter)).toBe(
      `2/17  personnel.territory  UnitCreated ${envelope.id}  key=30004  from organization.events.v1/2/40\n    relation "territory_unit" does not exist`,
    );
  });

  it('still lists a message that is not JSON, without an event id', () => {
    const letter = readDeadLetter(deadLetterMessage('not json', { 'event-type': '' }));
    expect(letter.eventId).toBeNull();
    expect(describeDeadLetter(letter)).toContain('unreadable message');
  });

  it('matches a consumer filter, or every consumer without one', () => {
    const letter = readDeadLetter(deadLetterMessage(JSON.stringify(envelope)));
    expect(matchesFilter(letter, {})).toBe(true);
    expect(matchesFilter(letter, { consumer: 'personnel.territory' })).toBe(true);
    expect(matchesFilter(letter, { consumer: 'reform.territory' })).toBe(false);
  });
});

describe('a replayed dead letter', () => {
  it('goes back to its topic with its key and value, for the consumer that failed, without dead-letter headers', () => {
    const value = JSON.stringify(envelope);
    const message = replayMessage(readDeadLetter(deadLetterMessage(value)), 'organization.events.v1');
    expect(message).toEqual({
      topic: 'organization.events.v1',
      key: '30004',
      value,
      headers: {
        'event-type': 'UnitCreated',
        'correlation-id': 'c-1',
        [REPLAY_FOR_HEADER]: 'personnel.territory',
        'replayed-from': 'organization.events.v1.dlq/2/17',
      },
    });
  });

  it('is read by one consumer group per filter, so each filter remembers its own replays', () => {
    expect(replayGroup('organization.events.v1', { consumer: 'personnel.territory' })).toBe(
      'dead-letters.replay.organization.events.v1.personnel.territory',
    );
    expect(replayGroup('organization.events.v1', {})).toBe('dead-letters.replay.organization.events.v1.all');
  });

  it('is ignored by every other consumer of the topic, before anything is parsed or written', async () => {
    const untouched = new Proxy({}, { get: (_target, name) => { throw new Error(`touched ${String(name)}`); } });
    const consumer = new InboxConsumer({
      name: 'reform.territory',
      bus: untouched as EventBus,
      dataSource: untouched as DataSource,
      logger: pino({ level: 'silent' }),
    });
    const replayed = deadLetterMessage('not json', { [REPLAY_FOR_HEADER]: 'personnel.territory' });
    await expect(consumer.deliver(replayed)).resolves.toBe('ignored');
  });
});

describe('the dead-letters command line', () => {
  it('reads an action, a topic and optional filters', () => {
    expect(parseDeadLetterCommand(['replay', '--topic', 'organization.events.v1', '--consumer', 'personnel.territory', '--prefix', 'run-1.'])).toEqual({
      command: { action: 'replay', topic: 'organization.events.v1', consumer: 'personnel.territory', prefix: 'run-1.' },
    });
    expect(parseDeadLetterCommand(['list', '--topic', 'organization.events.v1'])).toEqual({
      command: { action: 'list', topic: 'organization.events.v1' },
    });
  });

  it.each([
    [['list'], 'topic'],
    [['purge', '--topic', 't'], 'action'],
    [['list', 'replay', '--topic', 't'], 'unexpected arguments: replay'],
    [['list', '--topic', 't', '--force'], "Unknown option '--force'"],
  ])('names what is wrong in %j, with the usage', (argv, problem) => {
    const parsed = parseDeadLetterCommand(argv);
    expect(parsed).toEqual({ problem: expect.stringContaining(problem) });
    expect(parsed).toEqual({ problem: expect.stringContaining('npm run dead-letters -- list|replay') });
  });
});
