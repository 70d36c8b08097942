import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { check, type Check } from './manifest';
import { manifestsRoot } from './render';

const skipped = new Set(['node_modules', 'crds', 'dist', 'src', 'coverage']);

/** The manifest YAML files (not the vendored CRDs nor the package's own files). */
export function manifestFiles(dir = manifestsRoot): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith('.') || (dir === manifestsRoot && skipped.has(e.name))) return [];
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return manifestFiles(p);
    return /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

const rel = (p: string) => path.relative(manifestsRoot, p) || '.';

/** Every file parses without duplicate keys and is indented with spaces. */
export function filesParse(files = manifestFiles()): Check[] {
  return files.flatMap((f) => {
    const text = fs.readFileSync(f, 'utf8');
    const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true });
    const errors = docs.flatMap((d) => [...d.errors, ...d.warnings]).map((e) => e.message);
    return [check(errors.length === 0, `${rel(f)} does not parse: ${errors.join('; ')}`), check(!/^\t/m.test(text), `${rel(f)} indents with tabs`)];
  });
}

interface Kustomization {
  resources?: string[];
  components?: string[];
  patches?: { path?: string; patch?: string }[];
  configMapGenerator?: { files?: string[]; envs?: string[] }[];
  secretGenerator?: { files?: string[]; envs?: string[] }[];
  namespace?: string;
  [legacy: string]: unknown;
}

const readKustomization = (file: string): Kustomization => (parseAllDocuments(fs.readFileSync(file, 'utf8'))[0]?.toJS() ?? {}) as Kustomization;
export const kustomizationFiles = (files = manifestFiles()) => files.filter((f) => /^kustomization\.ya?ml$/.test(path.basename(f)));

function kustomizationRefs(file: string, k: Kustomization): Check[] {
  const dir = path.dirname(file);
  const exists = (p: string, what: string) => check(fs.existsSync(path.resolve(dir, p)), `${rel(file)}: ${what} ${p} does not exist`);
  const generated = [...(k.configMapGenerator ?? []), ...(k.secretGenerator ?? [])].flatMap((g) => [...(g.files ?? []), ...(g.envs ?? [])]);
  const top = rel(dir) === 'base' || rel(dir).startsWith('overlays');
  return [
    ...[...(k.resources ?? []), ...(k.components ?? [])].filter((r) => !/^[a-z]+:\/\/|^github\.com\//.test(r)).map((r) => exists(r, 'resource')),
    ...(k.patches ?? []).flatMap((p) => [...(p.path ? [exists(p.path, 'patch')] : []),
      check(Boolean(p.path) !== Boolean(p.patch), `${rel(file)}: a patch needs exactly one of path and patch`)]),
    ...generated.map((f) => exists(String(f).split('=').pop() ?? '', 'generator file')),
    ...['bases', 'patchesStrategicMerge', 'patchesJson6902', 'commonLabels', 'vars'].map((legacy) =>
      check(!(legacy in k), `${rel(file)}: uses the deprecated field ${legacy}`)),
    check(!top || !('namespace' in k), `${rel(file)}: sets namespace:, which would merge the two namespaces`),
  ];
}

/** Each kustomization's references exist, and every manifest file is used by one. */
export function kustomizationsAreComplete(files = manifestFiles()): Check[] {
  const kfiles = kustomizationFiles(files);
  const referenced = new Set(kfiles.flatMap((kf) => {
    const k = readKustomization(kf);
    return [...(k.resources ?? []), ...(k.patches ?? []).flatMap((p) => (p.path ? [p.path] : []))].map((r) => path.resolve(path.dirname(kf), r));
  }));
  return [
    ...kfiles.flatMap((kf) => kustomizationRefs(kf, readKustomization(kf))),
    ...files.filter((f) => !kfiles.includes(f)).map((f) => check(referenced.has(f), `${rel(f)} is not referenced by any kustomization`)),
  ];
}
