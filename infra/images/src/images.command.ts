import { parseArgs } from 'node:util';
import { z } from 'zod';
import { selectDeployables } from './deployables';
import { BUILDER_KINDS, buildCommand, commandLine, detectBuilder, pushCommands, type Command, type CommandRunner } from './image-builder';
import { ImagesError, ImagesErrorCode } from './images.errors';
import type { SourceFacts } from './source-facts';

export const DEFAULT_REGISTRY = 'ghcr.io/political-system';

export const USAGE = `Ảnh / images:
  npm run images -- build|push [<name>…] [--builder docker|podman|buildah] [--registry <registry>/<namespace>]
                    [--node-image <image>[@sha256:<digest>]] [--platform <os>/<arch>] [--dry-run]
    build   builds every image (or those named: organization personnel evaluation reform gateway console),
            tagged <registry>/<name>:<package version> and <registry>/<name>:<commit>
    push    pushes those tags (log in to the registry with the builder first)
  The builder is detected (docker with buildx and an engine, podman, buildah) unless --builder says;
  the registry is --registry, else IMAGE_REGISTRY, else ${DEFAULT_REGISTRY}.
  --dry-run prints the commands without running them.`;

const commandSchema = z.object({
  action: z.enum(['build', 'push']),
  names: z.array(z.string()),
  builder: z.enum(BUILDER_KINDS).optional(),
  registry: z.string().regex(/^[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)*$/, 'expected <host>[:port][/namespace…] in lower case'),
  nodeImage: z.string().min(1).optional(),
  platform: z.string().regex(/^[a-z0-9]+\/[a-z0-9]+(\/[a-z0-9]+)?(,[a-z0-9]+\/[a-z0-9]+(\/[a-z0-9]+)?)*$/).optional(),
  dryRun: z.boolean(),
});
export type ImagesCommand = z.infer<typeof commandSchema>;

/** The command line (and IMAGE_REGISTRY), validated; what is wrong is named, with the usage. */
export function parseImagesCommand(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): { command: ImagesCommand } | { problem: string } {
  const text = { type: 'string' } as const;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { builder: text, registry: text, 'node-image': text, platform: text, 'dry-run': { type: 'boolean' } },
    });
  } catch (error) {
    return { problem: `  ${error instanceof Error ? error.message : String(error)}\n${USAGE}` };
  }
  const { values, positionals } = parsed;
  const result = commandSchema.safeParse({
    action: positionals[0],
    names: positionals.slice(1),
    builder: values.builder,
    registry: (values.registry ?? env.IMAGE_REGISTRY ?? DEFAULT_REGISTRY).replace(/\/+$/, ''),
    nodeImage: values['node-image'],
    platform: values.platform,
    dryRun: values['dry-run'] ?? false,
  });
  if (result.success) return { command: result.data };
  return { problem: `${result.error.issues.map((issue) => `  ${issue.path.join('.') || 'action'}: ${issue.message}`).join('\n')}\n${USAGE}` };
}

/** Every command the action takes, image by image, tagged by package version and by commit. */
export function planImages(command: ImagesCommand, builder: (typeof BUILDER_KINDS)[number], facts: SourceFacts): Command[] {
  return selectDeployables(command.names).flatMap((deployable) => {
    const version = facts.version(deployable.folder);
    const image = `${command.registry}/${deployable.name}`;
    const request = {
      deployable,
      version,
      revision: facts.revision,
      references: [`${image}:${version}`, `${image}:${facts.commitTag}`],
      nodeImage: command.nodeImage,
      platform: command.platform,
    };
    return command.action === 'build' ? [buildCommand(builder, request)] : pushCommands(builder, request);
  });
}

/** Runs (or with --dry-run prints) the planned commands in order; the first failure stops the rest. */
export async function runImagesCommand(
  command: ImagesCommand,
  runner: CommandRunner,
  facts: SourceFacts,
  write: (line: string) => void,
): Promise<void> {
  const builder = command.builder ?? (await detectBuilder(runner, command.dryRun));
  const planned = planImages(command, builder, facts);
  const how = command.builder ? '' : command.dryRun ? ' (found on PATH; its engine not asked)' : ' (detected)';
  write(`${command.action} with ${builder}${how}: ${planned.length} command(s)`);
  for (const step of planned) {
    write(`${command.dryRun ? '' : '$ '}${commandLine(step)}`);
    if (command.dryRun) continue;
    const status = await runner.run(step);
    if (status !== 0) {
      throw new ImagesError(ImagesErrorCode.CommandFailed, `lệnh thất bại (mã ${status}): ${commandLine(step)}`, `command failed (exit ${status}): ${commandLine(step)}`);
    }
  }
}
