// The platform as the benchmarks run it: the four services and the gateway as separate processes
// (as the integration tests start them) on the platform databases an integration run left
// (ps_<service>_e2e_test), on ports PS_E2E_PORT_BASE… (14000 unless set); optionally a second
// gateway behind recording proxies, to learn the subgraph requests of a query's plan.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { gatewayProofHeaders } from '@ps/gateway-proof';
import { graphqlRequest, infrastructure, startNodeProcess } from '@ps/testing';

const PORT_BASE = Number(process.env.PS_E2E_PORT_BASE ?? 14000);
export const SERVICES = ['organization', 'personnel', 'evaluation', 'reform'];
const shared = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  KEYCLOAK_URL: infrastructure.keycloakUrl,
  KEYCLOAK_REALM: infrastructure.keycloakRealm,
  KEYCLOAK_CLIENT_ID: infrastructure.keycloakClientId,
  GATEWAY_PROOF_SECRET: infrastructure.gatewayProofSecret,
};
export const port = {
  gateway: PORT_BASE, recordingGateway: PORT_BASE + 9, subgraph: (i) => PORT_BASE + 1 + i, proxy: (i) => PORT_BASE + 5 + i,
  /** Further gateways a bench starts beside the platform's (startGateway). */
  otherGateway: (i) => PORT_BASE + 10 + i,
};
/**
 * The queries the gateway benches time: `demo` (a district and its communes on one day, fields of
 * all four services) and `oneSubgraph` (the same unit's code and name, organization alone).
 */
export const DEMO_QUERIES = {
  demo: `query Demo($code: ID!, $asOf: LocalDate) {
    unit(code: $code, asOf: $asOf) {
      code name tier headcount ratingSummary { year total excellent } plans { title resolutionRef }
      children { code name headcount ratingSummary { year total } plans { title } }
    }
  }`,
  oneSubgraph: `query Name($code: ID!, $asOf: LocalDate) { unit(code: $code, asOf: $asOf) { code name } }`,
};

export const subgraphUrl = (i) => `http://127.0.0.1:${port.subgraph(i)}/graphql`;

const gatewayEnv = (urls, env) => ({
  ...shared, ...env, KEYCLOAK_CLIENT_SECRET: infrastructure.keycloakClientSecret, RATE_LIMIT_REQUESTS: '100000000',
  ORGANIZATION_URL: urls[0], PERSONNEL_URL: urls[1], EVALUATION_URL: urls[2], REFORM_URL: urls[3],
});

/**
 * One more gateway on the platform's subgraphs, on `at`, with the platform gateway's environment
 * and `env`: ours (`gateway/`), or the bench process `script` in `folder`. Stop it before the platform.
 */
export function startGateway({ name, at, env = {}, folder = 'gateway', script }) {
  return startNodeProcess({ name, folder, script, port: at, env: gatewayEnv(SERVICES.map((_, i) => subgraphUrl(i)), env) });
}

/**
 * Starts the four services, `<label>-<service>` on `portOf(i)` and `databaseOf(service)`, on topics
 * of this run's own, every one with `env` besides its own; answers them in SERVICES order.
 */
export async function startServices({ label = 'bench', portOf = port.subgraph, databaseOf = (name) => infrastructure.databaseUrl(`ps_${name}_e2e_test`), env = {} } = {}) {
  const started = [];
  const prefix = `${label}-${process.pid}-${Date.now()}.`;
  for (const [i, name] of SERVICES.entries()) {
    started.push(await startNodeProcess({
      name: `${label}-${name}`, folder: `services/${name}`, port: portOf(i),
      env: {
        ...shared, ...env, DATABASE_URL: databaseOf(name), KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: prefix, KEYCLOAK_ADMIN_CLIENT_SECRET: infrastructure.keycloakAdminClientSecret,
      },
    }));
  }
  return started;
}

/** Starts the platform, every process with `env` besides its own; `recording` adds the recording gateway and its proxies. */
export async function startPlatform({ recording = false, env = {} } = {}) {
  const started = await startServices({ env });
  started.push(await startNodeProcess({ name: 'bench-gateway', folder: 'gateway', port: port.gateway, env: gatewayEnv(SERVICES.map((_, i) => subgraphUrl(i)), env) }));
  const processes = Object.fromEntries(started.map(({ name, pid }) => [name.replace('bench-', ''), pid]));
  const recorder = recording ? await startRecorder() : null;
  if (recorder) {
    started.push(await startNodeProcess({
      name: 'bench-recording-gateway', folder: 'gateway', port: port.recordingGateway,
      env: gatewayEnv(SERVICES.map((_, i) => `http://127.0.0.1:${port.proxy(i)}/graphql`), env),
    }));
  }
  return {
    recorder,
    /** Process id of each service and of the gateway (not the recording one). */
    processes,
    stop: async () => {
      for (const process of started.reverse()) await process.stop();
      await recorder?.close();
    },
  };
}

/** One proxy per subgraph, recording what the gateway sends: which subgraph, the body, when sent and answered. */
async function startRecorder() {
  let calls = [];
  const servers = await Promise.all(SERVICES.map((_, i) => new Promise((resolve) => {
    const server = createServer(async (request, response) => {
      const chunks = [];
      for await (const chunk of request) chunks.push(chunk);
      const body = Buffer.concat(chunks).toString('utf8');
      const call = { subgraph: i, body, authorization: request.headers.authorization, sentAt: performance.now(), doneAt: 0 };
      calls.push(call);
      const answer = await fetch(subgraphUrl(i), { method: 'POST', body, headers: signed(i, body, request.headers.authorization) });
      const text = await answer.text();
      call.doneAt = performance.now();
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(text);
    });
    server.listen(port.proxy(i), '127.0.0.1', () => resolve(server));
  })));
  return {
    /** The subgraph requests of one gateway query, in stages: a request sent after an earlier one was answered waited for it. */
    async plan(query, variables, token) {
      calls = [];
      const answer = await graphqlRequest(`http://127.0.0.1:${port.recordingGateway}/graphql`, query, { token, variables });
      if (answer.errors) throw new Error(`recording: ${JSON.stringify(answer.errors)}`);
      const stages = [];
      for (const call of [...calls].sort((a, b) => a.sentAt - b.sentAt)) {
        const current = stages.at(-1);
        if (current && current.every((earlier) => call.sentAt < earlier.doneAt)) current.push(call);
        else stages.push([call]);
      }
      return stages.map((stage) => stage.map(({ subgraph, body, authorization }) => ({ subgraph, body, authorization })));
    },
    close: () => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))),
  };
}

export function signed(i, body, authorization) {
  const proof = gatewayProofHeaders(infrastructure.gatewayProofSecret, { method: 'POST', path: '/graphql', body });
  return { 'content-type': 'application/json', ...(authorization ? { authorization } : {}), ...proof };
}

/** The data of one operation through the gateway (on port `at`) as `token`'s holder; throws on any error in the answer. */
export async function viaGateway(query, variables, token, at = port.gateway) {
  const answer = await graphqlRequest(`http://127.0.0.1:${at}/graphql`, query, { token, variables, gatewayProof: false });
  if (answer.errors) throw new Error(`gateway: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}


/** Port of each process started by startPlatform, by the names of `processes`. */
export function portOf(name) {
  return name === 'gateway' ? port.gateway : port.subgraph(SERVICES.indexOf(name));
}

/** The V8 heap a process reports on its /metrics (nodejs_heap_size_used_bytes), MiB. */
export async function heapUsedMiB(name) {
  const text = await (await fetch(`http://127.0.0.1:${portOf(name)}/metrics`)).text();
  const line = text.split('\n').find((entry) => entry.startsWith('nodejs_heap_size_used_bytes'));
  return Math.round(Number(line?.split(' ').at(-1) ?? Number.NaN) / 2 ** 20);
}

/** Resident memory of a process, MiB, from /proc. */
export function rssMiB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:'));
  return Math.round(Number(line?.split(/\s+/)[1] ?? 0) / 1024);
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) of one process, ms, from /proc; 0 once it has gone. */
function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * CPU time spent so far, ms, by each of `processes` (name → pid), by the Kafka broker, and by
 * PostgreSQL (all its processes: the server's and every connection's backend).
 */
export function cpuMs(processes) {
  const result = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, processCpuMs(pid)]));
  result.kafka = 0;
  result.postgres = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    let command;
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (command.includes('kafka.Kafka')) result.kafka += processCpuMs(pid);
    else if (command.startsWith('postgres') || /\/postgres\0/.test(command)) result.postgres += processCpuMs(pid);
  }
  return result;
}
