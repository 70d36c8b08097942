import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KNOWN_ERROR_CODES } from './errors';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** Every TypeScript source file (not tests) under `folder`. */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !/\.(spec|int-spec|sec-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('the console’s messages for the gateway’s error codes', () => {
  it('has a title for every code a service or the gateway raises as a typed error', () => {
    const raised = new Set<string>();
    for (const folder of ['services', 'packages', 'gateway/src'].map((part) => join(ROOT, part))) {
      for (const file of sources(folder)) {
        for (const match of readFileSync(file, 'utf8').matchAll(/(?:super|new DomainError)\(\s*'([A-Z][A-Z_]+)'/g)) raised.add(match[1]);
      }
    }
    expect(raised.size).toBeGreaterThan(20);
    expect([...raised].filter((code) => !KNOWN_ERROR_CODES.includes(code)).sort()).toEqual([]);
  });
});
