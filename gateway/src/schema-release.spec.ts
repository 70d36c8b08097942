import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDeclarations, writeDeclarations } from './schema-declarations';
import { addDefinitions, deprecateField, firstRelease, removeField } from './schema-plant.spec-support';
import { releaseSchema, type SchemaFiles } from './schema-release';
import { readReleases } from './schema-releases';

// Composing and diffing the whole API takes seconds on a loaded CI machine.
jest.setTimeout(30_000);

const first = firstRelease();
let files: SchemaFiles;

beforeEach(() => {
  const dir = mkdtempSync(join(tmpdir(), 'schema-release-'));
  files = { releasesDir: join(dir, 'releases'), changelogFile: join(dir, 'CHANGELOG.md'), declarationsFile: join(dir, 'breaking-changes.json') };
});
afterEach(() => rmSync(join(files.releasesDir, '..'), { recursive: true, force: true }));

const changelog = () => readFileSync(files.changelogFile, 'utf8');
const deprecated = deprecateField(addDefinitions(first.sdl, 'extend type Person { name: String! }'), 'Person.fullName', 'dùng name / use name');

it('writes the first release and its changelog section', async () => {
  await releaseSchema('1.0.0', first.sdl, '2027-01-01', files);
  expect(readReleases(files.releasesDir).map(({ version, date, sdl }) => [version, date, sdl === first.sdl])).toEqual([['1.0.0', '2027-01-01', true]]);
  expect(changelog()).toMatch(/## 1\.0\.0 — 2027-01-01\n\nFirst released schema: 45 queries, 73 mutations/);
});

it('lists what was added and deprecated, newest release on top', async () => {
  await releaseSchema('1.0.0', first.sdl, '2027-01-01', files);
  await releaseSchema('1.1.0', deprecated, '2027-01-10', files);
  const text = changelog();
  expect(text.indexOf('## 1.1.0')).toBeLessThan(text.indexOf('## 1.0.0'));
  expect(text).toContain("### Added\n\n- `Person.name`: Field 'name' was added to object type 'Person'");
  expect(text).toContain("### Deprecated\n\n- `Person.fullName`: Field 'Person.fullName' is deprecated — dùng name / use name");
});

it('refuses an undeclared breaking change and writes nothing', async () => {
  await releaseSchema('1.0.0', first.sdl, '2027-01-01', files);
  const before = changelog();
  await expect(releaseSchema('2.0.0', removeField(first.sdl, 'Person.fullName'), '2027-06-01', files)).rejects.toMatchObject({
    code: 'SCHEMA_BREAKING_CHANGE',
    extensions: { details: { report: expect.stringContaining('FIELD_REMOVED') } },
  });
  expect([existsSync(join(files.releasesDir, '2.0.0.graphql')), changelog()]).toEqual([false, before]);
});

it('ships a declared removal after its period, records it as breaking and drops the declaration', async () => {
  await releaseSchema('1.0.0', first.sdl, '2027-01-01', files);
  await releaseSchema('1.1.0', deprecated, '2027-01-10', files);
  const declared = { coordinate: 'Person.fullName', change: 'FIELD_REMOVED', reason: 'thay bằng name / replaced by name', deprecatedSince: '1.1.0', removableAfter: '2027-04-10' };
  writeDeclarations([declared], files.declarationsFile);
  await releaseSchema('2.0.0', removeField(deprecated, 'Person.fullName'), '2027-04-10', files);
  expect(changelog()).toContain("### Removed\n\n- `Person.fullName`: Field 'fullName' (deprecated) was removed from object type 'Person' — **breaking**, deprecated since 1.1.0: thay bằng name");
  expect(readDeclarations(files.declarationsFile)).toEqual([]);
});

it('refuses a version that is not above the last release', async () => {
  await releaseSchema('1.0.0', first.sdl, '2027-01-01', files);
  for (const version of ['1.0.0', '0.9.9', 'v1.1']) {
    await expect(releaseSchema(version, first.sdl, '2027-01-02', files)).rejects.toMatchObject({ code: 'SCHEMA_VERSION_INVALID' });
  }
});

it('names what is wrong in the declarations file', async () => {
  await releaseSchema('1.0.0', first.sdl, '2027-01-01', files);
  writeFileSync(files.declarationsFile, JSON.stringify({ declared: [{ coordinate: 'Person.fullName', change: 'FIELD_REMOVED', reason: '', deprecatedSince: '1.0.0', removableAfter: 'soon' }] }));
  await expect(releaseSchema('1.0.1', first.sdl, '2027-01-02', files)).rejects.toMatchObject({
    code: 'SCHEMA_DECLARATIONS_INVALID',
    extensions: { details: { issues: ['declared.0.reason: Too small: expected string to have >=1 characters', 'declared.0.removableAfter: a date YYYY-MM-DD'] } },
  });
});
