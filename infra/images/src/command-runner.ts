import { spawn, spawnSync } from 'node:child_process';
import type { CommandRunner } from './image-builder';
import { REPOSITORY_ROOT } from './source-facts';

/** Commands run in the repository root (the build context), their output shown as it comes. */
export const processRunner: CommandRunner = {
  run: ({ command, args }) =>
    new Promise((resolve) => {
      const child = spawn(command, args, { cwd: REPOSITORY_ROOT, stdio: 'inherit' });
      child.once('error', () => resolve(127));
      child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    }),
  succeeds: async ({ command, args }) => spawnSync(command, args, { cwd: REPOSITORY_ROOT, stdio: 'ignore', timeout: 20_000 }).status === 0,
};
