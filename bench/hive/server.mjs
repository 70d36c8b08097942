// Hive Gateway as `hive-gateway.mjs` runs it beside ours: its own process, on the committed
// supergraph with the subgraph URLs of the bench platform (ORGANIZATION_URL…, as our gateway reads
// them), checking Keycloak tokens against the realm's keys as ours does, passing `authorization`
// on to the subgraphs and signing every subgraph request with the gateway proof.
// HIVE_DEDUPLICATION=false turns off its in-flight deduplication of identical subgraph queries.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createGatewayRuntime, createRemoteJwksSigningKeyProvider, useJWT, usePropagateHeaders } from '@graphql-hive/gateway';
import { GATEWAY_PROOF_MIN_SECRET_LENGTH, gatewayProofHeaders } from '@ps/gateway-proof';
import { z } from 'zod';

const env = z.object({
  PORT: z.coerce.number().int().positive(),
  GATEWAY_PROOF_SECRET: z.string().min(GATEWAY_PROOF_MIN_SECRET_LENGTH),
  KEYCLOAK_URL: z.string().url(),
  KEYCLOAK_REALM: z.string().min(1),
  KEYCLOAK_CLIENT_ID: z.string().min(1),
  ORGANIZATION_URL: z.string().url(),
  PERSONNEL_URL: z.string().url(),
  EVALUATION_URL: z.string().url(),
  REFORM_URL: z.string().url(),
  HIVE_DEDUPLICATION: z.enum(['true', 'false']).default('true'),
}).parse(process.env);

/** The committed supergraph, each `@join__graph` pointed at this platform's subgraph. */
function supergraph() {
  const sdl = readFileSync(fileURLToPath(new URL('../../gateway/supergraph.graphql', import.meta.url)), 'utf8');
  return sdl.replace(/@join__graph\(name: "(\w+)", url: "[^"]*"\)/g, (_, name) => {
    const url = env[`${name.toUpperCase()}_URL`];
    if (!url) throw new Error(`no URL for subgraph ${name}`);
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
}

/** Signs each subgraph request over the body exactly as Hive sends it, as our gateway's fetcher does. */
const useGatewayProof = (secret) => ({
  onFetch({ url, options, setOptions, executionRequest }) {
    if (!executionRequest) return; // the realm's keys, not a subgraph
    const { pathname, search } = new URL(url);
    const method = options.method ?? 'GET';
    const proof = gatewayProofHeaders(secret, { method, path: `${pathname}${search}`, body: typeof options.body === 'string' ? options.body : '' });
    setOptions({ ...options, headers: { ...options.headers, ...proof } });
  },
});

const realm = `${env.KEYCLOAK_URL}/realms/${env.KEYCLOAK_REALM}`;
const gateway = createGatewayRuntime({
  supergraph: supergraph(),
  logging: 'warn',
  landingPage: false,
  graphiql: false,
  healthCheckEndpoint: '/health/live',
  readinessCheckEndpoint: '/health/ready',
  transportEntries: { '*.http': { options: { deduplicateInflightRequests: env.HIVE_DEDUPLICATION === 'true' } } },
  plugins: () => [
    useJWT({
      signingKeyProviders: [createRemoteJwksSigningKeyProvider({ jwksUri: `${realm}/protocol/openid-connect/certs` })],
      tokenVerification: { issuer: realm, audience: env.KEYCLOAK_CLIENT_ID, algorithms: ['RS256'] },
      reject: { missingToken: true, invalidToken: true },
    }),
    // Through the execution request's headers, so a shared in-flight query is keyed by the caller's token too.
    usePropagateHeaders({ fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }) }),
    useGatewayProof(env.GATEWAY_PROOF_SECRET),
  ],
});

const server = createServer(gateway);
server.listen(env.PORT, '127.0.0.1');
process.once('SIGTERM', () => server.close(() => gateway.dispose().then(() => process.exit(0))));
