import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { eventually } from '@ps/testing';
import type { ReplayedImage } from '../src';
import { tail } from './replay-host';

/** Whether the image's user could write into its WORKDIR (it must not: the root filesystem is read-only in the pod). */
export function canWriteWorkdir(image: ReplayedImage): boolean {
  const probe = spawnSync(process.execPath, ['-e', "require('fs').writeFileSync('write-probe', 'x')"], { cwd: image.workdir, stdio: 'ignore', ...identity(image) });
  return probe.status === 0;
}

export interface StartedImage {
  baseUrl: string;
  /** Seconds from the start until /health/live and /health/ready both answered 200. */
  readySeconds: number;
  stop: () => Promise<void>;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `KEY=value` lines of a `.env.example` (the documented local defaults). */
export function exampleEnv(file: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) env[match[1]] = match[2];
  }
  return env;
}

/** The image's files made read-only, as on a pod's read-only root (`restore` gives the owner write back, for clean-up). */
export function makeReadOnly(folder: string): { restore: () => void } {
  spawnSync('chmod', ['-R', 'a-w', folder]);
  return { restore: () => void spawnSync('chmod', ['-R', 'u+w', folder]) };
}

export function identity(image: ReplayedImage): { uid?: number; gid?: number } {
  // Only root may take the image's user; elsewhere the files' read-only mode stands in for it.
  if (process.getuid?.() !== 0 || !image.user) return {};
  const [uid, gid] = image.user.split(':').map(Number);
  return { uid, gid: gid ?? uid };
}

/**
 * Starts the image's CMD in its WORKDIR with its ENV under the pod's environment, as its USER
 * (when this runs as root), with a bare PATH holding only this Node; resolves once /health/live
 * and /health/ready answer 200.
 */
export async function startImage(image: ReplayedImage, podEnv: Record<string, string>, port: number, log: string, home: string): Promise<StartedImage> {
  const env = { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: home, ...image.env, ...podEnv };
  const fd = openSync(log, 'a');
  const started = Date.now();
  const child = spawn(image.cmd[0], image.cmd.slice(1), { cwd: image.workdir, env, stdio: ['ignore', fd, fd], ...identity(image) });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${tail(log)}`);
        const answers = await Promise.all(['/health/live', '/health/ready'].map((path) => fetch(`${baseUrl}${path}`).then((response) => response.status, () => 0)));
        return answers.every((status) => status === 200) ? true : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 250, what: `${join(image.workdir)} ready (log ${log})` },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, readySeconds: (Date.now() - started) / 1000, stop };
}
