import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SchemaReleaseError } from './schema-release.errors';
import { GATEWAY_ROOT } from './subgraphs';

/** Where the released API schemas, the declared breaking changes and the changelog live. */
export const SCHEMA_DIR = join(GATEWAY_ROOT, 'schema');
export const RELEASES_DIR = join(SCHEMA_DIR, 'releases');

/** The API schema as client apps got it in one release. */
export interface SchemaRelease {
  version: string;
  /** The day it was released (YYYY-MM-DD): deprecation periods count from it. */
  date: string;
  sdl: string;
}

export const VERSION_PATTERN = /^(\d+)\.(\d+)\.(\d+)$/;
const HEADER = /^# API schema (\S+), released (\d{4}-\d{2}-\d{2})\./;

/** Orders `major.minor.patch` versions: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => (VERSION_PATTERN.exec(version) ?? []).slice(1).map(Number);
  const [left, right] = [parts(a), parts(b)];
  return left.map((part, index) => part - (right[index] ?? 0)).find((difference) => difference !== 0) ?? 0;
}

/** The text of a release file: a header the parser ignores (version and date), then the SDL. */
export function releaseFileText(release: SchemaRelease): string {
  return `# API schema ${release.version}, released ${release.date}. Written by \`pnpm --filter @ps/gateway schema:release\`; never edit a released schema.\n${release.sdl}`;
}

function parseReleaseFile(file: string, expectedVersion: string): SchemaRelease {
  const text = readFileSync(file, 'utf8');
  const header = HEADER.exec(text);
  if (!header || header[1] !== expectedVersion) {
    throw new SchemaReleaseError(
      'SCHEMA_RELEASE_UNREADABLE',
      { vi: `Tệp lược đồ đã phát hành ${file} thiếu dòng đầu "# API schema ${expectedVersion}, released YYYY-MM-DD."`, en: `the released schema ${file} lacks its header line` },
      { file },
    );
  }
  return { version: expectedVersion, date: header[2], sdl: text.slice(text.indexOf('\n') + 1) };
}

/** Every release in `dir` (`<version>.graphql`), oldest first. */
export function readReleases(dir = RELEASES_DIR): SchemaRelease[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => /^(.+)\.graphql$/.exec(name)?.[1])
    .filter((version): version is string => version !== undefined && VERSION_PATTERN.test(version))
    .sort(compareVersions)
    .map((version) => parseReleaseFile(join(dir, `${version}.graphql`), version));
}

export function writeRelease(release: SchemaRelease, dir = RELEASES_DIR): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${release.version}.graphql`);
  writeFileSync(file, releaseFileText(release));
  return file;
}

/** Today in UTC as YYYY-MM-DD, the calendar releases and deprecation periods are counted in. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Refuses a version that is not `major.minor.patch` or not above the last release. */
export function assertNextVersion(version: string, releases: readonly SchemaRelease[]): void {
  const last = releases[releases.length - 1];
  if (VERSION_PATTERN.test(version) && (!last || compareVersions(version, last.version) > 0)) return;
  throw new SchemaReleaseError(
    'SCHEMA_VERSION_INVALID',
    { vi: `Phiên bản "${version}" phải có dạng major.minor.patch và lớn hơn bản đã phát hành ${last?.version ?? ''}`.trim(), en: `version "${version}" must be major.minor.patch and above the last release ${last?.version ?? ''}`.trim() },
    { version, last: last?.version },
  );
}
