// `pnpm --filter @ps/gateway bench:tracing`: what tracing costs the demo query (Xã Thanh An with the
// fields of all four services, as admin.thanhan), measured client-side on loopback. Starts the four
// services and the gateway as separate processes, exactly as the integration tests do, on the
// platform databases an integration run of this checkout left (ps_<service>_e2e_test plus
// PS_TEST_DATABASE_SUFFIX), on ports PS_E2E_PORT_BASE… (14000 unless set), in phases A B A B:
// tracing off, then on (every span exported to an OTLP receiver in a process of its own, so
// reading the exports never delays this one's clock), and so on.
// Prints each phase's median and p95 over RUNS queries after WARMUP, and the ratio of the medians.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { graphqlRequest, infrastructure, startNodeProcess, tokenFor } from '@ps/testing';

const RUNS = Number(process.env.RUNS ?? 100);
const WARMUP = Number(process.env.WARMUP ?? 15);
const PORT_BASE = Number(process.env.PS_E2E_PORT_BASE ?? 14000);
const SERVICES = ['organization', 'personnel', 'evaluation', 'reform'];
const DEMO_QUERY = `query Unit($code: ID!, $asOf: LocalDate) {
  unit(code: $code, asOf: $asOf) {
    code name tier path headcount ratingSummary { year total excellent } plans { title resolutionRef }
    children { code name headcount ratingSummary { year total } plans { title } }
  }
}`;
const shared = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  KEYCLOAK_URL: infrastructure.keycloakUrl,
  KEYCLOAK_REALM: infrastructure.keycloakRealm,
  KEYCLOAK_CLIENT_ID: infrastructure.keycloakClientId,
  GATEWAY_PROOF_SECRET: infrastructure.gatewayProofSecret,
};
const subgraphUrl = (index) => `http://127.0.0.1:${PORT_BASE + 1 + index}/graphql`;

async function startPlatform(tracing) {
  const prefix = `bench-${process.pid}-${Date.now()}.`;
  const started = [];
  for (const [index, name] of SERVICES.entries()) {
    started.push(await startNodeProcess({
      name: `bench-${name}`, folder: `services/${name}`, port: PORT_BASE + 1 + index,
      env: {
        ...shared, ...tracing,
        DATABASE_URL: infrastructure.databaseUrl(`ps_${name}_e2e_test`), KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: prefix, KEYCLOAK_ADMIN_CLIENT_SECRET: infrastructure.keycloakAdminClientSecret,
      },
    }));
  }
  started.push(await startNodeProcess({
    name: 'bench-gateway', folder: 'gateway', port: PORT_BASE,
    env: {
      ...shared, ...tracing, KEYCLOAK_CLIENT_SECRET: infrastructure.keycloakClientSecret, RATE_LIMIT_REQUESTS: '1000000',
      ORGANIZATION_URL: subgraphUrl(0), PERSONNEL_URL: subgraphUrl(1), EVALUATION_URL: subgraphUrl(2), REFORM_URL: subgraphUrl(3),
    },
  }));
  return async () => {
    for (const process of started.reverse()) await process.stop();
  };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function measure(label, tracing) {
  const stop = await startPlatform(tracing);
  try {
    const token = await tokenFor('admin.thanhan');
    const times = [];
    for (let run = 0; run < WARMUP + RUNS; run += 1) {
      const started = performance.now();
      const answer = await graphqlRequest(`http://127.0.0.1:${PORT_BASE}/graphql`, DEMO_QUERY, { token, variables: { code: '25807', asOf: null } });
      const elapsed = performance.now() - started;
      if (answer.errors) throw new Error(`${label}: ${JSON.stringify(answer.errors)}`);
      if (run >= WARMUP) times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    const result = { label, median: percentile(times, 0.5), p95: percentile(times, 0.95) };
    process.stdout.write(`${label.padEnd(14)} median ${result.median.toFixed(1).padStart(6)} ms  p95 ${result.p95.toFixed(1).padStart(6)} ms\n`);
    return result;
  } finally {
    await stop();
  }
}

/** The OTLP receiver in a child process: prints its endpoint, and what it received when its input ends. */
const RECEIVER = `
  const { startTraceReceiver } = require('@ps/testing');
  startTraceReceiver().then((receiver) => {
    console.log(receiver.endpoint);
    process.stdin.resume().on('end', () => {
      const spans = receiver.spans();
      console.log(JSON.stringify({ count: spans.length, gateway: [...new Set(spans.filter((span) => span.service === 'gateway').map((span) => span.name))] }));
      process.exit(0);
    });
  });`;
const receiver = spawn(process.execPath, ['-e', RECEIVER], { stdio: ['pipe', 'pipe', 'inherit'] });
const lines = createInterface({ input: receiver.stdout })[Symbol.asyncIterator]();
const on = { OTEL_EXPORTER_OTLP_ENDPOINT: (await lines.next()).value };
process.stdout.write(`demo query, ${RUNS} runs after ${WARMUP} warm-up per phase, client-side on loopback\n`);
const phases = [];
for (const round of [1, 2]) {
  phases.push(await measure(`A${round} off`, {}));
  phases.push(await measure(`B${round} on`, on));
}
receiver.stdin.end();
const received = JSON.parse((await lines.next()).value);
await once(receiver, 'exit');
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
const off = mean(phases.filter((phase) => phase.label.startsWith('A')).map((phase) => phase.median));
const traced = mean(phases.filter((phase) => phase.label.startsWith('B')).map((phase) => phase.median));
const tracedQueries = 2 * (WARMUP + RUNS);
process.stdout.write(`medians: off ${off.toFixed(1)} ms, on ${traced.toFixed(1)} ms, on/off ${(traced / off).toFixed(3)}\n`);
process.stdout.write(`${received.count} spans received, ${(received.count / tracedQueries).toFixed(1)} per traced query; the gateway's: ${received.gateway.join(', ')}\n`);
