import { mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { ImagesError, ImagesErrorCode } from '../images.errors';
import { containerPath, copyLikeDocker, hostPath, literalRoots, type PathMap } from './container-paths';
import { expandVariables, stagesFor, type DockerfileModel, type Stage, type Step } from './dockerfile-model';

/** Runs one RUN line's shell script on the host (the boundary a unit test fakes). */
export type ScriptRunner = (script: string, options: { cwd: string; env: Record<string, string> }) => Promise<void>;

export interface ReplayOptions {
  dockerfile: DockerfileModel;
  /** The final stage: what the image is. */
  target: string;
  buildArgs: Readonly<Record<string, string>>;
  /** The build context (the repository root). */
  context: string;
  paths: PathMap;
  /** Stages whose RUN lines are replayed; the others' RUN lines prepare the base image and are not. */
  replayedStages: readonly string[];
  /** The host environment RUN lines start from (PATH with the pinned pnpm and turbo first). */
  environment: Readonly<Record<string, string>>;
  run: ScriptRunner;
  /** Told after each replayed RUN line, with its duration. */
  onRun?: (stage: string, script: string, seconds: number) => void;
}

/** What the image would start: the host folder of its WORKDIR, its ENV, CMD and USER. */
export interface ReplayedImage {
  workdir: string;
  env: Record<string, string>;
  cmd: string[];
  user?: string;
  /** RUN lines not replayed (base-image preparation), by stage. */
  notReplayed: Array<{ stage: string; script: string }>;
}

interface StageState {
  env: Record<string, string>;
  args: Record<string, string | undefined>;
  workdir: string;
  cmd: string[];
  user?: string;
}

function isHostPath(value: string): boolean {
  return value.startsWith('/');
}

function applyVariableStep(state: StageState, step: Step, options: ReplayOptions): void {
  if (step.kind === 'arg') {
    state.args[step.name] = options.buildArgs[step.name] ?? step.fallback ?? options.dockerfile.globalArgs[step.name];
  } else if (step.kind === 'env') {
    // Paths stay as the container sees them; RUN lines get them mapped (runEnvironment).
    for (const [name, value] of step.values) state.env[name] = expandVariables(value, { ...state.args, ...state.env });
  }
}

function runEnvironment(state: StageState, options: ReplayOptions): Record<string, string> {
  const env: Record<string, string> = { ...options.environment };
  for (const [name, value] of Object.entries(state.args)) if (value !== undefined) env[name] = value;
  for (const [name, value] of Object.entries(state.env)) env[name] = isHostPath(value) ? hostPath(options.paths, value) : value;
  return env;
}

async function replayRun(stage: Stage, state: StageState, script: string, options: ReplayOptions): Promise<void> {
  const literal = literalRoots(options.paths, script);
  if (literal.length > 0) {
    throw new ImagesError(
      ImagesErrorCode.UnmappedPath,
      `dòng RUN của tầng ${stage.name} ghi thẳng ${literal.join(', ')}: hãy dùng biến`,
      `a RUN line of stage ${stage.name} names ${literal.join(', ')} literally: use its variable`,
    );
  }
  const cwd = hostPath(options.paths, state.workdir);
  mkdirSync(cwd, { recursive: true });
  const started = Date.now();
  await options.run(script, { cwd, env: runEnvironment(state, options) });
  options.onRun?.(stage.name, script, (Date.now() - started) / 1000);
}

function replayCopy(state: StageState, step: Extract<Step, { kind: 'copy' }>, options: ReplayOptions): void {
  const values = { ...state.args, ...state.env };
  const destinationText = expandVariables(step.destination, values);
  const destination = hostPath(options.paths, containerPath(state.workdir, destinationText));
  const sources = step.sources.map((source) => {
    const path = expandVariables(source, values);
    return step.from ? hostPath(options.paths, containerPath('/', path)) : join(options.context, path);
  });
  // The context copied onto itself (`COPY . .` into the folder mapped to the repository): nothing to do.
  if (sources.every((source) => realpathSync(source) === safeRealpath(destination))) return;
  copyLikeDocker(sources, destination, destinationText);
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

async function replayStage(stage: Stage, state: StageState, options: ReplayOptions, notReplayed: ReplayedImage['notReplayed']): Promise<void> {
  for (const step of stage.steps) {
    if (step.kind === 'arg' || step.kind === 'env') applyVariableStep(state, step, options);
    else if (step.kind === 'workdir') state.workdir = containerPath(state.workdir, expandVariables(step.path, { ...state.args, ...state.env }));
    else if (step.kind === 'copy') replayCopy(state, step, options);
    else if (step.kind === 'cmd') state.cmd = step.argv;
    else if (step.kind === 'user') state.user = step.user;
    else if (step.kind === 'run') {
      if (options.replayedStages.includes(stage.name)) await replayRun(stage, state, step.script, options);
      else notReplayed.push({ stage: stage.name, script: step.script });
    }
  }
}

/**
 * Replays the Dockerfile's stages for `target` on this machine, in file order: ARG, ENV and
 * WORKDIR as Docker reads them, COPY between the mapped folders, the replayed stages' RUN lines
 * through `run`. Resolves with what the image's CMD would start, and where.
 */
export async function replayBuild(options: ReplayOptions): Promise<ReplayedImage> {
  const states = new Map<string, StageState>();
  const notReplayed: ReplayedImage['notReplayed'] = [];
  for (const stage of stagesFor(options.dockerfile, options.target)) {
    const parent = states.get(stage.base);
    const state: StageState = parent
      ? { env: { ...parent.env }, args: {}, workdir: parent.workdir, cmd: [...parent.cmd], user: parent.user }
      : { env: {}, args: {}, workdir: '/', cmd: [] };
    await replayStage(stage, state, options, notReplayed);
    states.set(stage.name, state);
  }
  const final = states.get(options.target) as StageState;
  const env = Object.fromEntries(Object.entries(final.env).map(([name, value]) => [name, isHostPath(value) ? safeHostPath(options.paths, value) : value]));
  return { workdir: hostPath(options.paths, final.workdir), env, cmd: final.cmd, user: final.user, notReplayed };
}

/** An image's ENV path mapped when the replay knows it, else kept (it names the image's own files). */
function safeHostPath(paths: PathMap, value: string): string {
  try {
    return hostPath(paths, value);
  } catch {
    return value;
  }
}
