import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { recoveryByKind, runChaos, startChaosPlatform, stopChaosPlatform, summaryLine, type ChaosPlatform, type ChaosReport } from './chaos/chaos-run';
import { FAULT_KINDS } from './chaos/chaos-faults';

/**
 * The platform under faults: CHAOS_FLOWS cross-service flows (approvals, merges, evaluations)
 * through the gateway while the broker, each service (two personnel instances share one consumer
 * group) and the databases' connections are killed at seeded random points (CHAOS_SEED repeats a
 * run). Afterwards nothing recorded may be lost, nothing applied twice, and every flow that
 * crossed services must have reached its end state. CHAOS_RESULTS names a JSON file for the figures.
 */
const FLOWS = Number(process.env.CHAOS_FLOWS ?? 24);
const SEED = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
let platform: ChaosPlatform | undefined;
let report: ChaosReport;

beforeAll(async () => {
  process.stdout.write(`[chaos] seed ${SEED} (CHAOS_SEED=${SEED} repeats this run), ${FLOWS} flows\n`);
  platform = await startChaosPlatform();
  report = await runChaos(platform, { flows: FLOWS, seed: SEED, concurrency: 4, pauseMs: [1000, 4000] });
  process.stdout.write(`${summaryLine(report)}\n`);
  if (report.abandoned.length > 0) process.stdout.write(`[chaos] abandoned before crossing services: ${JSON.stringify(report.abandoned)}\n`);
  if (process.env.CHAOS_RESULTS) {
    mkdirSync(dirname(process.env.CHAOS_RESULTS), { recursive: true });
    writeFileSync(process.env.CHAOS_RESULTS, `${JSON.stringify({ ...report, recovery: recoveryByKind(report), summary: summaryLine(report) }, null, 2)}\n`);
  }
}, 3_600_000);

afterAll(() => stopChaosPlatform(platform), 180_000);

describe(`${FLOWS} cross-service flows under broker, service and database faults`, () => {
  it('struck every kind of fault, at least once while the flows ran', () => {
    for (const kind of FAULT_KINDS) expect(report.faults.filter((fault) => fault.kind === kind).length).toBeGreaterThanOrEqual(1);
    expect(report.faults.filter((fault) => fault.duringLoad).length).toBeGreaterThanOrEqual(1);
    expect(report.connectionsDropped).toBeGreaterThan(0);
  });

  it('recovered from every fault: everything recorded until it was repaired got published and applied', () => {
    expect(report.faults.filter((fault) => fault.stuck)).toEqual([]);
  });

  // A trigger is asked once (unsafe to repeat), so a fault that strikes during it abandons the flow:
  // one clean-clone run abandoned 6 of 24 (triggers met by organization's and evaluation's kills).
  it('took most flows across services: a user call the faults defeated is the only way to stop before', () => {
    expect(report.triggered).toBeGreaterThan(FLOWS / 2);
    for (const kind of ['approval', 'merge', 'evaluation'] as const) expect(report.flows[kind]).toBeGreaterThan(0);
  });

  it('lost no event: every outbox row published, and applied by every consumer that reads it', () => {
    expect(report.lost).toEqual({ unpublished: { organization: 0, personnel: 0, evaluation: 0, reform: 0 }, unapplied: {}, deadLetters: 0, total: 0 });
  });

  it('applied nothing twice', () => {
    expect(report.appliedTwice).toEqual({ effects: 0, inboxRows: 0, total: 0 });
  });

  it('brought every flow that crossed services to its end state', () => {
    expect(report.unreached).toEqual([]);
  });
});
