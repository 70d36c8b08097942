import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './repository';
import { eventually } from './wait';
import { InvariantViolation } from '@ps/errors';

/** A platform process started by a test, reachable on its port until stopped. */
export interface StartedProcess {
  name: string;
  baseUrl: string;
  /** Its process id (to read its memory from /proc, say). */
  pid: number;
  /** Asks the process to end (SIGTERM) and waits until it has. */
  stop: () => Promise<void>;
  /** Sends `signal` and waits until the process has exited (SIGKILL: a crash, no shutdown hooks). */
  kill: (signal: NodeJS.Signals) => Promise<void>;
}

/**
 * Starts `node <script>` in a workspace folder with the given environment, logs to
 * `.local/logs/test-<name>.log`, and resolves once `/health/ready` answers 200.
 */
export async function startNodeProcess(options: {
  name: string;
  folder: string;
  port: number;
  env: Record<string, string>;
  script?: string;
}): Promise<StartedProcess> {
  // A process left on the port would answer the readiness check in the new one's place.
  if (await fetch(`http://127.0.0.1:${options.port}/health/live`).then(() => true, () => false)) {
    throw new InvariantViolation(`port ${options.port} already answers: another process would be tested as ${options.name}`);
  }
  const root = repositoryRoot();
  const logs = join(root, '.local', 'logs');
  mkdirSync(logs, { recursive: true });
  const log = createWriteStream(join(logs, `test-${options.name}.log`), { flags: 'a' });
  const child: ChildProcess = spawn(process.execPath, [options.script ?? 'dist/main.js'], {
    cwd: join(root, options.folder),
    env: { ...process.env, ...options.env, PORT: String(options.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const kill = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const stop = (): Promise<void> => kill('SIGTERM');
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new InvariantViolation(`${options.name} exited with ${child.exitCode}`);
        const response = await fetch(`${baseUrl}/health/ready`).catch(() => undefined);
        return response?.ok ? true : undefined;
      },
      { timeoutMs: 60_000, what: `${options.name} ready (see .local/logs/test-${options.name}.log)` },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { name: options.name, baseUrl, pid: child.pid ?? -1, stop, kill };
}
