import { GATEWAY_PROOF_MIN_SECRET_LENGTH } from '@ps/gateway-proof';
import { edgeEnvShape, envFlag, serviceEnvShape } from '@ps/service-kit';
import { z } from 'zod';
import { corsOriginsShape } from './cors';
import type { RateLimitSettings } from './rate-limit';
import type { OperationLimits } from './limits';

const optionalUrl = z.string().url().optional();
const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Everything the gateway reads from its environment. */
export const gatewayEnvSchema = z.object({
  NODE_ENV: serviceEnvShape.NODE_ENV,
  LOG_LEVEL: serviceEnvShape.LOG_LEVEL,
  PORT: serviceEnvShape.PORT,
  KEYCLOAK_URL: serviceEnvShape.KEYCLOAK_URL,
  KEYCLOAK_BACKCHANNEL_URL: serviceEnvShape.KEYCLOAK_BACKCHANNEL_URL,
  KEYCLOAK_REALM: serviceEnvShape.KEYCLOAK_REALM,
  KEYCLOAK_CLIENT_ID: serviceEnvShape.KEYCLOAK_CLIENT_ID,
  KEYCLOAK_KEYS_MAX_AGE_SECONDS: serviceEnvShape.KEYCLOAK_KEYS_MAX_AGE_SECONDS,
  /** That client's secret: the gateway asks Keycloak, with it, whether a token's session has ended. */
  KEYCLOAK_CLIENT_SECRET: z.string().min(1),
  /** How long one answer about a session is reused: a logged-out session's tokens are refused within about this. */
  SESSION_CHECK_SECONDS: positive(2),
  /** Longest wait for Keycloak's answer about a session; past it the token passes on its signature (logged). */
  SESSION_CHECK_TIMEOUT_MS: positive(1_500),
  ORGANIZATION_URL: optionalUrl,
  PERSONNEL_URL: optionalUrl,
  EVALUATION_URL: optionalUrl,
  REFORM_URL: optionalUrl,
  /** Key of the proof every subgraph request carries; the subgraphs hold the same. */
  GATEWAY_PROOF_SECRET: z.string().min(GATEWAY_PROOF_MIN_SECRET_LENGTH),
  // Limits checked while parsing and validating, before any query planning.
  GRAPHQL_MAX_DEPTH: positive(10),
  GRAPHQL_MAX_ALIASES: positive(20),
  GRAPHQL_MAX_DIRECTIVES: positive(20),
  GRAPHQL_MAX_TOKENS: positive(2000),
  GRAPHQL_MAX_COST: positive(20_000),
  /** Requests per caller (token subject) and window, per gateway replica. */
  RATE_LIMIT_REQUESTS: positive(600),
  /** Requests per client app (a service account of an `app-…` client) and window: a system is not a person clicking. */
  RATE_LIMIT_APP_REQUESTS: positive(120),
  RATE_LIMIT_WINDOW_SECONDS: positive(60),
  /** Idle time after which the gateway closes a subgraph connection: below the subgraphs' keep-alive. */
  SUBGRAPH_KEEP_ALIVE_MS: positive(60_000),
  /** Longest wait for a subgraph's answer before the field is answered SERVICE_UNAVAILABLE. */
  SUBGRAPH_TIMEOUT_MS: positive(30_000),
  /** Retries of a query (never a mutation) whose connection was reset. */
  SUBGRAPH_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  /** Identical reads in flight at once (same subgraph, body and caller's token) share one subgraph request. */
  SUBGRAPH_DEDUPLICATION: envFlag('true'),
  /** The exact origins of the browser apps (the console) that may call the gateway; none unless set. */
  CORS_ALLOWED_ORIGINS: corsOriginsShape,
  ...edgeEnvShape,
});

export type GatewayEnv = z.infer<typeof gatewayEnvSchema>;

/** How the gateway talks to the subgraphs. */
export interface SubgraphClientSettings {
  proofSecret: string;
  keepAliveMs: number;
  timeoutMs: number;
  retries: number;
  /** Whether identical reads in flight at once share one request. */
  deduplication: boolean;
}

/** What the gateway adds to the edge every server shares, read once from the environment. */
export interface GatewaySettings {
  limits: OperationLimits;
  rateLimit: RateLimitSettings;
  subgraphs: SubgraphClientSettings;
  /** Browser origins answered with CORS headers. */
  corsOrigins: readonly string[];
}

export function gatewaySettings(env: GatewayEnv): GatewaySettings {
  return {
    limits: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxDirectives: env.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      maxCost: env.GRAPHQL_MAX_COST,
    },
    rateLimit: { requests: env.RATE_LIMIT_REQUESTS, appRequests: env.RATE_LIMIT_APP_REQUESTS, windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS },
    subgraphs: {
      proofSecret: env.GATEWAY_PROOF_SECRET,
      keepAliveMs: env.SUBGRAPH_KEEP_ALIVE_MS,
      timeoutMs: env.SUBGRAPH_TIMEOUT_MS,
      retries: env.SUBGRAPH_RETRIES,
      deduplication: env.SUBGRAPH_DEDUPLICATION,
    },
    corsOrigins: env.CORS_ALLOWED_ORIGINS,
  };
}

/** Subgraph URL overrides by subgraph name (deployments differ from the composed local URLs). */
export function subgraphUrlOverrides(env: GatewayEnv): Record<string, string | undefined> {
  return {
    organization: env.ORGANIZATION_URL,
    personnel: env.PERSONNEL_URL,
    evaluation: env.EVALUATION_URL,
    reform: env.REFORM_URL,
  };
}
