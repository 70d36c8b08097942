import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/** An empty value is no value: `.env.example` lists the variables, empty where tracing is off. */
const unlessEmpty = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** OTLP over HTTP: an http(s) URL, which `collector:4318` (a valid URL of scheme `collector:`) is not. */
const httpUrl = z.url({ protocol: /^https?$/ });

/**
 * The standard OpenTelemetry variables this platform reads itself; the exporter and the span
 * processor read their own (`OTEL_EXPORTER_OTLP_HEADERS`, `OTEL_BSP_SCHEDULE_DELAY`, …).
 * Tracing is on only when an OTLP endpoint is set and the SDK is not disabled.
 */
export const tracingEnvSchema = z.object({
  /** Base URL of the OTLP/HTTP receiver (a collector); spans go to `<endpoint>/v1/traces`. */
  OTEL_EXPORTER_OTLP_ENDPOINT: unlessEmpty(httpUrl),
  /** Full URL for traces alone, when they go elsewhere than the base endpoint. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: unlessEmpty(httpUrl),
  /** The process's name in traces; the program's package name (`gateway`, `reform`, …) when unset. */
  OTEL_SERVICE_NAME: unlessEmpty(z.string()),
  OTEL_SDK_DISABLED: unlessEmpty(z.enum(['true', 'false'])),
  /** Checked here so a misspelt sampler fails the start instead of silently sampling everything. */
  OTEL_TRACES_SAMPLER: unlessEmpty(
    z.enum(['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio']),
  ),
  OTEL_TRACES_SAMPLER_ARG: unlessEmpty(z.coerce.number().min(0).max(1)),
});

export interface TracingSettings {
  serviceName: string;
}

/** Thrown at start-up when a tracing variable is malformed; names every bad variable. */
export class TracingConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình tracing không hợp lệ / Invalid tracing configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'TracingConfigError';
  }
}

/**
 * What tracing this process runs, read once from the environment: undefined when it is off
 * (no endpoint, or `OTEL_SDK_DISABLED=true`), so a process without a collector loads nothing.
 */
export function tracingSettings(env: NodeJS.ProcessEnv, program: string | undefined): TracingSettings | undefined {
  const parsed = tracingEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new TracingConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const { OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_SDK_DISABLED, OTEL_SERVICE_NAME } = parsed.data;
  if (OTEL_SDK_DISABLED === 'true') return undefined;
  if (OTEL_EXPORTER_OTLP_ENDPOINT === undefined && OTEL_EXPORTER_OTLP_TRACES_ENDPOINT === undefined) return undefined;
  return { serviceName: OTEL_SERVICE_NAME ?? programName(program) };
}

/**
 * The name of the package whose script `program` is, without its scope (`@ps/reform` →
 * `reform`): the nearest package.json above the script. `unknown_service:node` (the
 * specification's default) when there is none.
 */
export function programName(program: string | undefined): string {
  for (let folder = program ? dirname(program) : undefined; folder; ) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
      if (typeof name === 'string' && name.length > 0) return name.replace(/^@[^/]+\//, '');
    }
    const parent = dirname(folder);
    folder = parent === folder ? undefined : parent;
  }
  return 'unknown_service:node';
}
