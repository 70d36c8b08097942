import type { DateRange } from '@ps/effective-dating';
import { ConfigError, edgeEnvSchema, type EdgeEnv } from '../env';

/** The edge of a GraphQL server (gateway or subgraph), read once from its environment. */
export interface EdgeSettings {
  /** Introspection and "Did you mean …" suggestions. */
  introspection: boolean;
  bodyLimitBytes: number;
  textMaxLength: number;
  dateRange: DateRange;
  keepAliveTimeoutMs: number;
}

/** Edge settings from validated variables; a date range that ends before it starts stops the start. */
export function edgeSettings(env: EdgeEnv): EdgeSettings {
  if (env.LOCAL_DATE_MIN > env.LOCAL_DATE_MAX) {
    throw new ConfigError([`LOCAL_DATE_MIN: ${env.LOCAL_DATE_MIN} is after LOCAL_DATE_MAX ${env.LOCAL_DATE_MAX}`]);
  }
  return {
    introspection: env.GRAPHQL_INTROSPECTION,
    bodyLimitBytes: env.REQUEST_BODY_LIMIT_BYTES,
    textMaxLength: env.TEXT_MAX_LENGTH,
    dateRange: { min: env.LOCAL_DATE_MIN, max: env.LOCAL_DATE_MAX },
    keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
  };
}

/** The production edge (every variable at its default): what a server gets when none is given. */
export const DEFAULT_EDGE_SETTINGS: EdgeSettings = edgeSettings(edgeEnvSchema.parse({}));
