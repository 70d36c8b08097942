import { DOCKERFILE, DOCKERIGNORE, type Deployable } from './deployables';
import { ImagesError, ImagesErrorCode } from './images.errors';

/** The builders an IT center may have; detected in this order. */
export const BUILDER_KINDS = ['docker', 'podman', 'buildah'] as const;
export type BuilderKind = (typeof BUILDER_KINDS)[number];

/** One command line, as run (and as printed by --dry-run). */
export interface Command {
  command: string;
  args: string[];
}

/** The boundary to the machine: runs a command with its output shown, or asks quietly whether one succeeds. */
export interface CommandRunner {
  run(command: Command): Promise<number>;
  succeeds(command: Command): Promise<boolean>;
}

/** What one image is built from and tagged as. */
export interface ImageRequest {
  deployable: Deployable;
  /** The package's version (label and first tag). */
  version: string;
  /** The full commit id (label). */
  revision: string;
  /** Full references, `<registry>/<name>:<tag>`. */
  references: string[];
  /** A base image other than the Dockerfile's (a mirror, or the tag pinned with its digest). */
  nodeImage?: string;
  platform?: string;
}

/** `docker info` and the like: a CLI whose engine answers, not merely one on PATH. */
const ENGINE_PROBES: Record<BuilderKind, Command[]> = {
  docker: [{ command: 'docker', args: ['info'] }, { command: 'docker', args: ['buildx', 'version'] }],
  podman: [{ command: 'podman', args: ['info'] }],
  buildah: [{ command: 'buildah', args: ['info'] }],
};

/** The first builder whose engine answers; with `cliOnly`, the first whose CLI merely runs (for --dry-run). */
export async function detectBuilder(runner: CommandRunner, cliOnly = false): Promise<BuilderKind> {
  for (const kind of BUILDER_KINDS) {
    const probes = cliOnly ? [{ command: kind, args: ['--version'] }] : ENGINE_PROBES[kind];
    let answers = true;
    for (const probe of probes) answers = answers && (await runner.succeeds(probe));
    if (answers) return kind;
  }
  throw new ImagesError(
    ImagesErrorCode.NoBuilder,
    'không tìm thấy công cụ dựng ảnh nào đang chạy (docker có buildx, podman hoặc buildah); chọn bằng --builder',
    'no working image builder found (docker with buildx, podman or buildah); choose one with --builder',
  );
}

function buildArgs(request: ImageRequest): string[] {
  const values: Record<string, string | undefined> = {
    SERVICE: request.deployable.name,
    VERSION: request.version,
    REVISION: request.revision,
    NODE_IMAGE: request.nodeImage,
  };
  return Object.entries(values).flatMap(([name, value]) => (value === undefined ? [] : ['--build-arg', `${name}=${value}`]));
}

/** The build of one image, tagged with every reference, from the repository root as context. */
export function buildCommand(kind: BuilderKind, request: ImageRequest): Command {
  const common = [
    '--file', DOCKERFILE,
    '--target', request.deployable.target,
    ...buildArgs(request),
    ...request.references.flatMap((reference) => ['--tag', reference]),
    ...(request.platform ? ['--platform', request.platform] : []),
  ];
  switch (kind) {
    // BuildKit reads Dockerfile.dockerignore beside the Dockerfile; --load keeps the image for `push`.
    case 'docker':
      return { command: 'docker', args: ['buildx', 'build', ...common, '--load', '.'] };
    case 'podman':
      return { command: 'podman', args: ['build', ...common, '--ignorefile', DOCKERIGNORE, '.'] };
    case 'buildah':
      return { command: 'buildah', args: ['build', '--layers', ...common, '--ignorefile', DOCKERIGNORE, '.'] };
  }
}

/** The pushes of one image's references (the builder's own login is used). */
export function pushCommands(kind: BuilderKind, request: ImageRequest): Command[] {
  return request.references.map((reference) => ({ command: kind, args: ['push', reference] }));
}

/** A command as a shell line, quoted where needed (what --dry-run prints). */
export function commandLine({ command, args }: Command): string {
  return [command, ...args].map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');
}
