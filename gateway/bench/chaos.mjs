// `pnpm --filter @ps/gateway bench:chaos`: the chaos run at a large size (CHAOS_FLOWS, 150 unless
// set; CHAOS_SEED repeats a run) — the same spec `npm test` runs at its CI size — with its
// figures kept as JSON and Markdown under bench/results/ (chaos-<flows>-<date>.json and .md).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const gateway = join(dirname(fileURLToPath(import.meta.url)), '..');
const flows = Number(process.env.CHAOS_FLOWS ?? 150);
const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
const base = join(gateway, 'bench', 'results', `chaos-${flows}-${stamp}`);

const loadBefore = loadavg()[0];
const run = spawnSync('npx', ['jest', '-c', 'jest.int.config.js', 'test/chaos.int-spec.ts'], {
  cwd: gateway,
  stdio: 'inherit',
  env: { ...process.env, CHAOS_FLOWS: String(flows), CHAOS_RESULTS: `${base}.json` },
});

let report;
try {
  report = JSON.parse(readFileSync(`${base}.json`, 'utf8'));
} catch {
  console.error('the chaos run wrote no results');
  process.exit(run.status || 1);
}

const kinds = Object.entries(report.recovery);
const markdown = [
  `# Chaos run: ${flows} flows, seed ${report.seed} (${new Date().toISOString().slice(0, 10)})`,
  '',
  `${report.flows.approval} approvals, ${report.flows.merge} merges, ${report.flows.evaluation} evaluations; ${report.triggered} crossed services, ${report.abandoned.length} abandoned before (a user call the faults defeated).`,
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${loadBefore.toFixed(1)} before the run, ${loadavg()[0].toFixed(1)} after (every time below is inflated by it).`,
  `Load ${Math.round(report.loadMs / 1000)} s, final drain ${Math.round(report.finalDrainMs / 1000)} s. Spec ${run.status === 0 ? 'passed' : 'FAILED'}.`,
  '',
  '| fault | struck | recovery p50 (ms) | recovery max (ms) |',
  '|---|---:|---:|---:|',
  ...kinds.map(([kind, figures]) => `| ${kind} | ${figures.count} | ${figures.p50Ms} | ${figures.maxMs} |`),
  '',
  `Connections dropped: ${report.connectionsDropped}. Events lost: ${report.lost.total}. Effects applied twice: ${report.appliedTwice.total}. Flows short of their end state: ${report.unreached.length}.`,
  '',
  'Recovery: from the fault until every event recorded before the platform was whole again was published and applied by every consumer that reads it.',
  '',
].join('\n');
writeFileSync(`${base}.md`, markdown);
console.log(markdown);
process.exit(run.status ?? 1);
