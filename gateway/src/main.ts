import '@ps/telemetry/register';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createKeycloakVerifier } from '@ps/auth';
import { closeServer, createLogger, edgeSettings, handleShutdown, listen, loadEnv } from '@ps/service-kit';
import { stopTracing } from '@ps/telemetry';
import { gatewayEnvSchema, gatewaySettings, subgraphUrlOverrides } from './config';
import { createGateway } from './server';
import { committedSupergraph } from './subgraphs';

async function main(): Promise<void> {
  const envFile = join(process.cwd(), '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const env = loadEnv(gatewayEnvSchema);
  const logger = createLogger('gateway', env.LOG_LEVEL);
  try {
    const edge = edgeSettings(env);
    const { app, stop } = await createGateway({
      supergraphSdl: committedSupergraph(),
      subgraphUrls: subgraphUrlOverrides(env),
      verifier: createKeycloakVerifier(
        {
          url: env.KEYCLOAK_URL,
          backchannelUrl: env.KEYCLOAK_BACKCHANNEL_URL,
          realm: env.KEYCLOAK_REALM,
          clientId: env.KEYCLOAK_CLIENT_ID,
          keys: { maxAgeMs: env.KEYCLOAK_KEYS_MAX_AGE_SECONDS * 1000 },
        },
        logger,
        {
          clientSecret: env.KEYCLOAK_CLIENT_SECRET,
          cacheMs: env.SESSION_CHECK_SECONDS * 1000,
          timeoutMs: env.SESSION_CHECK_TIMEOUT_MS,
        },
      ),
      logger,
      gateway: gatewaySettings(env),
      edge,
    });
    const server = await listen(app, env.PORT, { keepAliveTimeoutMs: edge.keepAliveTimeoutMs });
    logger.info({ url: `http://127.0.0.1:${env.PORT}/graphql` }, 'gateway ready');
    // Tracing stops last, sending the spans of the requests served until then.
    handleShutdown(logger, [{ name: 'tracing', stop: stopTracing }, { name: 'apollo', stop }, closeServer(server)]);
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  }
}

void main();
