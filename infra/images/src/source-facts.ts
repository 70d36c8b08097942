import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImagesError, ImagesErrorCode } from './images.errors';

/** The repository root (this file lies in infra/images/src or infra/images/dist). */
export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');

/** What the tags and labels are made of: the commit and the packages' versions. */
export interface SourceFacts {
  /** Full commit id (the revision label). */
  revision: string;
  /** `git rev-parse --short HEAD`, with `-dirty` when the work tree has changes: a tag never claims a commit it is not. */
  commitTag: string;
  /** The `version` of the package in `folder`. */
  version(folder: string): string;
}

function git(args: string[], root: string): string {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new ImagesError(
      ImagesErrorCode.CommandFailed,
      `git ${args.join(' ')} thất bại: ${result.stderr || result.error?.message}`,
      `git ${args.join(' ')} failed: ${result.stderr || result.error?.message}`,
    );
  }
  return result.stdout.trim();
}

/** The facts of the work tree at `root`, read from git and the package.json files. */
export function readSourceFacts(root = REPOSITORY_ROOT): SourceFacts {
  const dirty = git(['status', '--porcelain'], root) !== '';
  return {
    revision: git(['rev-parse', 'HEAD'], root),
    commitTag: `${git(['rev-parse', '--short', 'HEAD'], root)}${dirty ? '-dirty' : ''}`,
    version: (folder) => (JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as { version: string }).version,
  };
}
