import { parseArgs } from 'node:util';
import pino from 'pino';
import { z } from 'zod';
import { listDeadLetters, replayDeadLetters, replayGroup, type DeadLetter, type DeadLetterFilter } from './dead-letters';
import { deadLetterTopic } from './envelope';
import { EventBus } from './event-bus';
import { checkKafkaSecurityEnv, kafkaSecurityEnvShape, kafkaSecurityFromEnv } from './kafka-security';

const USAGE = `Thư chết / dead letters:
  npm run dead-letters -- list|replay --topic <topic> [--consumer <consumer>] [--prefix <topic prefix>]
    list    the dead letters of <topic> (on <topic>.dlq) with their errors
    replay  sends those not replayed before back to <topic>, for the consumer that failed only
  Environment: KAFKA_BROKERS (default 127.0.0.1:9092), KAFKA_TOPIC_PREFIX (default none; --prefix wins),
    KAFKA_SSL, KAFKA_SSL_CA_FILE, KAFKA_SASL_MECHANISM, KAFKA_USERNAME, KAFKA_PASSWORD (default plaintext).`;

const commandSchema = z.object({
  action: z.enum(['list', 'replay']),
  topic: z.string().min(1),
  consumer: z.string().min(1).optional(),
  prefix: z.string().optional(),
});
export type DeadLetterCommand = z.infer<typeof commandSchema>;

const environmentSchema = z.object({
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((value) => value.split(',').map((broker) => broker.trim()).filter(Boolean)),
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  ...kafkaSecurityEnvShape,
}).superRefine(checkKafkaSecurityEnv);

/** The command line, validated; what is wrong is named, with the usage. */
export function parseDeadLetterCommand(argv: readonly string[]): { command: DeadLetterCommand } | { problem: string } {
  const text = { type: 'string' } as const;
  let parsedArgs;
  try {
    parsedArgs = parseArgs({ args: [...argv], allowPositionals: true, options: { topic: text, consumer: text, prefix: text } });
  } catch (error) {
    return { problem: `  ${error instanceof Error ? error.message : String(error)}\n${USAGE}` };
  }
  const { values, positionals } = parsedArgs;
  const parsed = commandSchema.safeParse({ ...values, action: positionals[0] });
  if (parsed.success && positionals.length === 1) return { command: parsed.data };
  const issues = parsed.success ? [`  unexpected arguments: ${positionals.slice(1).join(' ')}`] : parsed.error.issues.map((issue) => `  ${issue.path.join('.') || 'action'}: ${issue.message}`);
  return { problem: `${issues.join('\n')}\n${USAGE}` };
}

/** One line per dead letter: where it lies, the consumer, the event and the error. */
export function describeDeadLetter(letter: DeadLetter): string {
  const event = letter.eventType && letter.eventId ? `${letter.eventType} ${letter.eventId}` : 'unreadable message';
  return `${letter.position}  ${letter.consumer || '?'}  ${event}  key=${letter.key ?? '-'}  from ${letter.source || '?'}\n    ${letter.error}`;
}

/** Runs one command on `bus`, writing what it found or did line by line. */
export async function runDeadLetterCommand(command: DeadLetterCommand, bus: EventBus, write: (line: string) => void): Promise<void> {
  const filter: DeadLetterFilter = { consumer: command.consumer };
  const dlq = deadLetterTopic(command.topic);
  if (command.action === 'list') {
    const { letters, notReplayed } = await listDeadLetters(bus, command.topic, filter);
    for (const letter of letters) write(describeDeadLetter(letter));
    write(`${letters.length} dead letter(s) on ${dlq}${command.consumer ? ` for ${command.consumer}` : ''}, ${notReplayed} not replayed yet (${replayGroup(command.topic, filter)})`);
    return;
  }
  const report = await replayDeadLetters(bus, command.topic, filter);
  for (const letter of report.replayed) write(`replayed ${describeDeadLetter(letter)}\n    → ${command.topic} for ${letter.consumer}`);
  write(`${report.replayed.length} replayed to ${command.topic}, ${report.passedOver} of other consumers passed over; nothing earlier is sent again`);
}

async function main(): Promise<void> {
  const parsed = parseDeadLetterCommand(process.argv.slice(2));
  if ('problem' in parsed) {
    process.stderr.write(`${parsed.problem}\n`);
    process.exit(2);
  }
  const environment = environmentSchema.parse(process.env);
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
  const bus = new EventBus({
    brokers: environment.KAFKA_BROKERS,
    clientId: 'dead-letters',
    logger,
    prefix: parsed.command.prefix ?? environment.KAFKA_TOPIC_PREFIX,
    security: kafkaSecurityFromEnv(environment),
  });
  try {
    await runDeadLetterCommand(parsed.command, bus, (line) => process.stdout.write(`${line}\n`));
  } finally {
    await bus.disconnect();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`dead letters: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
