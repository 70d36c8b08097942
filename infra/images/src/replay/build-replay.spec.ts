import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replayBuild, type ReplayOptions } from './build-replay';
import { expandVariables, readDockerfile, stagesFor } from './dockerfile-model';

const DOCKERFILE = `ARG BASE=node:24.22.3-bookworm-slim
FROM \${BASE} AS tools
ENV OUT=/out CI=true
RUN npm install --global something
FROM tools AS build
ARG SERVICE
WORKDIR /work
COPY app.txt ./
RUN --mount=type=cache,target=/cache echo "$SERVICE" > built.txt && mkdir -p "$OUT" && cp built.txt app.txt "$OUT/"
FROM tools AS unused
RUN exit 1
FROM \${BASE} AS final
RUN rm -rf /usr/local/lib/node_modules
ENV NODE_ENV=production
WORKDIR /app
USER 1000:1000
COPY --from=build /out/ ./
CMD ["node", "app.txt"]
`;

let root = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'build-replay-spec-'));
  mkdirSync(join(root, 'context'));
  writeFileSync(join(root, 'context', 'app.txt'), 'from the context\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function options(overrides: Partial<ReplayOptions> = {}): ReplayOptions & { ran: Array<{ script: string; cwd: string; env: Record<string, string> }> } {
  const ran: Array<{ script: string; cwd: string; env: Record<string, string> }> = [];
  return {
    ran,
    dockerfile: readDockerfile(DOCKERFILE),
    target: 'final',
    buildArgs: { SERVICE: 'reform' },
    context: join(root, 'context'),
    paths: { '/work': join(root, 'work'), '/out': join(root, 'out'), '/app': join(root, 'app') },
    replayedStages: ['build'],
    environment: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    run: async (script, { cwd, env }) => {
      ran.push({ script, cwd, env });
      execSync(script, { cwd, env, shell: '/bin/sh' });
    },
    ...overrides,
  };
}

describe('replaying a Dockerfile without an engine', () => {
  it('runs the replayed stages\' RUN lines in their mapped folders with ARGs and mapped ENV paths, and copies between stages', async () => {
    const replay = options();
    const image = await replayBuild(replay);
    expect(replay.ran.map(({ script }) => script)).toEqual(['echo "$SERVICE" > built.txt && mkdir -p "$OUT" && cp built.txt app.txt "$OUT/"']);
    expect(replay.ran[0]).toMatchObject({ cwd: join(root, 'work'), env: { SERVICE: 'reform', OUT: join(root, 'out'), CI: 'true' } });
    expect(image).toMatchObject({ workdir: join(root, 'app'), env: { NODE_ENV: 'production' }, cmd: ['node', 'app.txt'], user: '1000:1000' });
    expect(readFileSync(join(root, 'app', 'built.txt'), 'utf8')).toBe('reform\n');
    expect(readFileSync(join(root, 'app', 'app.txt'), 'utf8')).toBe('from the context\n');
  });

  it('leaves out the base images\' preparation and the stages the target does not need, and says which', async () => {
    const image = await replayBuild(options());
    expect(image.notReplayed).toEqual([
      { stage: 'tools', script: 'npm install --global something' },
      { stage: 'final', script: 'rm -rf /usr/local/lib/node_modules' },
    ]);
    expect(stagesFor(readDockerfile(DOCKERFILE), 'final').map(({ name }) => name)).toEqual(['tools', 'build', 'final']);
  });

  it('refuses a RUN line that names a container folder literally (on this machine it would be the host\'s)', async () => {
    const literal = DOCKERFILE.replace('cp built.txt app.txt "$OUT/"', 'cp built.txt /out/');
    await expect(replayBuild(options({ dockerfile: readDockerfile(literal) }))).rejects.toMatchObject({ code: 'IMAGES.UNMAPPED_PATH', message: expect.stringContaining('/out') });
    expect(existsSync('/out/built.txt')).toBe(false);
  });

  it('refuses a container folder it has no host folder for', async () => {
    await expect(replayBuild(options({ paths: { '/work': join(root, 'work'), '/app': join(root, 'app') } }))).rejects.toMatchObject({ code: 'IMAGES.UNMAPPED_PATH' });
  });

  it('expands $NAME and ${NAME} as Docker does, unknown ones to nothing', () => {
    expect(expandVariables('@ps/${SERVICE} $OUT/x $MISSING.', { SERVICE: 'gateway', OUT: '/out' })).toBe('@ps/gateway /out/x .');
  });
});
