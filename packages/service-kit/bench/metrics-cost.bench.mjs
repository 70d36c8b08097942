// What the request metrics cost: one subgraph server with them, one without, asked the same
// query in turns (A B A B …); prints each turn's median latency and the process's CPU time per
// request (client included, the same for both), and the ratios of their medians.
// Run after `pnpm build`: node bench/metrics-cost.bench.mjs [rounds] [requests per round]
import { buildSubgraphSchema } from '@apollo/subgraph';
import { gatewayProofHeaders } from '@ps/gateway-proof';
import gql from 'graphql-tag';
import pino from 'pino';
import { createServiceMetrics, createSubgraphServer, graphqlMetricsPlugin, listen } from '../dist/index.js';

const rounds = Number(process.argv[2] ?? 6);
const perRound = Number(process.argv[3] ?? 1000);
const secret = 'a-bench-secret-of-at-least-32-characters!';
const schema = buildSubgraphSchema({
  typeDefs: gql`type Unit { code: ID!, name: String! } type Query { units: [Unit!]! }`,
  resolvers: { Query: { units: () => Array.from({ length: 20 }, (_, i) => ({ code: String(i), name: `Xã ${i}` })) } },
});

async function start(withMetrics) {
  const { app } = await createSubgraphServer({
    schema,
    logger: pino({ level: 'silent' }),
    context: async () => ({}),
    gatewayProofSecret: secret,
    ...(withMetrics ? { metrics: createServiceMetrics('bench') } : {}),
  });
  const server = await listen(app, 0, { host: '127.0.0.1' });
  return { server, url: `http://127.0.0.1:${server.address().port}/graphql` };
}

const body = JSON.stringify({ query: '{ units { code name } }' });
async function round(url) {
  const times = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < perRound; i += 1) {
    const started = performance.now();
    const headers = { 'content-type': 'application/json', ...gatewayProofHeaders(secret, { method: 'POST', path: '/graphql', body }) };
    const response = await fetch(url, { method: 'POST', headers, body });
    await response.text();
    times.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  return { latency: median(times), cpuMicros: (used.user + used.system) / perRound };
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const without = await start(false);
const withMetrics = await start(true);
await round(without.url); // warm-up, both
await round(withMetrics.url);
const a = [];
const b = [];
for (let i = 0; i < rounds; i += 1) {
  a.push(await round(without.url));
  b.push(await round(withMetrics.url));
}
const report = (name, key, unit, digits) => {
  const [x, y] = [a.map((r) => r[key]), b.map((r) => r[key])];
  console.log(`${name} without metrics: ${x.map((v) => v.toFixed(digits)).join(' ')} ${unit}`);
  console.log(`${name} with metrics:    ${y.map((v) => v.toFixed(digits)).join(' ')} ${unit}`);
  console.log(`${name}: median ${median(x).toFixed(digits)} → ${median(y).toFixed(digits)} ${unit}, ratio ${(median(y) / median(x)).toFixed(3)}`);
};
report('latency (median of each turn)', 'latency', 'ms', 3);
report('CPU per request', 'cpuMicros', 'µs', 0);
without.server.close();
withMetrics.server.close();

// The plugin's own work per request, alone: its hooks and the counters they move.
const plugin = graphqlMetricsPlugin(createServiceMetrics('bench-alone'));
const answers = [
  { body: { kind: 'single', singleResult: { data: {} } } },
  { body: { kind: 'single', singleResult: { errors: [{ message: 'x', extensions: { code: 'NOT_FOUND' } }] } } },
];
const calls = 200_000;
const started = performance.now();
for (let i = 0; i < calls; i += 1) {
  const hooks = await plugin.requestDidStart();
  await hooks.willSendResponse({ response: answers[i % 2] });
}
console.log(`plugin alone: ${(((performance.now() - started) * 1000) / calls).toFixed(2)} µs per request`);
