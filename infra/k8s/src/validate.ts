import { check, type Check } from './manifest';
import { checkObjects } from './manifest-checks';
import { filesParse, kustomizationFiles, kustomizationsAreComplete, manifestFiles } from './kustomization-files';
import { deployableTargets, manifestsRoot, RenderError, rendered } from './render';
import { SchemaCatalogue } from './schema-catalogue';
import { validateAgainstSchema } from './schema-validation';
import path from 'node:path';

/** Every kustomization renders; sub-kustomizations are rendered but checked as parts. */
function renderAll(): { checks: Check[]; targets: Map<string, ReturnType<typeof rendered>> } {
  const targets = new Map<string, ReturnType<typeof rendered>>();
  const dirs = kustomizationFiles().map((f) => path.relative(manifestsRoot, path.dirname(f)));
  const checks = dirs.map((dir) => {
    try {
      const objects = rendered(dir);
      if (deployableTargets().includes(dir)) targets.set(dir, objects);
      return check(objects.length > 0, `${dir} renders to nothing`);
    } catch (e) {
      if (e instanceof RenderError && e.code === 'K8S.NO_RENDERER') throw e;
      return check(false, e instanceof Error ? e.message : String(e));
    }
  });
  return { checks, targets };
}

/** The whole offline validation: files, rendering, schemas and CRDs, cross-references, house rules. */
export function validateManifests(catalogue = new SchemaCatalogue()): { checks: Check[]; summary: string[] } {
  const files = manifestFiles();
  const { checks: renders, targets } = renderAll();
  const checks = [...filesParse(files), ...kustomizationsAreComplete(files), ...renders];
  const summary: string[] = [];
  for (const [target, objects] of targets) {
    const kinds = new Map<string, number>();
    for (const o of objects) kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
    summary.push(`${target}: ${objects.length} objects (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')})`);
    checks.push(...objects.flatMap((o) => validateAgainstSchema(o, catalogue)).map((c) => ({ ...c, message: `${target}: ${c.message}` })));
    checks.push(...checkObjects(target, objects));
  }
  return { checks, summary };
}
