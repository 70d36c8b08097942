import { GATEWAY_PROOF_MIN_SECRET_LENGTH } from '@ps/gateway-proof';
import { isCalendarDate } from '@ps/effective-dating';
import { checkKafkaSecurityEnv, kafkaSecurityEnvShape } from '@ps/events';
import { z } from 'zod';

/** An environment switch written `true` or `false` (anything else is refused), read as a boolean. */
export const envFlag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((value) => value === 'true');

const calendarDate = z.string().refine(isCalendarDate, 'expected a real calendar day written YYYY-MM-DD');

/**
 * Variables of the edge every GraphQL server reads, the gateway and each subgraph alike: what
 * a request may be and what its answers may reveal. Defaults are the production ones.
 */
export const edgeEnvShape = {
  /** Introspection and "Did you mean …" suggestions; off unless turned on (`npm start` does, for local work). */
  GRAPHQL_INTROSPECTION: envFlag('false'),
  /** Largest request body in bytes, counted after decompression. */
  REQUEST_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  /** Longest string an argument or a variable may carry. */
  TEXT_MAX_LENGTH: z.coerce.number().int().min(1).default(10_000),
  /** Earliest and latest date a request may carry (LocalDate). */
  LOCAL_DATE_MIN: calendarDate.default('1945-09-02'),
  LOCAL_DATE_MAX: calendarDate.default('2100-12-31'),
  /** How long an idle keep-alive connection stays open: above any caller's idle timeout (the gateway's). */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1000).default(65_000),
};

export const edgeEnvSchema = z.object(edgeEnvShape);
export type EdgeEnv = z.infer<typeof edgeEnvSchema>;

/** Variables every service reads; a service extends this shape with its own. */
export const serviceEnvShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** 0 picks a free port (tests). */
  PORT: z.coerce.number().int().min(0).max(65535),
  DATABASE_URL: z.string().url(),
  /**
   * Connections one process opens at most. In Kubernetes, HPA maxReplicas × this, summed over the
   * subgraphs, must fit the pooler's max_client_conn (infra/k8s/src/connection-budget.ts checks it).
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * A direct connection to the same database for the outbox relay's LISTEN (one connection per
   * process), when DATABASE_URL goes through PgBouncer in transaction mode, which does not carry
   * LISTEN: in Kubernetes, the cluster's `-rw` Service. DATABASE_URL when not given.
   */
  DATABASE_LISTEN_URL: z.preprocess((value) => (value === '' ? undefined : value), z.string().url().optional()),
  /** Publish events as their transaction commits (LISTEN/NOTIFY); `false` leaves polling only. */
  OUTBOX_WAKE_ON_COMMIT: envFlag('true'),
  KAFKA_BROKERS: z
    .string()
    .min(1)
    .transform((value) => value.split(',').map((broker) => broker.trim()).filter(Boolean)),
  /** Prefix of every Kafka topic and group (isolates test runs); empty in production. */
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  /** TLS and SCRAM to Kafka (plaintext by default); checked together by `serviceEnvSchema`. */
  ...kafkaSecurityEnvShape,
  /** Keycloak's public host: tokens name `<KEYCLOAK_URL>/realms/<realm>` as their issuer. */
  KEYCLOAK_URL: z.string().url(),
  /** Keycloak as the pods reach it, when not through KEYCLOAK_URL (a cluster-internal Service): the realm's keys and session introspection go there. */
  KEYCLOAK_BACKCHANNEL_URL: z.string().url().optional(),
  KEYCLOAK_REALM: z.string().min(1),
  KEYCLOAK_CLIENT_ID: z.string().min(1),
  /** Age after which the realm's signing keys are fetched again: a key disabled in the realm stops verifying within about this. */
  KEYCLOAK_KEYS_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(300),
  /** Shared with the gateway: every /graphql request must carry its HMAC proof (see @ps/gateway-proof). */
  GATEWAY_PROOF_SECRET: z.string().min(GATEWAY_PROOF_MIN_SECRET_LENGTH),
  /** Run pending migrations when the service starts (the default; Kubernetes relies on it). */
  MIGRATE_ON_START: envFlag('true'),
  ...edgeEnvShape,
};

/** Every service variable, the Kafka security ones checked together (a schema spreading the shape adds the same refinement). */
export const serviceEnvSchema = z.object(serviceEnvShape).superRefine(checkKafkaSecurityEnv);
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
