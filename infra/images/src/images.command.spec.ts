import type { Command, CommandRunner } from './image-builder';
import { DEFAULT_REGISTRY, parseImagesCommand, planImages, runImagesCommand, type ImagesCommand } from './images.command';
import type { SourceFacts } from './source-facts';

const facts: SourceFacts = { revision: '52a28b6f00d1aa', commitTag: '52a28b6', version: (folder) => (folder === 'gateway' ? '0.2.0' : '0.1.0') };

function parsed(argv: string[], env: NodeJS.ProcessEnv = {}): ImagesCommand {
  const result = parseImagesCommand(argv, env);
  if ('problem' in result) throw new Error(result.problem);
  return result.command;
}

function recordingRunner(status = 0): CommandRunner & { ran: Command[] } {
  const ran: Command[] = [];
  return { ran, run: async (command) => (ran.push(command), status), succeeds: async () => true };
}

describe('npm run images', () => {
  it('reads the action, the images named and the options; the registry defaults to ghcr.io/political-system, IMAGE_REGISTRY and --registry win in turn', () => {
    expect(parsed(['build'])).toMatchObject({ action: 'build', names: [], registry: DEFAULT_REGISTRY, dryRun: false });
    expect(parsed(['push', 'gateway', '--builder', 'buildah'], { IMAGE_REGISTRY: 'harbor.tinh.vn/ps/' })).toMatchObject({ names: ['gateway'], builder: 'buildah', registry: 'harbor.tinh.vn/ps' });
    expect(parsed(['build', '--registry', 'registry.local:5000/ps', '--dry-run'], { IMAGE_REGISTRY: 'harbor.tinh.vn/ps' })).toMatchObject({ registry: 'registry.local:5000/ps', dryRun: true });
  });

  it('names what is wrong, with the usage', () => {
    for (const argv of [['deploy'], ['build', '--builder', 'kaniko'], ['build', '--registry', 'Not A Registry'], ['build', '--colour']]) {
      const result = parseImagesCommand(argv, {});
      expect(result).toEqual({ problem: expect.stringContaining('npm run images -- build|push') });
    }
  });

  it('tags every image by its package version and by commit, under the registry', () => {
    const commands = planImages(parsed(['build']), 'docker', facts);
    expect(commands).toHaveLength(6);
    const tags = commands.map((command) => command.args.filter((_arg, index) => command.args[index - 1] === '--tag'));
    expect(tags[4]).toEqual([`${DEFAULT_REGISTRY}/gateway:0.2.0`, `${DEFAULT_REGISTRY}/gateway:52a28b6`]);
    expect(tags.map((pair) => pair[0].split('/').pop())).toEqual(['organization:0.1.0', 'personnel:0.1.0', 'evaluation:0.1.0', 'reform:0.1.0', 'gateway:0.2.0', 'console:0.1.0']);
    expect(commands[0].args).toEqual(expect.arrayContaining(['--build-arg', 'REVISION=52a28b6f00d1aa']));
  });

  it('refuses an image it does not know, naming the known ones', () => {
    expect(() => planImages(parsed(['build', 'keycloak']), 'docker', facts)).toThrow(/no image named keycloak \(known: organization, personnel/);
  });

  it('a dry run prints the commands and runs none', async () => {
    const runner = recordingRunner();
    const lines: string[] = [];
    await runImagesCommand(parsed(['push', 'reform', '--dry-run', '--builder', 'podman']), runner, facts, (line) => lines.push(line));
    expect(runner.ran).toEqual([]);
    expect(lines).toEqual(['push with podman: 2 command(s)', `podman push ${DEFAULT_REGISTRY}/reform:0.1.0`, `podman push ${DEFAULT_REGISTRY}/reform:52a28b6`]);
  });

  it('runs the commands in order and stops at the first that fails, with its code', async () => {
    const runner = recordingRunner(1);
    await expect(runImagesCommand(parsed(['build', '--builder', 'docker']), runner, facts, () => undefined)).rejects.toMatchObject({ code: 'IMAGES.COMMAND_FAILED' });
    expect(runner.ran).toHaveLength(1);
    expect(runner.ran[0].args).toContain('SERVICE=organization');
  });
});
