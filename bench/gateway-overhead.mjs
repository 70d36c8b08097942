// `pnpm --filter @ps/bench gateway-overhead`: what the gateway costs over the subgraph calls it
// makes. Starts the four services and the gateway as separate processes (as the integration tests
// do) on the platform databases an integration run left (ps_<service>_e2e_test), on ports
// PS_E2E_PORT_BASE… (14000 unless set). A second gateway, behind recording proxies, runs each query
// once to learn the exact subgraph requests of its plan and their order; "direct" then sends those
// requests straight to the subgraphs, signed as the gateway signs them, stage after stage, a
// stage's requests in parallel: the critical path of the plan without the gateway.
// Variants, side by side in rounds A B A B: `gateway` and `direct`, for the demo query (district
// 720 and its 12 communes on 30 June 2025, its last day, fields of all four services) and for a one-subgraph query. Then
// throughput of the demo query with CONCURRENCY callers: each on a different commune of 720
// (`mixed`), and all on the district at once (`identical`).
import { graphqlRequest, tokenFor } from '@ps/testing';
import { alternate, median, quantile, round, throughput as callersThroughput, timed, writeResults } from './lib.mjs';
import { DEMO_QUERIES as QUERIES, port, SERVICES, signed, startPlatform, subgraphUrl, viaGateway } from './platform.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 4);
const RUNS = Number(process.env.RUNS ?? 60);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const THROUGHPUT_MS = Number(process.env.THROUGHPUT_MS ?? 5_000);
/** Requests answered per second by CONCURRENCY callers in a loop for THROUGHPUT_MS. */
const throughput = (call) => callersThroughput(call, { callers: CONCURRENCY, ms: THROUGHPUT_MS });
async function direct(stages) {
  for (const stage of stages) {
    await Promise.all(stage.map(async ({ subgraph, body, authorization }) => {
      const answer = await fetch(subgraphUrl(subgraph), { method: 'POST', body, headers: signed(subgraph, body, authorization) });
      const parsed = await answer.json();
      if (!answer.ok || parsed.errors) throw new Error(`direct: ${JSON.stringify(parsed.errors ?? answer.status)}`);
    }));
  }
}

const platform = await startPlatform({ recording: true });
try {
  const token = await tokenFor('admin.dautieng');
  const AS_OF = '2025-06-30'; // the district's last day, with its 12 communes
  const variables = { code: '720', asOf: AS_OF };
  const plans = {
    demo: await platform.recorder.plan(QUERIES.demo, variables, token),
    oneSubgraph: await platform.recorder.plan(QUERIES.oneSubgraph, variables, token),
  };
  for (const name of Object.keys(QUERIES)) await timed(10, () => viaGateway(QUERIES[name], variables, token)); // warm-up
  const latency = {};
  for (const name of Object.keys(QUERIES)) {
    const { samples, ratios } = await alternate(['gateway', 'direct'], ROUNDS, async (variant) =>
      timed(RUNS, () => (variant === 'gateway' ? viaGateway(QUERIES[name], variables, token) : direct(plans[name]))));
    latency[name] = {
      fetches: plans[name].flat().length,
      stages: plans[name].map((stage) => stage.map(({ subgraph }) => SERVICES[subgraph])),
      gateway: { p50Ms: round(median(samples.gateway), 2), p99Ms: round(quantile(samples.gateway, 0.99), 2) },
      direct: { p50Ms: round(median(samples.direct), 2), p99Ms: round(quantile(samples.direct, 0.99), 2) },
      ratioGatewayOverDirectP50: round(median(ratios), 2),
      pairRatios: ratios.map((ratio) => round(ratio, 2)),
    };
  }
  const children = (await graphqlRequest(`http://127.0.0.1:${port.gateway}/graphql`, 'query($code: ID!, $asOf: LocalDate) { unit(code: $code, asOf: $asOf) { children { code } } }', { token, variables, gatewayProof: false })).data.unit.children.map(({ code }) => code);
  const communes = Array.from({ length: CONCURRENCY }, (_, caller) => children[caller % children.length]);
  const communePlans = new Map();
  for (const code of new Set(communes)) communePlans.set(code, await platform.recorder.plan(QUERIES.demo, { code, asOf: AS_OF }, token));
  const mixes = {
    mixed: { gateway: (caller) => viaGateway(QUERIES.demo, { code: communes[caller], asOf: AS_OF }, token), direct: (caller) => direct(communePlans.get(communes[caller])) },
    identical: { gateway: () => viaGateway(QUERIES.demo, variables, token), direct: () => direct(plans.demo) },
  };
  const rate = {};
  for (const [mix, calls] of Object.entries(mixes)) {
    const { samples, ratios } = await alternate(['gateway', 'direct'], ROUNDS, async (variant) => [await throughput(calls[variant])]);
    rate[mix] = { gatewayReqPerS: round(median(samples.gateway)), directReqPerS: round(median(samples.direct)), ratioGatewayOverDirect: round(median(ratios), 2) };
  }
  const row = (name) => `| ${name} | ${latency[name].fetches} in ${latency[name].stages.length} stages | ${latency[name].gateway.p50Ms} | ${latency[name].gateway.p99Ms} | ${latency[name].direct.p50Ms} | ${latency[name].direct.p99Ms} | ×${latency[name].ratioGatewayOverDirectP50} |`;
  writeResults('gateway-overhead', { rounds: ROUNDS, runsPerRound: RUNS, concurrency: CONCURRENCY, latency, throughput: rate }, `
The gateway against the direct critical path of its own plan (the same subgraph requests, stage after stage, a stage in parallel), as admin.dautieng on district 720 as of ${AS_OF}; ${ROUNDS} rounds A B A B of ${RUNS} sequential queries each, client-side on loopback.

| query | subgraph fetches | gateway p50 ms | gateway p99 ms | direct p50 ms | direct p99 ms | gateway / direct p50 |
|---|---|---|---|---|---|---|
${row('demo')}
${row('oneSubgraph')}

Throughput of the demo query, ${CONCURRENCY} concurrent callers, ${THROUGHPUT_MS / 1000} s per round (${new Set(communes).size} different communes in \`mixed\`, the district for all in \`identical\`):

| mix | gateway req/s | direct req/s | gateway / direct |
|---|---|---|---|
${Object.entries(rate).map(([mix, r]) => `| ${mix} | ${r.gatewayReqPerS} | ${r.directReqPerS} | ×${r.ratioGatewayOverDirect} |`).join('\n')}

Demo plan stages: ${latency.demo.stages.map((stage) => `[${stage.join(', ')}]`).join(' → ')}.
Goal (issue 15): gateway p50 ≤ 1.25 × the direct critical path.
`);
} finally {
  await platform.stop();
}
