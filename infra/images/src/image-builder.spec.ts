import { DEPLOYABLES } from './deployables';
import { buildCommand, commandLine, detectBuilder, pushCommands, type Command, type CommandRunner, type ImageRequest } from './image-builder';
import { ImagesError } from './images.errors';

const gateway = DEPLOYABLES.find((deployable) => deployable.name === 'gateway');
const request: ImageRequest = {
  deployable: gateway ?? DEPLOYABLES[0],
  version: '0.1.0',
  revision: '52a28b6f00d1',
  references: ['registry.example.vn/ps/gateway:0.1.0', 'registry.example.vn/ps/gateway:52a28b6'],
};

/** A machine where only the commands in `working` succeed; records what was asked. */
function fakeMachine(working: string[]): CommandRunner & { asked: string[] } {
  const asked: string[] = [];
  const line = (command: Command) => [command.command, ...command.args].join(' ');
  return {
    asked,
    run: async (command) => (asked.push(line(command)), 0),
    succeeds: async (command) => (asked.push(line(command)), working.includes(line(command))),
  };
}

describe('image builder commands', () => {
  it('docker builds with buildx from the repository root, the target, the build arguments and every tag, and loads the image', () => {
    expect(commandLine(buildCommand('docker', request))).toBe(
      'docker buildx build --file infra/images/Dockerfile --target service --build-arg SERVICE=gateway --build-arg VERSION=0.1.0 ' +
        '--build-arg REVISION=52a28b6f00d1 --tag registry.example.vn/ps/gateway:0.1.0 --tag registry.example.vn/ps/gateway:52a28b6 --load .',
    );
  });

  it('podman and buildah are given the context exclusions, which they do not find beside the Dockerfile', () => {
    const podman = buildCommand('podman', request);
    const buildah = buildCommand('buildah', { ...request, nodeImage: 'mirror.example.vn/node:24.22.3-bookworm-slim@sha256:abc', platform: 'linux/amd64' });
    expect(podman.args.slice(0, 1)).toEqual(['build']);
    expect(podman.args.join(' ')).toContain('--ignorefile infra/images/Dockerfile.dockerignore .');
    expect(buildah.args.slice(0, 2)).toEqual(['build', '--layers']);
    expect(buildah.args.join(' ')).toContain('--build-arg NODE_IMAGE=mirror.example.vn/node:24.22.3-bookworm-slim@sha256:abc');
    expect(buildah.args.join(' ')).toContain('--platform linux/amd64');
  });

  it('the console is built from its own target', () => {
    const console = DEPLOYABLES.find((deployable) => deployable.name === 'console');
    expect(buildCommand('docker', { ...request, deployable: console ?? DEPLOYABLES[0] }).args).toEqual(expect.arrayContaining(['--target', 'console', 'SERVICE=console']));
  });

  it('pushes every reference with the builder that made it', () => {
    expect(pushCommands('podman', request).map(commandLine)).toEqual(['podman push registry.example.vn/ps/gateway:0.1.0', 'podman push registry.example.vn/ps/gateway:52a28b6']);
  });

  it('quotes what a shell would split', () => {
    expect(commandLine({ command: 'docker', args: ['build', '--label', "a b's"] })).toBe(`docker build --label 'a b'\\''s'`);
  });
});

describe('builder detection', () => {
  it('takes docker only when its engine answers and buildx is there', async () => {
    const machine = fakeMachine(['docker info', 'docker buildx version']);
    await expect(detectBuilder(machine)).resolves.toBe('docker');
  });

  it('passes over a docker CLI without an engine to podman, then buildah', async () => {
    await expect(detectBuilder(fakeMachine(['docker buildx version', 'podman info']))).resolves.toBe('podman');
    await expect(detectBuilder(fakeMachine(['docker buildx version', 'buildah info']))).resolves.toBe('buildah');
  });

  it('fails with its code when nothing answers, and a dry run settles for a CLI on PATH', async () => {
    const machine = fakeMachine(['docker --version']);
    await expect(detectBuilder(machine)).rejects.toMatchObject({ code: 'IMAGES.NO_BUILDER' });
    await expect(detectBuilder(machine)).rejects.toBeInstanceOf(ImagesError);
    await expect(detectBuilder(machine, true)).resolves.toBe('docker');
  });
});
