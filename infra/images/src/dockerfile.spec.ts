import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from 'dockerfile-utils';
import { DEPLOYABLES, DOCKERFILE, DOCKERIGNORE } from './deployables';
import { pinnedToolVersions } from './replay/host-toolchain';
import { readDockerfile, type Stage } from './replay/dockerfile-model';
import { REPOSITORY_ROOT } from './source-facts';

const text = readFileSync(join(REPOSITORY_ROOT, DOCKERFILE), 'utf8');
const model = readDockerfile(text);
const stage = (name: string): Stage => model.stages.find((candidate) => candidate.name === name) as Stage;
const targets = [...new Set(DEPLOYABLES.map((deployable) => deployable.target))];
const runs = (name: string) => stage(name).steps.flatMap((step) => (step.kind === 'run' ? [step.script] : []));

describe('the Dockerfile (lint)', () => {
  it('passes dockerfile-utils validation without a problem', () => {
    expect(validate(text).map((problem) => `line ${problem.range.start.line + 1}: ${problem.message}`)).toEqual([]);
  });

  it('the linter does report a broken Dockerfile (so a pass above means something)', () => {
    expect(validate('FROM node:24 AS a\nCOPY --from=a\nEXPOSE http\n').length).toBeGreaterThan(0);
  });
});

describe('the Dockerfile (house rules)', () => {
  it('is based on a pinned Node 24 LTS slim image, never latest', () => {
    expect(model.globalArgs.NODE_IMAGE).toMatch(/^node:24\.\d+\.\d+-bookworm-slim$/);
    // Every stage starts from that pinned image or from an earlier stage: no other, unpinned base.
    model.stages.forEach(({ base }, index) => expect([`\${NODE_IMAGE}`, ...model.stages.slice(0, index).map(({ name }) => name)]).toContain(base));
  });

  it('every final stage runs as uid 1000, with production settings, the OCI version and revision labels and no HEALTHCHECK', () => {
    for (const target of targets) {
      const chain = [stage(target), stage(stage(target).base)];
      const steps = chain.flatMap(({ steps }) => steps);
      expect(steps).toContainEqual({ kind: 'user', user: '1000:1000' });
      expect(steps).toContainEqual({ kind: 'env', values: [['NODE_ENV', 'production']] });
      const labels = steps.filter((step) => step.kind === 'other' && step.keyword === 'LABEL').map((step) => (step.kind === 'other' ? step.text : ''));
      expect(labels.join('\n')).toMatch(/org\.opencontainers\.image\.version="\$\{VERSION\}"[\s\S]*org\.opencontainers\.image\.revision="\$\{REVISION\}"/);
      expect(steps.some((step) => step.kind === 'other' && step.keyword === 'HEALTHCHECK')).toBe(false);
      expect(steps.find((step) => step.kind === 'cmd')).toMatchObject({ argv: expect.arrayContaining(['node']) });
    }
  });

  it('the final stages copy only the build stage\'s deploy output (no sources, no dev dependencies)', () => {
    for (const target of targets) {
      const copies = stage(target).steps.filter((step) => step.kind === 'copy');
      expect(copies.length).toBeGreaterThan(0);
      for (const copy of copies) expect(copy).toMatchObject({ from: 'build', sources: [expect.stringMatching(/^\/out\//)] });
    }
  });

  it('prunes with turbo for the one deployable, installs from the lockfile and deploys production dependencies only', () => {
    expect(runs('prune').join('\n')).toMatch(/turbo prune "@ps\/\$\{SERVICE\}" --docker/);
    expect(runs('build')).toEqual([
      expect.stringMatching(/^pnpm install --frozen-lockfile/),
      expect.stringMatching(/^turbo run build --filter="@ps\/\$\{SERVICE\}"/),
      expect.stringMatching(/^pnpm --filter "@ps\/\$\{SERVICE\}" deploy --prod/),
    ]);
  });

  it('deploys from the lockfile and offline: the image gets the tested versions and the line never waits on the registry', () => {
    const deploy = runs('build').find((script) => / deploy /.test(script)) ?? '';
    expect(deploy).toContain('--offline');
    expect(deploy).toContain('--config.inject-workspace-packages=true');
    // --legacy re-resolves every range against the registry; --prefer-offline still asks it for what the cache lacks.
    expect(deploy).not.toMatch(/--legacy|--prefer-offline/);
  });

  it('installs the pnpm and turbo the repository pins, read from its package.json', () => {
    const versions = pinnedToolVersions(REPOSITORY_ROOT);
    expect(versions.pnpm).toMatch(/^\d+\.\d+\.\d+$/);
    expect(runs('toolchain').join('\n')).toMatch(/packageManager[\s\S]*turbo@\$\(node -p 'require\("\.\/package\.json"\)\.devDependencies\.turbo'\)/);
  });

  it('keeps dependencies, outputs, local state and git out of the build context', () => {
    const ignored = readFileSync(join(REPOSITORY_ROOT, DOCKERIGNORE), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['.git', '**/node_modules', '**/dist', '.local', '**/.env']));
  });
});
