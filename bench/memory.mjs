// `pnpm --filter @ps/bench memory`: why the gateway's and the services' memory grows under load and
// stays. Every process runs with `--heapsnapshot-signal=SIGUSR2`: on the signal V8 collects all
// garbage and writes a heap snapshot, so the heap a snapshot holds is what is really retained.
// Phases: idle (snapshot), LOAD_MS of mixed load from CONCURRENCY callers (as the soak), AFTER_MS
// of quiet, then RSS and heap read before and after the snapshot's full collection. The two
// snapshots of each process are compared by constructor: what the load left behind, if anything.
// Databases and ports as in platform.mjs. Snapshots are deleted unless KEEP_SNAPSHOTS=1.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { graphqlRequest, repositoryRoot, tokenFor } from '@ps/testing';
import { round, writeResults } from './lib.mjs';
import { heapUsedMiB, port, rssMiB, SERVICES, startPlatform } from './platform.mjs';

const LOAD_MS = Number(process.env.LOAD_MS ?? 180_000);
const AFTER_MS = Number(process.env.AFTER_MS ?? 60_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const DEMO = `query Demo($code: ID!, $asOf: LocalDate) {
  unit(code: $code, asOf: $asOf) {
    code name tier headcount ratingSummary { year total excellent } plans { title resolutionRef }
    children { code name headcount ratingSummary { year total } plans { title } }
  }
}`;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const folderOf = (name) => join(repositoryRoot(), name === 'gateway' ? 'gateway' : join('services', name));

/** Sends SIGUSR2 and waits until the process has written its snapshot; answers the file. */
async function snapshot(name, pid) {
  const folder = folderOf(name);
  const before = new Set(readdirSync(folder));
  process.kill(pid, 'SIGUSR2');
  for (let waited = 0; waited < 120_000; waited += 500) {
    await pause(500);
    const file = readdirSync(folder).find((entry) => entry.endsWith('.heapsnapshot') && !before.has(entry));
    if (!file) continue;
    const path = join(folder, file);
    const size = statSync(path).size;
    await pause(1000);
    if (statSync(path).size === size && size > 0) return path;
  }
  throw new Error(`${name}: no heap snapshot written`);
}

/** Self size per constructor (node type + name) of a snapshot, MiB, and the total. */
function bySelfSize(path) {
  const { snapshot: meta, nodes, strings } = JSON.parse(readFileSync(path, 'utf8'));
  const fields = meta.meta.node_fields;
  const types = meta.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field));
  const sizes = new Map();
  let total = 0;
  for (let index = 0; index < nodes.length; index += fields.length) {
    const type = types[nodes[index + typeAt]];
    const key = type === 'object' || type === 'closure' ? `${type} ${strings[nodes[index + nameAt]]}` : type;
    sizes.set(key, (sizes.get(key) ?? 0) + nodes[index + sizeAt]);
    total += nodes[index + sizeAt];
  }
  return { total, sizes };
}

async function measure(platform, phase) {
  const result = {};
  for (const [name, pid] of Object.entries(platform.processes)) {
    const rss = rssMiB(pid);
    const heap = await heapUsedMiB(name);
    const file = await snapshot(name, pid);
    result[name] = { rss, heap, file, rssAfterFullGc: rssMiB(pid), heapAfterFullGc: await heapUsedMiB(name) };
    process.stderr.write(`${phase} ${name}: RSS ${rss} MiB, heap ${heap} MiB; after a full collection RSS ${result[name].rssAfterFullGc}, heap ${result[name].heapAfterFullGc}\n`);
  }
  return result;
}

const platform = await startPlatform({ env: { NODE_OPTIONS: '--heapsnapshot-signal=SIGUSR2' } });
try {
  const token = await tokenFor('admin.dautieng');
  const gateway = `http://127.0.0.1:${port.gateway}/graphql`;
  const communes = (await graphqlRequest(gateway, 'query { unit(code: "720", asOf: "2025-06-30") { children { code } } }', { token, gatewayProof: false })).data.unit.children.map(({ code }) => code);
  await pause(10_000);
  const idle = await measure(platform, 'idle');
  const until = performance.now() + LOAD_MS;
  let answered = 0;
  let failed = 0;
  let peakRss = Object.fromEntries(Object.entries(platform.processes).map(([name, pid]) => [name, rssMiB(pid)]));
  const sampler = setInterval(() => {
    peakRss = Object.fromEntries(Object.entries(platform.processes).map(([name, pid]) => [name, Math.max(peakRss[name], rssMiB(pid))]));
  }, 2_000);
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, caller) => {
    for (let call = caller; performance.now() < until; call += 1) {
      const code = call % 5 === 3 ? '720' : communes[call % communes.length];
      const answer = await graphqlRequest(gateway, DEMO, { token, variables: { code, asOf: '2025-06-30' }, gatewayProof: false }).catch(() => ({ errors: [1] }));
      answered += 1;
      if (answer.errors) failed += 1;
    }
  }));
  clearInterval(sampler);
  await pause(AFTER_MS);
  const after = await measure(platform, 'after load');
  const processes = {};
  for (const name of Object.keys(platform.processes)) {
    const [a, b] = [bySelfSize(idle[name].file), bySelfSize(after[name].file)];
    const grown = [...b.sizes].map(([key, size]) => [key, size - (a.sizes.get(key) ?? 0)]).sort((x, y) => y[1] - x[1]).slice(0, 8);
    processes[name] = {
      idle: { rss: idle[name].rss, heap: idle[name].heap, retainedMiB: round(a.total / 2 ** 20) },
      peakRss: peakRss[name],
      afterLoad: { rss: after[name].rss, heap: after[name].heap, rssAfterFullGc: after[name].rssAfterFullGc, heapAfterFullGc: after[name].heapAfterFullGc, retainedMiB: round(b.total / 2 ** 20) },
      grownMost: grown.map(([key, size]) => ({ constructor: key, kiB: Math.round(size / 1024) })),
    };
    if (process.env.KEEP_SNAPSHOTS !== '1') for (const file of [idle[name].file, after[name].file]) rmSync(file);
  }
  const result = { loadSeconds: LOAD_MS / 1000, afterSeconds: AFTER_MS / 1000, concurrency: CONCURRENCY, queries: answered, failed, services: SERVICES, processes };
  writeResults('memory', result, `
${LOAD_MS / 1000} s of the demo query from ${CONCURRENCY} callers (${answered} queries, ${failed} failed), then ${AFTER_MS / 1000} s quiet. "Retained" is the heap a snapshot holds after V8's full collection; RSS and heap in MiB.

| process | idle RSS | idle retained | peak RSS | after: RSS | after: heap used | after a full GC: heap | retained | RSS |
|---|---|---|---|---|---|---|---|---|
${Object.entries(processes).map(([name, p]) => `| ${name} | ${p.idle.rss} | ${p.idle.retainedMiB} | ${p.peakRss} | ${p.afterLoad.rss} | ${p.afterLoad.heap} | ${p.afterLoad.heapAfterFullGc} | ${p.afterLoad.retainedMiB} | ${p.afterLoad.rssAfterFullGc} |`).join('\n')}

What grew most between the idle and the after-load snapshot (self size by constructor, KiB):

${Object.entries(processes).map(([name, p]) => `- ${name}: ${p.grownMost.map((entry) => `${entry.constructor} ${entry.kiB}`).join(', ')}`).join('\n')}
`);
} finally {
  await platform.stop();
}
