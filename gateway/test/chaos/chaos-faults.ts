import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { queryDatabase, runInfraScript, type StartedProcess } from '@ps/testing';
import { databaseOf, startPlatformService, type PlatformOptions, type ServiceInstance, type ServiceName } from '../platform';

/** The faults a provincial data centre has: the broker's JVM killed, a service's process killed, the database dropping connections. */
export type FaultKind = 'broker' | 'organization' | 'personnel' | 'evaluation' | 'reform' | 'connections';
export const FAULT_KINDS: readonly FaultKind[] = ['broker', 'organization', 'personnel', 'evaluation', 'reform', 'connections'];

/** A small seeded generator (mulberry32): the same seed gives the same faults at the same points. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The private broker the run kills; the shared one is never touched. */
export const CHAOS_BROKER = { KAFKA_NAME: 'kafka-chaos', KAFKA_PORT: '19292', KAFKA_CONTROLLER_PORT: '19293' };

/** A running platform process the faults may kill, and how to bring it back on the same state. */
export interface Member {
  process: StartedProcess;
  service: ServiceName;
  instance?: ServiceInstance;
}

/** What one fault did: when it struck and when what it broke was back. */
export interface FaultRecord {
  kind: FaultKind;
  /** The instance killed, or how many connections were dropped. */
  target: string;
  at: number;
  restoredAt: number;
  dropped: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts of a killed broker or service before the run gives up: a loaded machine may need more than one try. */
const RESTART_ATTEMPTS = 3;

/** SIGKILL of the broker's JVM (its pid file under PS_LOCAL_DIR), then a start on the same log directory. */
async function killBroker(random: () => number): Promise<void> {
  const local = process.env.PS_LOCAL_DIR ?? join(__dirname, '..', '..', '..', '.local');
  const pid = Number(readFileSync(join(local, 'pids', `${CHAOS_BROKER.KAFKA_NAME}.pid`), 'utf8').trim());
  process.kill(pid, 'SIGKILL');
  // kafka.sh start takes a live pid for a broker still starting: wait until the killed JVM is gone.
  while (isAlive(pid)) await sleep(200);
  await sleep(1000 + random() * 3000);
  for (let attempt = 1; ; attempt += 1) {
    try {
      runInfraScript('kafka.sh', ['start'], CHAOS_BROKER);
      return;
    } catch (error) {
      if (attempt >= RESTART_ATTEMPTS) throw error;
      runInfraScript('kafka.sh', ['stop'], CHAOS_BROKER);
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGKILL of one instance of the service (a random one where there are several), then its restart, tried again as an orchestrator would. */
async function killService(members: Member[], service: ServiceName, options: PlatformOptions, random: () => number): Promise<string> {
  const candidates = members.filter((member) => member.service === service);
  const victim = candidates[Math.floor(random() * candidates.length)];
  await victim.process.kill('SIGKILL');
  await sleep(500 + random() * 2500);
  for (let attempt = 1; ; attempt += 1) {
    try {
      victim.process = await startPlatformService(service, options, victim.instance);
      return victim.process.name;
    } catch (error) {
      if (attempt >= RESTART_ATTEMPTS) throw error;
      process.stdout.write(`[chaos] ${victim.instance?.name ?? service} not ready after its restart (attempt ${attempt}): ${String(error)}\n`);
    }
  }
}

/** Terminates every backend the four services hold (their pools must reconnect); answers how many. */
export async function dropConnections(): Promise<number> {
  const databases = (['organization', 'personnel', 'evaluation', 'reform'] as const).map((service) => new URL(databaseOf(service)).pathname.slice(1));
  const [{ n }] = await queryDatabase<{ n: number }>(databaseOf('organization'),
    `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n
       FROM pg_stat_activity
      WHERE datname = ANY($1) AND application_name = ANY($2) AND pid <> pg_backend_pid()`,
    [databases, ['organization', 'personnel', 'evaluation', 'reform']]);
  return n;
}

/** Strikes one fault of `kind` and brings back what it broke. */
export async function strike(kind: FaultKind, members: Member[], options: PlatformOptions, random: () => number): Promise<FaultRecord> {
  const at = Date.now();
  let target: string = kind;
  let dropped = 0;
  if (kind === 'broker') await killBroker(random);
  else if (kind === 'connections') dropped = await dropConnections();
  else target = await killService(members, kind, options, random);
  return { kind, target, at, restoredAt: Date.now(), dropped };
}
