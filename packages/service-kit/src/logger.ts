import { traceLogFields } from '@ps/telemetry';
import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs on stdout (Kubernetes collects them), or on another file descriptor (a command
 * line tool logs progress on stderr and prints its result on stdout); secrets are redacted.
 * A line written inside a traced operation carries its `trace_id` and `span_id`.
 */
export function createLogger(name: string, level = 'info', fileDescriptor: 1 | 2 = 1): Logger {
  return pino(
    {
      name,
      level,
      base: { service: name },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: traceLogFields,
      redact: ['req.headers.authorization', 'headers.authorization', '*.password', '*.client_secret'],
    },
    // Synchronous, so the last lines before process.exit are never lost.
    pino.destination({ dest: fileDescriptor, sync: true }),
  );
}
