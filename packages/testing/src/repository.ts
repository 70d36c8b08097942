import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InvariantViolation } from '@ps/errors';

/** The monorepo root: the nearest folder above `from` holding pnpm-workspace.yaml. */
export function repositoryRoot(from = __dirname): string {
  let folder = from;
  while (!existsSync(join(folder, 'pnpm-workspace.yaml'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new InvariantViolation(`no pnpm-workspace.yaml above ${from}`);
    folder = parent;
  }
  return folder;
}
