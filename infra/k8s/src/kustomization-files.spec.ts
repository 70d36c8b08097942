import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { filesParse, kustomizationFiles, kustomizationsAreComplete, manifestFiles } from './kustomization-files';
import { failures } from './manifest';
import { manifestsRoot, rendered } from './render';

it('every manifest parses and every kustomization is complete', () => {
  const files = manifestFiles();
  expect(files.some((f) => f.endsWith(path.join('base', 'kustomization.yaml')))).toBe(true);
  expect(files.some((f) => f.includes(`${path.sep}crds${path.sep}`))).toBe(false);
  expect(failures(filesParse(files))).toEqual([]);
  expect(failures(kustomizationsAreComplete(files))).toEqual([]);
});

it.each(kustomizationFiles().map((f) => path.relative(manifestsRoot, path.dirname(f))))('%s renders', (dir) => {
  expect(rendered(dir).length).toBeGreaterThan(0);
});

describe('faults in the files are caught', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-files-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(tmp, name), text);
    return path.join(tmp, name);
  };
  it('a duplicate key and tab indentation', () => {
    const file = write('dup.yaml', 'a: 1\na: 2\nb:\n\t- c\n');
    const found = failures(filesParse([file]));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/dup\.yaml does not parse: .*[Mm]ap keys must be unique/);
  });
  it('a missing resource, a deprecated field and a file no kustomization uses', () => {
    const k = write('kustomization.yaml', 'resources:\n  - missing.yaml\ncommonLabels:\n  a: b\n');
    const stray = write('stray.yaml', 'kind: ConfigMap\n');
    const found = failures(kustomizationsAreComplete([k, stray])).map((m) => m.replace(/^.*?(kustomization\.yaml|stray\.yaml)/, '$1'));
    expect(found).toEqual([
      'kustomization.yaml: resource missing.yaml does not exist',
      'kustomization.yaml: uses the deprecated field commonLabels',
      'stray.yaml is not referenced by any kustomization',
    ]);
  });
});
