import { GATEWAY_PROOF_MIN_SECRET_LENGTH } from '@ps/gateway-proof';
import { z } from 'zod';

/** Variables every service reads; a service extends this shape with its own. */
export const serviceEnvShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** 0 picks a free port (tests). */
  PORT: z.coerce.number().int().min(0).max(65535),
  DATABASE_URL: z.string().url(),
  KAFKA_BROKERS: z
    .string()
    .min(1)
    .transform((value) => value.split(',').map((broker) => broker.trim()).filter(Boolean)),
  /** Prefix of every Kafka topic and group (isolates test runs); empty in production. */
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  KEYCLOAK_URL: z.string().url(),
  KEYCLOAK_REALM: z.string().min(1),
  KEYCLOAK_CLIENT_ID: z.string().min(1),
  /** Shared with the gateway: every /graphql request must carry its HMAC proof (see @ps/gateway-proof). */
  GATEWAY_PROOF_SECRET: z.string().min(GATEWAY_PROOF_MIN_SECRET_LENGTH),
  /** Run pending migrations when the service starts (the default; Kubernetes relies on it). */
  MIGRATE_ON_START: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
};

export const serviceEnvSchema = z.object(serviceEnvShape);
export type ServiceEnv = z.infer<typeof serviceEnvSchema>;

/** Thrown at start-up when configuration is missing or malformed; names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates configuration once. Fails fast with the name of every variable that
 * is missing or malformed, so a misconfigured pod never starts half-working.
 */
export function loadEnv<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  source: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<Shape>> {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}
