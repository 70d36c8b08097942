/**
 * `import '@ps/telemetry/register'`, the first line of a program's `main.ts`: starts tracing
 * before anything it instruments is loaded, when the environment asks for it (see
 * `tracingSettings`). A malformed tracing variable stops the start with its name.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tracingSettings } from './tracing.settings';

// The program's .env, as its main reads it (later reads change nothing): tracing may be set there.
const envFile = join(process.cwd(), '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);
const settings = tracingSettings(process.env, process.argv[1]);
if (settings) {
  // Loaded only when on: a process without an OTLP endpoint never loads the SDK.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startTracing } = require('./tracing') as typeof import('./tracing');
  startTracing(settings);
}
