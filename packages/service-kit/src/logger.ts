import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout (Kubernetes collects them); secrets in headers are redacted. */
export function createLogger(name: string, level = 'info'): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: ['req.headers.authorization', 'headers.authorization', '*.password', '*.client_secret'],
  });
}
