// Jest global setup: renders every kustomization once for all test files (kubectl is the
// slow part) and hands the result to the workers through a file named in the environment.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kustomizationFiles } from '../kustomization-files';
import { manifestsRoot, renderKustomization, renderedCacheVariable } from '../render';

export default function renderOnce(): void {
  const dirs = kustomizationFiles().map((f) => path.relative(manifestsRoot, path.dirname(f)));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ps-k8s-')), 'rendered.json');
  fs.writeFileSync(file, JSON.stringify(Object.fromEntries(dirs.map((d) => [d, renderKustomization(d)]))));
  process.env[renderedCacheVariable] = file;
}
