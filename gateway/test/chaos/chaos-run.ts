import { InvariantViolation } from '@ps/errors';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { EventBus } from '@ps/events';
import { repositoryRoot, runInfraScript } from '@ps/testing';
import pino from 'pino';
import { everyServiceProjectedTheTerritory, SERVICES, startPlatform, startPlatformService, stopPlatform, TOPIC_PREFIX, type PlatformOptions } from '../platform';
import { effectsOf, prepareFlows, runFlow, type Flow, type FlowKind } from './chaos-flows';
import { CHAOS_BROKER, FAULT_KINDS, seededRandom, strike, type FaultKind, type FaultRecord, type Member } from './chaos-faults';
import { awaitDelivered, consumerLags, deadLetters, duplicateInboxRows, total, unapplied, unpublished } from './chaos-pipeline';

/**
 * The chaos run: the platform on a private broker (topics of three partitions) with two
 * personnel instances in the same consumer groups, a load of cross-service flows through the
 * gateway, faults at seeded random points while it runs, then recovery and reconciliation.
 */
export interface ChaosSettings {
  flows: number;
  seed: number;
  /** Flows in flight at once. */
  concurrency: number;
  /** The pause between one fault's recovery and the next fault, drawn between these (ms). */
  pauseMs: [number, number];
}

export interface ChaosPlatform {
  members: Member[];
  gateway: Member['process'];
  options: PlatformOptions;
  bus: EventBus;
}

/** One fault with the time the platform took to deliver everything recorded until it was restored. */
export interface RecoveredFault extends FaultRecord {
  duringLoad: boolean;
  recoveryMs: number;
  /** What was still undelivered when the wait gave up (a consumer stuck, an outbox not draining). */
  stuck?: string;
}

export interface ChaosReport {
  seed: number;
  flows: Record<FlowKind, number>;
  triggered: number;
  abandoned: Array<{ index: number; kind: FlowKind; reason: string }>;
  faults: RecoveredFault[];
  connectionsDropped: number;
  lost: { unpublished: Record<string, number>; unapplied: Record<string, number>; deadLetters: number; total: number };
  appliedTwice: { effects: number; inboxRows: number; total: number };
  unreached: Array<{ index: number; kind: FlowKind; what: string }>;
  loadMs: number;
  finalDrainMs: number;
}

const SECOND_PERSONNEL = { name: 'personnel-2', port: (SERVICES.at(-1)?.port ?? 0) + 1 };
const KINDS: readonly FlowKind[] = ['approval', 'merge', 'evaluation'];

/** The private broker afresh (its old log directory removed), the platform on it, and a second personnel. */
export async function startChaosPlatform(): Promise<ChaosPlatform> {
  runInfraScript('kafka.sh', ['stop'], CHAOS_BROKER);
  rmSync(join(process.env.PS_LOCAL_DIR ?? join(repositoryRoot(), '.local'), CHAOS_BROKER.KAFKA_NAME), { recursive: true, force: true });
  runInfraScript('kafka.sh', ['start'], CHAOS_BROKER);
  const options: PlatformOptions = {
    kafkaBrokers: [`127.0.0.1:${CHAOS_BROKER.KAFKA_PORT}`],
    // The load is a few users calling fast; the per-user limit is not what this run measures.
    gatewayEnv: { RATE_LIMIT_REQUESTS: '1000000' },
  };
  const started = await startPlatform(options);
  const gateway = started.find((process) => process.name === 'gateway') as Member['process'];
  const members: Member[] = started.filter((process) => process !== gateway).map((process) => ({ process, service: process.name as Member['service'] }));
  await everyServiceProjectedTheTerritory(['personnel', 'evaluation', 'reform'], 600_000);
  // Joins once the territory is projected (a rebalance then costs seconds, not minutes of redelivery).
  members.push({ process: await startPlatformService('personnel', options, SECOND_PERSONNEL), service: 'personnel', instance: SECOND_PERSONNEL });
  await prepareFlows();
  const bus = new EventBus({ brokers: options.kafkaBrokers as string[], clientId: 'chaos-check', logger: pino({ level: 'silent' }), prefix: TOPIC_PREFIX });
  return { members, gateway, options, bus };
}

export async function stopChaosPlatform(platform: ChaosPlatform | undefined): Promise<void> {
  try {
    if (platform) {
      await platform.bus.disconnect();
      await stopPlatform([...platform.members.map((member) => member.process), platform.gateway]);
    }
  } finally {
    runInfraScript('kafka.sh', ['stop'], CHAOS_BROKER);
  }
}

/** The flows in a seeded order, each kind a third of them. */
function plannedFlows(settings: ChaosSettings, random: () => number): Flow[] {
  const kinds = Array.from({ length: settings.flows }, (_, index) => KINDS[index % KINDS.length]);
  for (let index = kinds.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [kinds[index], kinds[other]] = [kinds[other], kinds[index]];
  }
  return kinds.map((kind, index) => ({ index: index + 1, kind, ids: {}, triggered: false }));
}

/** Runs the flows `concurrency` at a time; resolves when every one has reached its trigger or been abandoned. */
async function load(flows: Flow[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < flows.length) await runFlow(flows[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * Strikes faults one after another while the load runs (every kind at least once, in a seeded
 * order, then seeded picks), each after a seeded pause once the previous one's damage was
 * restored; beside the load, each fault's recovery is timed: until everything recorded before
 * the platform was whole again had been published and applied.
 */
async function faults(platform: ChaosPlatform, settings: ChaosSettings, random: () => number, since: Date, loading: () => boolean): Promise<RecoveredFault[]> {
  const owed = [...FAULT_KINDS].sort(() => random() - 0.5);
  const recoveries: Array<Promise<RecoveredFault>> = [];
  const pause = () => new Promise((resolve) => setTimeout(resolve, settings.pauseMs[0] + random() * (settings.pauseMs[1] - settings.pauseMs[0])));
  await pause();
  while (owed.length > 0 || loading()) {
    const kind: FaultKind = owed.shift() ?? FAULT_KINDS[Math.floor(random() * FAULT_KINDS.length)];
    const duringLoad = loading();
    const record = await strike(kind, platform.members, platform.options, random);
    recoveries.push(awaitDelivered({ since, before: new Date(record.restoredAt) }, 600_000).then((deliveredAt) => {
      process.stdout.write(`[chaos] ${record.target} struck${duringLoad ? '' : ' after the load'}; restored in ${record.restoredAt - record.at} ms; delivered in ${deliveredAt - record.at} ms\n`);
      return { ...record, duringLoad, recoveryMs: deliveredAt - record.at };
    }, (error: unknown) => ({ ...record, duringLoad, recoveryMs: Number.NaN, stuck: error instanceof Error ? error.message : String(error) })));
    await pause();
  }
  return Promise.all(recoveries);
}

/** Waits until every consumer group has committed every message (lag 0 everywhere). */
async function lagsCleared(bus: EventBus, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lags: Record<string, number> = {};
  while (Date.now() < deadline) {
    lags = await consumerLags(bus).catch(() => ({ unknown: 1 }));
    if (total(lags) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new InvariantViolation(`consumer lag not 0 within ${timeoutMs} ms: ${JSON.stringify(lags)}`);
}

/** Every triggered flow's effects, counted: what is missing and what happened more than once. */
async function reconcile(flows: Flow[]): Promise<{ unreached: ChaosReport['unreached']; twice: number }> {
  const unreached: ChaosReport['unreached'] = [];
  let twice = 0;
  for (const flow of flows.filter((candidate) => candidate.triggered)) {
    for (const effect of await effectsOf(flow)) {
      if (!effect.reached) unreached.push({ index: flow.index, kind: flow.kind, what: effect.what });
      twice += effect.extra;
    }
  }
  return { unreached, twice };
}

export async function runChaos(platform: ChaosPlatform, settings: ChaosSettings): Promise<ChaosReport> {
  const random = seededRandom(settings.seed);
  const flows = plannedFlows(settings, random);
  const since = new Date();
  let loading = true;
  const started = Date.now();
  const loaded = load(flows, settings.concurrency).finally(() => (loading = false));
  const struck = await faults(platform, settings, random, since, () => loading);
  await loaded;
  const loadMs = Date.now() - started;
  const drained = Date.now();
  await awaitDelivered({ before: new Date() }, 600_000).catch(() => undefined);
  await lagsCleared(platform.bus, 300_000);
  const finalDrainMs = Date.now() - drained;
  const lost = { unpublished: await unpublished(), unapplied: await unapplied(), deadLetters: await deadLetters(platform.bus) };
  const { unreached, twice } = await reconcile(flows);
  const inboxRows = await duplicateInboxRows();
  return {
    seed: settings.seed,
    flows: Object.fromEntries(KINDS.map((kind) => [kind, flows.filter((flow) => flow.kind === kind).length])) as Record<FlowKind, number>,
    triggered: flows.filter((flow) => flow.triggered).length,
    abandoned: flows.filter((flow) => flow.abandoned).map((flow) => ({ index: flow.index, kind: flow.kind, reason: flow.abandoned as string })),
    faults: struck,
    connectionsDropped: struck.reduce((sum, fault) => sum + fault.dropped, 0),
    lost: { ...lost, total: total(lost.unpublished) + total(lost.unapplied) + lost.deadLetters },
    appliedTwice: { effects: twice, inboxRows, total: twice + inboxRows },
    unreached,
    loadMs,
    finalDrainMs,
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** Recovery per kind of fault: how many struck, p50 and max of the time until everything was delivered. */
export function recoveryByKind(report: ChaosReport): Record<string, { count: number; p50Ms: number; maxMs: number }> {
  return Object.fromEntries(FAULT_KINDS.map((kind) => {
    const times = report.faults.filter((fault) => fault.kind === kind && !fault.stuck).map((fault) => fault.recoveryMs);
    return [kind, { count: times.length, p50Ms: times.length ? percentile(times, 50) : 0, maxMs: times.length ? Math.max(...times) : 0 }];
  }));
}

/** The run in one line, for the test's output and the benchmark's results. */
export function summaryLine(report: ChaosReport): string {
  const total = report.flows.approval + report.flows.merge + report.flows.evaluation;
  const recovery = recoveryByKind(report);
  const kills = FAULT_KINDS.filter((kind) => kind !== 'connections').map((kind) => `${kind} ${recovery[kind].count}`).join(', ');
  const times = FAULT_KINDS.map((kind) => `${kind} p50 ${recovery[kind].p50Ms} ms (max ${recovery[kind].maxMs})`).join('; ');
  return `[chaos] seed ${report.seed}: ${total} flows (${report.flows.approval} approvals, ${report.flows.merge} merges, ${report.flows.evaluation} evaluations; ${report.triggered} triggered, ${report.abandoned.length} abandoned); `
    + `kills: ${kills}; connections dropped ${report.connectionsDropped} in ${recovery.connections.count} drops; lost ${report.lost.total}; applied twice ${report.appliedTwice.total}; `
    + `unreached ${report.unreached.length}; recovery after ${times}; load ${report.loadMs} ms, final drain ${report.finalDrainMs} ms`;
}
