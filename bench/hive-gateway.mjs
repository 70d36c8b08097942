// `pnpm --filter @ps/bench hive-gateway`: our gateway against Hive Gateway on the same committed
// supergraph, the same four services and the platform databases an integration run left
// (ps_<service>_e2e_test), on ports PS_E2E_PORT_BASE… (14000 unless set). Four gateway processes
// run side by side and are measured in turn, round after round: ours with its sharing of identical
// in-flight subgraph reads (SUBGRAPH_DEDUPLICATION, on by default) and without, and Hive
// (hive/server.mjs, installed in bench/hive/ apart from the workspace on first run: Keycloak tokens checked, `authorization` passed on, every subgraph
// request signed with the gateway proof) with its in-flight deduplication (its default) and without.
// Every gateway must first answer the demo query with the data ours gives. Then, as in
// gateway-overhead.mjs: p50/p99 of the demo query (district 720 on 30 June 2025) and of the
// one-subgraph query, and req/s of the demo query with CONCURRENCY callers on different communes
// (`mixed`) and all on the district (`identical`, where deduplication can share).
import { deepStrictEqual } from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { tokenFor } from '@ps/testing';
import { alternate, median, quantile, round, throughput, timed, writeResults } from './lib.mjs';
import { DEMO_QUERIES as QUERIES, port, startGateway, startPlatform, viaGateway } from './platform.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 8); // two turns of the four variants' rotation
const RUNS = Number(process.env.RUNS ?? 60);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const THROUGHPUT_MS = Number(process.env.THROUGHPUT_MS ?? 5_000);
const AS_OF = '2025-06-30'; // the district's last day, with its 12 communes

/** Hive Gateway lives in bench/hive/ with its own lockfile, out of the workspace: installed here once. */
const HIVE = fileURLToPath(new URL('hive/', import.meta.url));
if (!existsSync(`${HIVE}node_modules/@graphql-hive/gateway/package.json`)) {
  process.stderr.write('installing Hive Gateway into bench/hive (npm ci)…\n');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: HIVE, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, UV_USE_IO_URING: '0' } });
}

const versions = () => {
  const bench = JSON.parse(readFileSync(new URL('hive/package.json', import.meta.url), 'utf8'));
  const gateway = JSON.parse(readFileSync(new URL('../gateway/package.json', import.meta.url), 'utf8'));
  return { apolloGateway: gateway.dependencies['@apollo/gateway'], apolloServer: gateway.dependencies['@apollo/server'], hive: bench.dependencies['@graphql-hive/gateway'] };
};
const { apolloGateway, apolloServer, hive: hiveVersion } = versions();
const VARIANTS = {
  ours: { at: port.gateway, configuration: `ours: @apollo/gateway ${apolloGateway} on @apollo/server ${apolloServer}, SUBGRAPH_DEDUPLICATION=true (default)` },
  oursNoDedup: { at: port.otherGateway(0), env: { SUBGRAPH_DEDUPLICATION: 'false' }, configuration: 'ours, SUBGRAPH_DEDUPLICATION=false' },
  hive: { at: port.otherGateway(1), script: 'hive/server.mjs', env: { HIVE_DEDUPLICATION: 'true' }, configuration: `@graphql-hive/gateway ${hiveVersion}, createGatewayRuntime on node:http, deduplicateInflightRequests=true (its default; inboundInflightRequestDeduplication off, its default), useJWT (realm JWKS), usePropagateHeaders(authorization), gateway proof in onFetch` },
  hiveNoDedup: { at: port.otherGateway(2), script: 'hive/server.mjs', env: { HIVE_DEDUPLICATION: 'false' }, configuration: 'Hive as above, deduplicateInflightRequests=false' },
};
const NAMES = Object.keys(VARIANTS);
/** Each pair's ratio (first / second) is the median over rounds of the ratio of its round medians. */
const PAIRS = [['ours', 'hive'], ['ours', 'hiveNoDedup'], ['oursNoDedup', 'hiveNoDedup'], ['ours', 'oursNoDedup'], ['hive', 'hiveNoDedup']];
const pairRatios = (roundMedians) => Object.fromEntries(PAIRS.map(([a, b]) => [`${a}/${b}`, round(median(roundMedians[a].map((value, i) => value / roundMedians[b][i])), 2)]));
const load = () => round(loadavg()[0], 2);

const platform = await startPlatform();
const others = [];
try {
  for (const [name, { at, env, script }] of Object.entries(VARIANTS)) {
    if (at !== port.gateway) others.push(await startGateway({ name: `bench-${name}`, at, env, ...(script ? { folder: 'bench', script } : {}) }));
  }
  const token = await tokenFor('admin.dautieng');
  const variables = { code: '720', asOf: AS_OF };
  const call = (name, query, vars = variables) => viaGateway(query, vars, token, VARIANTS[name].at);
  const reference = await call('ours', QUERIES.demo);
  for (const name of NAMES) deepStrictEqual(await call(name, QUERIES.demo), reference, `${name} answers the demo query otherwise than ours`);
  for (const name of NAMES) for (const query of Object.values(QUERIES)) await timed(10, () => call(name, query)); // warm-up

  const latency = {};
  for (const [queryName, query] of Object.entries(QUERIES)) {
    const { samples, roundMedians } = await alternate(NAMES, ROUNDS, (name) => timed(RUNS, () => call(name, query)), { rotate: true });
    latency[queryName] = {
      ...Object.fromEntries(NAMES.map((name) => [name, { p50Ms: round(median(samples[name]), 2), p99Ms: round(quantile(samples[name], 0.99), 2) }])),
      p50Ratios: pairRatios(roundMedians),
      loadAverage1m: load(),
    };
  }
  const communes = reference.unit.children.map(({ code }) => code);
  const callerCommune = (caller) => communes[caller % communes.length];
  const mixes = { mixed: (name) => (caller) => call(name, QUERIES.demo, { code: callerCommune(caller), asOf: AS_OF }), identical: (name) => () => call(name, QUERIES.demo) };
  const rate = {};
  for (const [mix, calls] of Object.entries(mixes)) {
    const { samples, roundMedians } = await alternate(NAMES, ROUNDS, async (name) => [await throughput(calls(name), { callers: CONCURRENCY, ms: THROUGHPUT_MS })], { rotate: true });
    rate[mix] = { ...Object.fromEntries(NAMES.map((name) => [name, round(median(samples[name]))])), ratios: pairRatios(roundMedians), loadAverage1m: load() };
  }
  writeResults('hive-gateway', { rounds: ROUNDS, runsPerRound: RUNS, concurrency: CONCURRENCY, throughputMs: THROUGHPUT_MS, variants: Object.fromEntries(NAMES.map((name) => [name, VARIANTS[name].configuration])), sameDemoData: true, latency, throughput: rate }, report(latency, rate, communes.length));
} finally {
  for (const other of others.reverse()) await other.stop();
  await platform.stop();
}

function report(latency, rate, communeCount) {
  const latencyRow = (queryName) => `| ${queryName} | ${NAMES.map((name) => `${latency[queryName][name].p50Ms} / ${latency[queryName][name].p99Ms}`).join(' | ')} | ${latency[queryName].loadAverage1m} |`;
  const ratioRow = (label, ratios) => `| ${label} | ${PAIRS.map(([a, b]) => `×${ratios[`${a}/${b}`]}`).join(' | ')} |`;
  return `
Our gateway and Hive Gateway on the same supergraph and subgraphs, as admin.dautieng on district 720 as of ${AS_OF}; every variant answered the demo query with the same data as ours (deep-equal) before timing. ${ROUNDS} rounds, the four variants in turn each round, each round starting one variant further, ${RUNS} sequential queries per variant and round; client-side on loopback, all processes on the same machine.

Variants:
${NAMES.map((name) => `- \`${name}\`: ${VARIANTS[name].configuration}`).join('\n')}

Latency, p50 / p99 ms:

| query | ${NAMES.join(' | ')} | load 1m |
|---|${NAMES.map(() => '---|').join('')}---|
${Object.keys(QUERIES).map(latencyRow).join('\n')}

Throughput of the demo query, ${CONCURRENCY} concurrent callers, ${THROUGHPUT_MS / 1000} s per variant and round (${communeCount} communes in \`mixed\`, the district for all in \`identical\`), req/s:

| mix | ${NAMES.join(' | ')} | load 1m |
|---|${NAMES.map(() => '---|').join('')}---|
${Object.entries(rate).map(([mix, r]) => `| ${mix} | ${NAMES.map((name) => r[name]).join(' | ')} | ${r.loadAverage1m} |`).join('\n')}

Ratios per pair (median over rounds of the ratio of the pair's round medians; latency below 1 and req/s above 1 favour the first):

| measure | ${PAIRS.map(([a, b]) => `${a} / ${b}`).join(' | ')} |
|---|${PAIRS.map(() => '---|').join('')}
${ratioRow('demo p50', latency.demo.p50Ratios)}
${ratioRow('oneSubgraph p50', latency.oneSubgraph.p50Ratios)}
${ratioRow('mixed req/s', rate.mixed.ratios)}
${ratioRow('identical req/s', rate.identical.ratios)}
`;
}
