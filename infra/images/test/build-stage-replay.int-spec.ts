import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { infrastructure, recreateTestDatabase, repositoryRoot } from '@ps/testing';
import { DEPLOYABLES, DOCKERFILE, prepareHostToolchain, readDockerfile, replayBuild, type Deployable, type ReplayedImage } from '../src';
import { cleanEnvironment, devPackagesIn, footprint, isInside, nodeModulesAbove, replayPaths, scriptRunner, storePath } from './replay-host';
import { canWriteWorkdir, exampleEnv, freePort, makeReadOnly, startImage, type StartedImage } from './started-image';

// The Dockerfile's prune and build stages run here without an engine, read from the Dockerfile
// itself; the output is started as the image's CMD would start it, outside the repository, and probed.
const REPOSITORY = repositoryRoot();
const LOGS = join(REPOSITORY, '.local', 'logs');
const REPLAYED_STAGES = ['prune', 'build'];
/** Port 9 (discard) on loopback: nothing listens there, so a connection is refused at once. */
const REFUSING_REGISTRY = 'http://127.0.0.1:9/';
const STEPS = ['prune', 'install', 'deploy', 'build'];
const SHOWN = ['prune', 'install', 'build', 'deploy', 'cleanup'];
const dockerfile = readDockerfile(readFileSync(join(REPOSITORY, DOCKERFILE), 'utf8'));
const byName = (name: string): Deployable => DEPLOYABLES.find((deployable) => deployable.name === name) as Deployable;

interface Figure {
  name: string;
  seconds: Record<string, number>;
  megabytes: number;
  packages: number;
}
const figures: Figure[] = [];
const running = new Map<string, StartedImage>();
const readOnly: Array<{ restore: () => void }> = [];
let runRoot = '';
let environment: Record<string, string> = {};
let shared = { store: '', turboCache: '' };

beforeAll(() => {
  mkdirSync(LOGS, { recursive: true });
  runRoot = realpathSync(mkdtempSync(join(tmpdir(), 'ps-image-replay-')));
  chmodSync(runRoot, 0o755); // the image's user (uid 1000) must reach the app folders
  // The build stage must not need the registry once the store holds the lockfile's packages (the
  // repository's install filled it): every RUN line sees a registry that refuses connections, so a
  // line that asks it fails here, loudly, instead of hanging in CI on a slow network.
  environment = { ...cleanEnvironment(prepareHostToolchain(REPOSITORY, join(runRoot, 'bin')).bin), npm_config_registry: REFUSING_REGISTRY };
  shared = { store: storePath(REPOSITORY, environment), turboCache: join(runRoot, 'turbo-cache') };
});

afterAll(async () => {
  for (const image of running.values()) await image.stop();
  for (const folder of readOnly) folder.restore();
  rmSync(runRoot, { recursive: true, force: true });
  writeFileSync(join(REPOSITORY, '.local', 'image-replay.json'), `${JSON.stringify({ node: process.version, figures }, null, 2)}\n`);
  const rows = figures.map(({ name, seconds, megabytes, packages }) =>
    `  ${name.padEnd(13)} ${SHOWN.map((step) => `${step} ${(seconds[step] ?? 0).toFixed(1)}`).join(', ')}, total ${seconds.total.toFixed(1)} s, ready in ${(seconds.ready ?? 0).toFixed(1)} s; ${megabytes} MB, ${packages} packages`);
  process.stdout.write(`[image replay] ${process.version}\n${rows.join('\n')}\n`);
}, 60_000);

/** Replays the Dockerfile for one deployable and checks the image it would make. */
async function replay(deployable: Deployable): Promise<{ image: ReplayedImage; figure: Figure }> {
  const seconds: Record<string, number> = {};
  const started = Date.now();
  const image = await replayBuild({
    dockerfile,
    target: deployable.target,
    buildArgs: { SERVICE: deployable.name },
    context: REPOSITORY,
    paths: replayPaths(REPOSITORY, join(runRoot, deployable.name), shared),
    replayedStages: REPLAYED_STAGES,
    environment,
    run: scriptRunner(join(LOGS, `image-replay-${deployable.name}.log`)),
    onRun: (_stage, script, taken) => void (seconds[STEPS.find((step) => script.includes(step)) ?? script] = taken),
  });
  seconds.total = (Date.now() - started) / 1000;
  // Only the base images' preparation is left out; everything else ran.
  expect(image.notReplayed.map(({ stage }) => stage)).toEqual(['toolchain', 'runtime']);
  expect(image).toMatchObject({ user: '1000:1000', env: { NODE_ENV: 'production' } });
  expect(image.cmd[0]).toBe('node');
  expect(isInside(image.workdir, REPOSITORY)).toBe(false);
  expect(nodeModulesAbove(image.workdir)).toEqual([]);
  expect(devPackagesIn(image.workdir, REPOSITORY, deployable)).toEqual([]);
  const figure = { name: deployable.name, seconds, ...footprint(image.workdir) };
  figures.push(figure);
  // As root the app runs as uid 1000 on files root owns; otherwise their mode keeps them unwritable.
  if (process.getuid?.() !== 0) readOnly.push(makeReadOnly(image.workdir));
  expect(canWriteWorkdir(image)).toBe(false);
  const removing = Date.now();
  for (const folder of ['toolchain', 'pruned', 'workspace', 'out']) rmSync(join(runRoot, deployable.name, folder), { recursive: true, force: true });
  seconds.cleanup = (Date.now() - removing) / 1000;
  return { image, figure };
}

/** The pod's environment: the documented defaults less what the image sets itself, then `overrides`. */
function podEnv(deployable: Deployable, image: ReplayedImage, overrides: Record<string, string>): Record<string, string> {
  const defaults = exampleEnv(join(REPOSITORY, deployable.folder, '.env.example'));
  for (const name of Object.keys(image.env)) delete defaults[name];
  return { ...defaults, LOG_LEVEL: 'warn', ...overrides };
}

async function start(deployable: Deployable, image: ReplayedImage, figure: Figure, env: (port: number) => Record<string, string>): Promise<StartedImage> {
  const port = await freePort();
  const home = join(runRoot, deployable.name, 'home');
  mkdirSync(home, { recursive: true, mode: 0o777 });
  chmodSync(home, 0o777);
  const started = await startImage(image, podEnv(deployable, image, env(port)), port, join(LOGS, `image-replay-${deployable.name}.log`), home);
  figure.seconds.ready = started.readySeconds;
  running.set(deployable.name, started);
  return started;
}

const SUBGRAPHS = ['organization', 'personnel', 'evaluation', 'reform'];

it.each(SUBGRAPHS)('%s: the build stage replayed gives a production-only app that starts as its image would and becomes ready', async (name) => {
  const deployable = byName(name);
  const { image, figure } = await replay(deployable);
  const databaseUrl = infrastructure.databaseUrl(`ps_${name}_image_test`);
  await recreateTestDatabase(databaseUrl);
  const service = await start(deployable, image, figure, (port) => ({
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: `image-replay-${process.pid}-${Date.now()}.`,
    KEYCLOAK_URL: infrastructure.keycloakUrl,
    KEYCLOAK_REALM: infrastructure.keycloakRealm,
  }));
  const ready = (await (await fetch(`${service.baseUrl}/health/ready`)).json()) as { checks: Array<{ name: string; ok: boolean }> };
  expect(ready.checks).toContainEqual(expect.objectContaining({ name: 'database', ok: true }));
}, 20 * 60_000);

it('gateway: the build stage replayed gives an app that starts over the committed supergraph and reaches the four replayed subgraphs', async () => {
  const deployable = byName('gateway');
  const { image, figure } = await replay(deployable);
  const urls = Object.fromEntries(SUBGRAPHS.map((name) => [`${name.toUpperCase()}_URL`, `${running.get(name)?.baseUrl ?? 'http://127.0.0.1:1'}/graphql`]));
  const gateway = await start(deployable, image, figure, (port) => ({ PORT: String(port), KEYCLOAK_URL: infrastructure.keycloakUrl, ...urls }));
  const subgraphs = (await (await fetch(`${gateway.baseUrl}/health/subgraphs`)).json()) as { status: string; subgraphs: Array<{ name: string; state: string }> };
  expect(subgraphs.subgraphs.map(({ name, state }) => `${name} ${state}`).sort()).toEqual(SUBGRAPHS.map((name) => `${name} up`).sort());
}, 20 * 60_000);

it('console: the build stage replayed gives its files and serve.mjs only, serving the page and this environment\'s addresses', async () => {
  const deployable = byName('console');
  const { image, figure } = await replay(deployable);
  expect(readdirSync(image.workdir).sort()).toEqual(['dist', 'serve.mjs']);
  const addresses = { KEYCLOAK_URL: infrastructure.keycloakUrl, GATEWAY_URL: 'https://api.example.test/graphql' };
  const served = await start(deployable, image, figure, (port) => ({ CONSOLE_PORT: String(port), ...addresses }));
  const page = await fetch(`${served.baseUrl}/`);
  expect(page.headers.get('content-type')).toContain('text/html');
  const html = await page.text();
  expect(html).toContain('<div id="root"></div>');
  expect(html).toMatch(/<script type="module"[^>]* src="\/assets\/index-[\w-]+\.js"/);
  const config = (await (await fetch(`${served.baseUrl}/config.json`)).json()) as Record<string, string>;
  expect(config).toMatchObject({ keycloakUrl: addresses.KEYCLOAK_URL, gatewayUrl: addresses.GATEWAY_URL });
}, 20 * 60_000);
