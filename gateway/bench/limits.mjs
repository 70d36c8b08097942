// `pnpm --filter @ps/gateway bench`: how long the gateway takes to refuse the documents of issue 7
// (an 880 KB document of 80,000 repeated fields, depth 32 of `children`, 2,000 `unit` aliases),
// beside a small accepted query. Starts the built gateway in this process on a free port with
// the real Keycloak verifier and the default limits (subgraphs unreachable: nothing here gets
// that far), or measures a running one with GATEWAY_URL. Prints median, p95 and min of RUNS.
import { createServer } from 'node:net';
import { createKeycloakVerifier } from '@ps/auth';
import { closeServer, createLogger, listen } from '@ps/service-kit';
import { tokenFor, infrastructure } from '@ps/testing';
import { gatewayEnvSchema, gatewaySettings } from '../dist/config.js';
import { createGateway } from '../dist/server.js';
import { committedSupergraph } from '../dist/subgraphs.js';

const RUNS = Number(process.env.RUNS ?? 21);
const WARMUP = 3;

const aliases = (count) => `{ ${Array.from({ length: count }, (_, i) => `u${i}: unit(code: "720") { code }`).join(' ')} }`;
const DOCUMENTS = {
  'accepted: { unit(code: "720") { code } } (subgraph down)': '{ unit(code: "720") { code } }',
  '80,000 repeated fields (880 KB)': `{ unit(code: "720") { ${'__typename '.repeat(80_000)}} }`,
  'depth 32 of children': `{ unit(code: "720") { ${'children { '.repeat(32)}code${' }'.repeat(32)} } }`,
  '2,000 unit aliases': aliases(2000),
  '21 unit aliases (under the token limit)': aliases(21),
  '8,000 repeated __typename': `{ ${'__typename '.repeat(8000)}}`,
};

async function startLocalGateway() {
  const env = gatewayEnvSchema.parse({
    PORT: '0',
    LOG_LEVEL: 'fatal',
    KEYCLOAK_URL: infrastructure.keycloakUrl,
    KEYCLOAK_REALM: infrastructure.keycloakRealm,
    KEYCLOAK_CLIENT_ID: infrastructure.keycloakClientId,
    GATEWAY_PROOF_SECRET: infrastructure.gatewayProofSecret,
    ...process.env,
  });
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const down = `http://127.0.0.1:${probe.address().port}/graphql`; // closed below: a subgraph that is down
  await new Promise((resolve) => probe.close(resolve));
  const { app, stop } = await createGateway({
    supergraphSdl: committedSupergraph(),
    subgraphUrls: { organization: down, personnel: down, evaluation: down, reform: down },
    verifier: createKeycloakVerifier({ url: env.KEYCLOAK_URL, realm: env.KEYCLOAK_REALM, clientId: env.KEYCLOAK_CLIENT_ID }),
    logger: createLogger('gateway-bench', 'fatal'),
    gateway: { ...gatewaySettings(env), rateLimit: { requests: 1_000_000, windowSeconds: 1 } },
  });
  const server = await listen(app, 0, '127.0.0.1');
  return { url: `http://127.0.0.1:${server.address().port}/graphql`, stop: async () => (await closeServer(server).stop(), await stop()) };
}

async function timeOne(url, token, query) {
  const body = JSON.stringify({ query });
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const answer = await response.json();
  const elapsed = performance.now() - started;
  const refusal = answer.errors?.map((e) => e.extensions?.details?.limit ?? e.extensions?.code).join('+') ?? 'ok';
  return { elapsed, status: response.status, refusal, bytes: body.length };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

const local = process.env.GATEWAY_URL ? undefined : await startLocalGateway();
const url = process.env.GATEWAY_URL ?? local.url;
const token = await tokenFor(process.env.BENCH_USER ?? 'admin.dautieng');
process.stdout.write(`gateway ${url}, ${RUNS} runs after ${WARMUP} warm-up, ms (client-side, loopback)\n`);
for (const [name, query] of Object.entries(DOCUMENTS)) {
  const times = [];
  let last;
  for (let run = 0; run < WARMUP + RUNS; run += 1) {
    last = await timeOne(url, token, query);
    if (run >= WARMUP) times.push(last.elapsed);
  }
  times.sort((a, b) => a - b);
  const f = (ms) => ms.toFixed(1).padStart(7);
  process.stdout.write(
    `${name.padEnd(58)} ${String(last.bytes).padStart(7)} B  HTTP ${last.status} ${last.refusal.padEnd(26)} median ${f(percentile(times, 0.5))}  p95 ${f(percentile(times, 0.95))}  min ${f(times[0])}\n`,
  );
}
await local?.stop();
