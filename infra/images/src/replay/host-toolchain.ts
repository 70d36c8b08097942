import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImagesError, ImagesErrorCode } from '../images.errors';

/** The pnpm and turbo versions the repository pins (the Dockerfile's toolchain stage installs these). */
export function pinnedToolVersions(root: string): { pnpm: string; turbo: string } {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { packageManager: string; devDependencies: Record<string, string> };
  return { pnpm: manifest.packageManager.split('+')[0].replace(/^pnpm@/, ''), turbo: manifest.devDependencies.turbo };
}

function versionOf(command: string): string | undefined {
  const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function shim(folder: string, name: string, line: string): void {
  const file = join(folder, name);
  writeFileSync(file, `#!/bin/sh\n${line} "$@"\n`);
  chmodSync(file, 0o755);
}

/**
 * The host's stand-in for the toolchain stage: a folder to put first on PATH, holding `pnpm` and
 * `turbo` of exactly the pinned versions (the workspace's turbo; pnpm from PATH when it matches,
 * else through npx). A turbo of another version fails: the replay would not be the image's build.
 */
export function prepareHostToolchain(root: string, folder: string): { bin: string; versions: { pnpm: string; turbo: string } } {
  const versions = pinnedToolVersions(root);
  const turbo = join(root, 'node_modules', '.bin', 'turbo');
  const turboVersion = versionOf(turbo);
  if (turboVersion !== versions.turbo) {
    throw new ImagesError(
      ImagesErrorCode.ToolchainMismatch,
      `turbo của workspace là ${turboVersion ?? 'không có'}, package.json ghim ${versions.turbo}: chạy pnpm install`,
      `the workspace's turbo is ${turboVersion ?? 'missing'} but package.json pins ${versions.turbo}: run pnpm install`,
    );
  }
  mkdirSync(folder, { recursive: true });
  shim(folder, 'turbo', `exec '${turbo}'`);
  const pnpmOnPath = spawnSync('sh', ['-c', 'command -v pnpm'], { encoding: 'utf8' }).stdout.trim();
  const matches = pnpmOnPath !== '' && versionOf(pnpmOnPath) === versions.pnpm;
  shim(folder, 'pnpm', matches ? `exec '${pnpmOnPath}'` : `exec npx --yes pnpm@${versions.pnpm}`);
  return { bin: folder, versions };
}
