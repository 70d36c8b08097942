import { readFileSync } from 'node:fs';
import type { KafkaConfig } from 'kafkajs';
import { z } from 'zod';

/** An empty value (`KAFKA_USERNAME=` in a .env file) counts as unset. */
const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().min(1).optional());

/**
 * Environment variables of a Kafka client's transport security. The defaults are plaintext
 * without authentication (local work, CI); a cluster sets TLS and SCRAM-SHA-512 (Strimzi).
 */
export const kafkaSecurityEnvShape = {
  /** TLS to the brokers. */
  KAFKA_SSL: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** PEM file of the CA that signed the brokers' certificates (Strimzi's cluster CA); Node's roots when unset. */
  KAFKA_SSL_CA_FILE: optionalText,
  KAFKA_SASL_MECHANISM: z.enum(['none', 'scram-sha-512']).default('none'),
  /** The process's Kafka user (its KafkaUser) and that user's password. */
  KAFKA_USERNAME: optionalText,
  KAFKA_PASSWORD: optionalText,
};

const kafkaSecurityEnvObject = z.object(kafkaSecurityEnvShape);
export type KafkaSecurityEnv = z.infer<typeof kafkaSecurityEnvObject>;

/**
 * The combinations a single field cannot check: SCRAM needs a user and a password, credentials
 * without a mechanism or a CA file without TLS are a half-made configuration. Use it as the
 * `superRefine` of every schema that spreads {@link kafkaSecurityEnvShape}.
 */
export function checkKafkaSecurityEnv(env: KafkaSecurityEnv, context: z.RefinementCtx): void {
  const problem = (variable: keyof KafkaSecurityEnv, message: string) =>
    context.addIssue({ code: 'custom', path: [variable], message });
  if (env.KAFKA_SASL_MECHANISM === 'scram-sha-512') {
    if (!env.KAFKA_USERNAME) problem('KAFKA_USERNAME', 'required when KAFKA_SASL_MECHANISM=scram-sha-512');
    if (!env.KAFKA_PASSWORD) problem('KAFKA_PASSWORD', 'required when KAFKA_SASL_MECHANISM=scram-sha-512');
  } else {
    if (env.KAFKA_USERNAME) problem('KAFKA_USERNAME', 'set, but KAFKA_SASL_MECHANISM is none');
    if (env.KAFKA_PASSWORD) problem('KAFKA_PASSWORD', 'set, but KAFKA_SASL_MECHANISM is none');
  }
  if (env.KAFKA_SSL_CA_FILE && !env.KAFKA_SSL) problem('KAFKA_SSL_CA_FILE', 'set, but KAFKA_SSL is false');
}

/** The Kafka security variables alone, validated together (the dead-letters command line). */
export const kafkaSecurityEnvSchema = kafkaSecurityEnvObject.superRefine(checkKafkaSecurityEnv);

/** How a process connects to Kafka; an empty object is plaintext without authentication. */
export interface KafkaSecurity {
  /** TLS to the brokers; `ca` (PEM, one or more certificates) replaces Node's roots when given. */
  tls?: { ca?: string };
  /** SASL/SCRAM-SHA-512 credentials. */
  scram?: { username: string; password: string };
}

/** A Kafka security setting that cannot be used (a CA file that cannot be read). */
export class KafkaSecurityConfigError extends Error {
  constructor(
    readonly variable: keyof KafkaSecurityEnv,
    detail: string,
  ) {
    super(`Cấu hình Kafka không hợp lệ / Invalid Kafka configuration: ${variable}: ${detail}`);
    this.name = 'KafkaSecurityConfigError';
  }
}

/**
 * Turns validated variables into the connection's security, reading the CA file once here so
 * a missing or empty file stops the process at start, named, rather than at the first connection.
 */
export function kafkaSecurityFromEnv(
  env: KafkaSecurityEnv,
  readText: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): KafkaSecurity {
  const security: KafkaSecurity = {};
  if (env.KAFKA_SSL) security.tls = env.KAFKA_SSL_CA_FILE ? { ca: readCa(env.KAFKA_SSL_CA_FILE, readText) } : {};
  if (env.KAFKA_SASL_MECHANISM === 'scram-sha-512') {
    security.scram = { username: required(env, 'KAFKA_USERNAME'), password: required(env, 'KAFKA_PASSWORD') };
  }
  return security;
}

function required(env: KafkaSecurityEnv, variable: 'KAFKA_USERNAME' | 'KAFKA_PASSWORD'): string {
  const value = env[variable];
  if (!value) throw new KafkaSecurityConfigError(variable, 'required when KAFKA_SASL_MECHANISM=scram-sha-512');
  return value;
}

function readCa(path: string, readText: (path: string) => string): string {
  let pem: string;
  try {
    pem = readText(path);
  } catch (error) {
    throw new KafkaSecurityConfigError('KAFKA_SSL_CA_FILE', `cannot read ${path} (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new KafkaSecurityConfigError('KAFKA_SSL_CA_FILE', `${path} holds no PEM certificate`);
  }
  return pem;
}

/** The kafkajs options of a connection's security (internal to this package). */
export function kafkaClientSecurityOptions(security: KafkaSecurity): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const options: Pick<KafkaConfig, 'ssl' | 'sasl'> = {};
  if (security.tls) options.ssl = security.tls.ca === undefined ? true : { ca: [security.tls.ca] };
  if (security.scram) options.sasl = { mechanism: 'scram-sha-512', ...security.scram };
  return options;
}
