import { edgeEnvShape, serviceEnvShape } from '@ps/service-kit';
import { z } from 'zod';

const optionalUrl = z.string().url().optional();

/** Everything the gateway reads from its environment. */
export const gatewayEnvSchema = z.object({
  NODE_ENV: serviceEnvShape.NODE_ENV,
  LOG_LEVEL: serviceEnvShape.LOG_LEVEL,
  PORT: serviceEnvShape.PORT,
  KEYCLOAK_URL: serviceEnvShape.KEYCLOAK_URL,
  KEYCLOAK_REALM: serviceEnvShape.KEYCLOAK_REALM,
  KEYCLOAK_CLIENT_ID: serviceEnvShape.KEYCLOAK_CLIENT_ID,
  ORGANIZATION_URL: optionalUrl,
  PERSONNEL_URL: optionalUrl,
  EVALUATION_URL: optionalUrl,
  REFORM_URL: optionalUrl,
  ...edgeEnvShape,
});

export type GatewayEnv = z.infer<typeof gatewayEnvSchema>;

/** Subgraph URL overrides by subgraph name (deployments differ from the composed local URLs). */
export function subgraphUrlOverrides(env: GatewayEnv): Record<string, string | undefined> {
  return {
    organization: env.ORGANIZATION_URL,
    personnel: env.PERSONNEL_URL,
    evaluation: env.EVALUATION_URL,
    reform: env.REFORM_URL,
  };
}
