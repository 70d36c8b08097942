// `pnpm --filter @ps/bench soak`: the platform under SOAK_MS (10 min unless set) of mixed load from
// CONCURRENCY callers — the demo query on each commune of district 720, the district itself, and a
// one-subgraph query — counting every error by its code or message ("socket hang up" included),
// and each process's resident memory idle, under load (its highest sample) and after load
// (AFTER_MS of quiet). Databases and ports as in platform.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphqlRequest, repositoryRoot, tokenFor } from '@ps/testing';
import { median, quantile, round, writeResults } from './lib.mjs';
import { heapUsedMiB, port, rssMiB, startPlatform } from './platform.mjs';

const SOAK_MS = Number(process.env.SOAK_MS ?? 600_000);
const AFTER_MS = Number(process.env.AFTER_MS ?? 60_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
/** Extra environment for every process, `NAME=value,NAME=value` (e.g. MALLOC_ARENA_MAX=2). */
const PLATFORM_ENV = Object.fromEntries((process.env.PLATFORM_ENV ?? '').split(',').filter(Boolean).map((pair) => pair.split('=')));
const DEMO = `query Demo($code: ID!, $asOf: LocalDate) {
  unit(code: $code, asOf: $asOf) {
    code name tier headcount ratingSummary { year total excellent } plans { title resolutionRef }
    children { code name headcount ratingSummary { year total } plans { title } }
  }
}`;
const NAME = 'query Name($code: ID!, $asOf: LocalDate) { unit(code: $code, asOf: $asOf) { code name } }';
/** District 720's last day, with its 12 communes. */
const AS_OF = '2025-06-30';
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const memory = (processes) => Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, rssMiB(pid)]));
const heaps = async (processes) => Object.fromEntries(await Promise.all(Object.keys(processes).map(async (name) => [name, await heapUsedMiB(name)])));

const platform = await startPlatform({ env: PLATFORM_ENV });
try {
  const token = await tokenFor('admin.dautieng');
  const gateway = `http://127.0.0.1:${port.gateway}/graphql`;
  const communes = (await graphqlRequest(gateway, 'query { unit(code: "720", asOf: "2025-06-30") { children { code } } }', { token, gatewayProof: false })).data.unit.children.map(({ code }) => code);
  await pause(10_000);
  const idle = memory(platform.processes);
  const idleHeap = await heaps(platform.processes);
  const peak = { ...idle };
  const errors = {};
  const times = [];
  let answered = 0;
  const sampler = setInterval(() => {
    for (const [name, rss] of Object.entries(memory(platform.processes))) peak[name] = Math.max(peak[name], rss);
  }, 2_000);
  const until = performance.now() + SOAK_MS;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, caller) => {
    for (let call = caller; performance.now() < until; call += 1) {
      const [query, code] = call % 5 === 4 ? [NAME, communes[call % communes.length]] : call % 5 === 3 ? [DEMO, '720'] : [DEMO, communes[call % communes.length]];
      const sent = performance.now();
      const answer = await graphqlRequest(gateway, query, { token, variables: { code, asOf: AS_OF }, gatewayProof: false })
        .catch((error) => ({ status: 0, errors: [{ message: String(error.cause?.code ?? error.message) }] }));
      times.push(performance.now() - sent);
      answered += 1;
      for (const error of answer.errors ?? []) {
        const kind = String(error.extensions?.code ?? error.message);
        errors[kind] = (errors[kind] ?? 0) + 1;
      }
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await pause(AFTER_MS);
  const after = memory(platform.processes);
  const afterHeap = await heaps(platform.processes);
  const logs = join(repositoryRoot(), '.local', 'logs');
  const hangUpsLogged = Object.fromEntries(Object.keys(platform.processes).map((name) => {
    const text = readFileSync(join(logs, `test-bench-${name}.log`), 'utf8');
    return [name, (text.match(/socket hang up|other side closed|ECONNRESET/g) ?? []).length];
  }));
  const result = {
    soakSeconds: round(seconds), concurrency: CONCURRENCY, queries: answered, reqPerS: round(answered / seconds),
    latencyMs: { p50: round(median(times), 2), p99: round(quantile(times, 0.99), 2) },
    platformEnv: PLATFORM_ENV, errors, hangUpsLogged, rssMiB: { idle, underLoadPeak: peak, afterLoad: after }, heapUsedMiB: { idle: idleHeap, afterLoad: afterHeap },
  };
  const errorLines = Object.entries(errors).map(([kind, count]) => `| ${kind} | ${count} |`).join('\n') || '| (none) | 0 |';
  writeResults('soak', result, `
${Object.keys(PLATFORM_ENV).length ? `Every process with ${Object.entries(PLATFORM_ENV).map(([k, v]) => `${k}=${v}`).join(', ')}. ` : ''}${round(seconds / 60, 1)} minutes of mixed load from ${CONCURRENCY} callers through the gateway as admin.dautieng (the demo query on the ${communes.length} communes of 720 and on 720, a one-subgraph query): ${answered} queries, ${result.reqPerS} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms.

| error (code or message) | count |
|---|---|
${errorLines}

Resets logged by the processes ("socket hang up", "other side closed", ECONNRESET): ${Object.entries(hangUpsLogged).map(([name, count]) => `${name} ${count}`).join(', ')}.

| process | RSS idle MiB | peak under load | after ${AFTER_MS / 1000} s quiet | V8 heap used idle → after |
|---|---|---|---|---|
${Object.keys(idle).map((name) => `| ${name} | ${idle[name]} | ${peak[name]} | ${after[name]} | ${idleHeap[name]} → ${afterHeap[name]} |`).join('\n')}

Goals (issue 15): no "socket hang up" in a 10-minute soak; each service < 200 MB RSS idle after load.
`);
} finally {
  await platform.stop();
}
