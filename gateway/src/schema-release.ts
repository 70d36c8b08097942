import { buildSchema } from 'graphql';
import { CHANGELOG_FILE, changelogSection, prependToChangelog } from './schema-changelog';
import { checkCompatibility, type CompatibilityVerdict } from './schema-compatibility';
import { BREAKING_CHANGES_FILE, readDeclarations, writeDeclarations } from './schema-declarations';
import { SchemaReleaseError } from './schema-release.errors';
import { assertNextVersion, readReleases, RELEASES_DIR, writeRelease } from './schema-releases';
import { describeVerdict } from './schema-report';

/** Where a release reads and writes (the committed files; tests pass a scratch folder). */
export interface SchemaFiles {
  releasesDir: string;
  changelogFile: string;
  declarationsFile: string;
}

export const SCHEMA_FILES: SchemaFiles = { releasesDir: RELEASES_DIR, changelogFile: CHANGELOG_FILE, declarationsFile: BREAKING_CHANGES_FILE };

export interface SchemaReleaseOutcome {
  file: string;
  section: string;
  verdict?: CompatibilityVerdict;
}

function refuseBreaking(verdict: CompatibilityVerdict): never {
  throw new SchemaReleaseError(
    'SCHEMA_BREAKING_CHANGE',
    { vi: `Lược đồ có ${verdict.refused.length} thay đổi phá vỡ chưa được phép so với ${verdict.since.version}`, en: `${verdict.refused.length} breaking change(s) since ${verdict.since.version} are not allowed` },
    { report: describeVerdict(verdict) },
  );
}

/**
 * Releases `sdl` (the client-facing API schema) as `version` on `today`: refused while a breaking change is not
 * allowed; otherwise writes the release file, puts its changelog section on top and drops the declarations it used.
 */
export async function releaseSchema(version: string, sdl: string, today: string, files = SCHEMA_FILES): Promise<SchemaReleaseOutcome> {
  const releases = readReleases(files.releasesDir);
  assertNextVersion(version, releases);
  const declarations = readDeclarations(files.declarationsFile);
  const verdict = releases.length > 0 ? await checkCompatibility(sdl, releases, declarations, today) : undefined;
  if (verdict && verdict.refused.length > 0) refuseBreaking(verdict);
  const file = writeRelease({ version, date: today, sdl }, files.releasesDir);
  const accepted = verdict?.accepted ?? [];
  const changes = verdict ? [...verdict.safe, ...verdict.dangerous, ...accepted.map(({ change }) => change)] : [];
  const section = changelogSection({ version, date: today, previous: verdict?.since.version, changes, accepted, current: buildSchema(sdl) });
  prependToChangelog(section, files.changelogFile);
  if (accepted.length > 0) writeDeclarations(declarations.filter((declaration) => !accepted.some((used) => used.declaration === declaration)), files.declarationsFile);
  return { file, section, verdict };
}
