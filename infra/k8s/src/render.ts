import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from './manifest';

/** infra/k8s, where the kustomizations live. */
export const manifestsRoot = path.resolve(__dirname, '..');

/** Neither renderer is installed, or a kustomization does not render. */
export class RenderError extends Error {
  constructor(
    readonly code: 'K8S.NO_RENDERER' | 'K8S.RENDER_FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'RenderError';
  }
}

type Renderer = { command: string; args: string[] };
const candidates: Renderer[] = [
  { command: 'kubectl', args: ['kustomize'] },
  { command: 'kustomize', args: ['build'] },
];
let found: Renderer | undefined;

/** `kubectl kustomize` (kustomize built in), else a standalone `kustomize build`. */
export function findRenderer(): Renderer {
  found ??= candidates.find((r) => spawnSync(r.command, [...r.args, '--help'], { encoding: 'utf8', env: process.env }).status === 0);
  if (!found) {
    throw new RenderError('K8S.NO_RENDERER',
      'Không tìm thấy kubectl hay kustomize trong PATH / neither `kubectl` nor `kustomize` is on PATH: install kubectl (it embeds kustomize) to render the overlays');
  }
  return found;
}

/** kubectl logs its error as `E1206 … "command failed" err="…"`; kustomize prints `Error: …`. */
export function failureReason(stderr: string): string {
  return stderr.split('\n').map((l) => l.trim()).filter(Boolean)
    .map((l) => /\berr="(.*)"$/.exec(l)?.[1]?.replace(/\\"/g, '"') ?? l).join(' ');
}

/** Renders one kustomization directory (relative to infra/k8s) into its objects. */
export function renderKustomization(dir: string): K8sObject[] {
  const renderer = findRenderer();
  const result = spawnSync(renderer.command, [...renderer.args, path.resolve(manifestsRoot, dir)], {
    encoding: 'utf8',
    env: process.env,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new RenderError('K8S.RENDER_FAILED', `Không dựng được ${dir} / ${dir} does not render: ${failureReason(result.stderr ?? '')}`);
  }
  return parseAllDocuments(result.stdout).map((d) => d.toJS() as K8sObject).filter((o) => o !== null);
}

/** What is applied to a cluster: the base and every overlay. */
export function deployableTargets(): string[] {
  const overlays = fs.readdirSync(path.join(manifestsRoot, 'overlays'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(manifestsRoot, 'overlays', e.name, 'kustomization.yaml')))
    .map((e) => `overlays/${e.name}`);
  return ['base', ...overlays.sort()];
}

/** Set by the test run's global setup: every kustomization rendered once, as JSON by directory. */
export const renderedCacheVariable = 'PS_K8S_RENDERED_CACHE';

function loadCache(): Map<string, K8sObject[]> {
  const file = process.env[renderedCacheVariable];
  if (!file || !fs.existsSync(file)) return new Map();
  return new Map(Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, K8sObject[]>));
}

let cache: Map<string, K8sObject[]> | undefined;

/** Rendered once per process (or per test run); callers get a deep copy they may change. */
export function rendered(dir: string): K8sObject[] {
  cache ??= loadCache();
  if (!cache.has(dir)) cache.set(dir, renderKustomization(dir));
  return structuredClone(cache.get(dir) ?? []);
}
