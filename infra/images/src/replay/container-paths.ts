import { cpSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, join, posix } from 'node:path';
import { ImagesError, ImagesErrorCode } from '../images.errors';

/** Where each container folder the replay touches lies on this machine (`/out` → a temporary folder). */
export type PathMap = Readonly<Record<string, string>>;

/** The host path of an absolute container path, by its longest mapped prefix; an unmapped one fails. */
export function hostPath(paths: PathMap, containerPath: string): string {
  const normal = posix.normalize(containerPath).replace(/(.)\/$/, '$1');
  const prefix = Object.keys(paths)
    .filter((root) => normal === root || normal.startsWith(`${root}/`))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) {
    throw new ImagesError(
      ImagesErrorCode.UnmappedPath,
      `bản chạy lại không biết thư mục ${containerPath} nằm đâu trên máy này`,
      `the replay maps no host folder for ${containerPath}: add it to the replay's path map`,
    );
  }
  return join(paths[prefix], normal.slice(prefix.length));
}

/** A container path as the image sees it: absolute, or relative to the working directory. */
export function containerPath(workdir: string, path: string): string {
  return posix.resolve(workdir, path);
}

/** Container roots a RUN line names literally: on the host they would be the machine's own folders. */
export function literalRoots(paths: PathMap, script: string): string[] {
  return Object.keys(paths).filter((root) => {
    const escaped = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[\\s"'=:])${escaped}(?=$|[\\s"'/;&|)])`).test(script);
  });
}

/**
 * COPY as Docker does it: a folder's contents go into the destination, a file goes into a
 * destination folder (named with a trailing slash, `.`, or one that exists) or becomes the destination.
 * Symbolic links are copied as links (pnpm's node_modules are made of them).
 */
export function copyLikeDocker(sources: readonly string[], destination: string, destinationText: string): void {
  const intoFolder = sources.length > 1 || /\/$|^\.$/.test(destinationText) || (existsSync(destination) && statSync(destination).isDirectory());
  for (const source of sources) {
    if (statSync(source).isDirectory()) {
      mkdirSync(destination, { recursive: true });
      cpSync(source, destination, { recursive: true, verbatimSymlinks: true });
    } else {
      const target = intoFolder ? join(destination, basename(source)) : destination;
      mkdirSync(intoFolder ? destination : join(target, '..'), { recursive: true });
      cpSync(source, target, { verbatimSymlinks: true });
    }
  }
}
