// Shared by start.mjs and test.mjs: the package manager, commands, the platform's processes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const LOCAL = join(ROOT, '.local');
export const LOGS = join(LOCAL, 'logs');
const PIDS = join(LOCAL, 'pids');
const PNPM_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager.split('@')[1];

export function say(message) {
  process.stdout.write(`\x1b[36m[platform]\x1b[0m ${message}\n`);
}

/** The Node the project runs on (`.node-version`): CI, the images, and `npm test` / `npm start` by default. */
export const PROJECT_NODE = readFileSync(join(ROOT, '.node-version'), 'utf8').trim();

/**
 * Runs this script again on the project's Node, fetched into .local by infra/local/node.sh, with its
 * folder first on PATH (so pnpm, npx, turbo, jest and the services run on it too), unless it already
 * runs there or PS_NODE=system asks for the Node on PATH (at least the `engines` version).
 */
export function useProjectNode() {
  // Every process npm test and npm start run (pnpm above all) does its file I/O on libuv's thread pool:
  // its io_uring path can lose a completion on some kernels, and pnpm then waits forever with every
  // thread idle (a `pnpm deploy` of the image replay, on Node 24).
  process.env.UV_USE_IO_URING ??= '0';
  const choice = process.env.PS_NODE ?? 'project';
  if (!['project', 'system'].includes(choice)) {
    say(`PS_NODE=${choice}: expected "system" (the Node on PATH) or unset (Node ${PROJECT_NODE})`);
    process.exit(2);
  }
  if (choice === 'system' || process.version === `v${PROJECT_NODE}`) return;
  const ensure = spawnSync('bash', [join(ROOT, 'infra/local/node.sh'), 'ensure'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (ensure.status !== 0) {
    say(`could not fetch Node ${PROJECT_NODE}; PS_NODE=system runs on the Node on PATH (${process.version})`);
    process.exit(1);
  }
  const bin = ensure.stdout.trim();
  say(`running on Node ${PROJECT_NODE} (${bin}) instead of ${process.version}; PS_NODE=system keeps the Node on PATH`);
  const again = spawnSync(join(bin, 'node'), process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
  });
  process.exit(again.status ?? 1);
}

/** What the scripts run on, for their logs: `node v24.22.3, pnpm 10.34.8`. */
export function runtimeSummary() {
  const [command, ...prefix] = pnpmCommand();
  const version = spawnSync(command, [...prefix, '--version'], { encoding: 'utf8' }).stdout?.trim();
  return `node ${process.version} (${process.execPath}), pnpm ${version || '?'}`;
}

/** pnpm of the pinned major: the one on PATH when it matches, otherwise fetched with npx. */
export function pnpmCommand() {
  const found = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim().split('.')[0] === PNPM_VERSION.split('.')[0]) return ['pnpm'];
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

/** Runs a command in the repository root, inheriting output; exits on failure. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
  if (result.status !== 0) {
    say(`failed: ${command} ${args.join(' ')} (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

export function pnpm(args, options) {
  const [command, ...prefix] = pnpmCommand();
  run(command, [...prefix, ...args], options);
}

/** Database URL of one service on the local server (DATABASE_URL names the server). */
export function databaseUrl(database) {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

/** The platform's processes in start order, each with the environment it runs with. */
export const PROCESSES = [
  { name: 'organization', dir: 'services/organization', port: 4001 },
  { name: 'personnel', dir: 'services/personnel', port: 4002 },
  { name: 'evaluation', dir: 'services/evaluation', port: 4003 },
  { name: 'reform', dir: 'services/reform', port: 4004 },
  { name: 'gateway', dir: 'gateway', port: 4000 },
  { name: 'console', dir: 'apps/console', port: 5173, script: 'serve.mjs' },
];

/** `.env.example` of a process folder as an object (the documented local defaults). */
export function exampleEnv(dir) {
  const env = {};
  for (const line of readFileSync(join(ROOT, dir, '.env.example'), 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) env[match[1]] = match[2];
  }
  return env;
}

export function processEnv({ name, dir }) {
  const env = { ...exampleEnv(dir) };
  if (dir.startsWith('services/')) env.DATABASE_URL = databaseUrl(`ps_${name}`);
  return env;
}

function pidFile(name) {
  return join(PIDS, `${name}.pid`);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops a process started by startProcess (SIGTERM, then SIGKILL after 15 s). */
export async function stopProcess(name) {
  const file = pidFile(name);
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, 'utf8'));
  if (alive(pid)) {
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 150 && alive(pid); i += 1) await sleep(100);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(file, { force: true });
}

/**
 * Starts `node dist/main.js` of a process folder in the background, logging to .local/logs;
 * `overrides` win over `.env.example` (e.g. local-only switches).
 */
export function startProcess(definition, overrides = {}) {
  mkdirSync(LOGS, { recursive: true });
  mkdirSync(PIDS, { recursive: true });
  const log = openSync(join(LOGS, `${definition.name}.log`), 'a');
  const child = spawn(process.execPath, [definition.script ?? 'dist/main.js'], {
    cwd: join(ROOT, definition.dir),
    env: { ...process.env, ...processEnv(definition), ...overrides },
    stdio: ['ignore', log, log],
    detached: true,
  });
  child.unref();
  writeFileSync(pidFile(definition.name), String(child.pid));
  return child.pid;
}

/** Resolves once GET url answers 2xx; fails after `seconds`. */
export async function waitForHttp(url, seconds, what = url) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${what} not ready after ${seconds}s (logs in ${LOGS})`);
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
