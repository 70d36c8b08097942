// What every benchmark here shares: the machine it ran on, percentiles, A B A B rounds, and the
// results written as JSON and Markdown into results/.
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results');

/** The machine and runtime, as a results file states them. */
export function machine() {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    /** The machine is shared: its load when the results were written says how noisy they are. */
    loadAverage1m: round(loadavg()[0], 2),
    node: process.version,
    platform: `${process.platform}/${process.arch}`,
  };
}

/** The q-quantile (0..1) of numbers, by nearest rank. */
export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export const median = (values) => quantile(values, 0.5);
export const round = (value, digits = 1) => Number(value.toFixed(digits));

/**
 * Runs `rounds` pairs, A then B, each through `measure(variant, round)` (which returns numbers),
 * and gives every variant's samples and the ratio of the pair's medians (A / B) per pair. With more
 * than two variants (A B C… each round), `roundMedians` gives each variant's median per round, for
 * the ratios of any pair; `rotate` starts each round one variant further (A B C, B C A, C A B…), so
 * none is always measured first or last.
 */
export async function alternate(variants, rounds, measure, { rotate = false } = {}) {
  const samples = Object.fromEntries(variants.map((variant) => [variant, []]));
  const roundMedians = Object.fromEntries(variants.map((variant) => [variant, []]));
  const ratios = [];
  for (let round = 0; round < rounds; round += 1) {
    const shift = rotate ? round % variants.length : 0;
    for (const variant of [...variants.slice(shift), ...variants.slice(0, shift)]) {
      const values = await measure(variant, round);
      samples[variant].push(...values);
      roundMedians[variant].push(median(values));
    }
    const medians = variants.map((variant) => roundMedians[variant][round]);
    ratios.push(medians[0] / medians[1]);
    process.stderr.write(`round ${round + 1}/${rounds}: ${variants.map((v, i) => `${v} p50 ${round2(medians[i])}`).join(', ')}\n`);
  }
  return { samples, ratios, roundMedians };
}

const round2 = (value) => round(value, 2);

/** Milliseconds of each of `count` calls, one after another. */
export async function timed(count, call) {
  const times = [];
  for (let run = 0; run < count; run += 1) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  return times;
}

/** Calls answered per second by `callers` concurrent loops of `call(caller)` for `ms`. */
export async function throughput(call, { callers, ms }) {
  const until = performance.now() + ms;
  let done = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: callers }, async (_, caller) => {
    while (performance.now() < until) {
      await call(caller);
      done += 1;
    }
  }));
  return (done * 1000) / (performance.now() - started);
}

/** Writes results/<name>.json and results/<name>.md; the Markdown starts with the machine. */
export function writeResults(name, result, markdownBody) {
  mkdirSync(RESULTS, { recursive: true });
  const stamped = { name, at: new Date().toISOString(), machine: machine(), ...result };
  writeFileSync(join(RESULTS, `${name}.json`), `${JSON.stringify(stamped, null, 2)}\n`);
  const m = stamped.machine;
  const header = `# ${name}\n\nRun ${stamped.at} on ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB, load ${m.loadAverage1m}), Node ${m.node}, ${m.platform}.\n\n`;
  writeFileSync(join(RESULTS, `${name}.md`), `${header}${markdownBody.trim()}\n`);
  process.stdout.write(`${header}${markdownBody.trim()}\n\nwritten to ${join(RESULTS, `${name}.{json,md}`)}\n`);
}
