import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CriticalityLevel, type Change } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';
import type { AcceptedChange } from './schema-compatibility';
import { deprecationReason } from './schema-deprecation';
import { SCHEMA_DIR } from './schema-releases';

export const CHANGELOG_FILE = join(SCHEMA_DIR, 'CHANGELOG.md');

const TITLE = [
  '# API schema changelog',
  '',
  'What changed for client apps in each release of the gateway’s API schema, newest first. Written by',
  '`pnpm --filter @ps/gateway schema:release <version>` from the difference with the release before; the',
  'schemas themselves are in `releases/`, the reference of the current one in `../API.md`.',
  '',
].join('\n');

const SECTIONS = ['Added', 'Deprecated', 'Removed', 'Changed'] as const;
type Section = (typeof SECTIONS)[number];

/** Where a change goes; undefined for the directive-usage changes that repeat a deprecation. */
export function sectionOf(change: Change): Section | undefined {
  if (change.type.startsWith('DIRECTIVE_USAGE_')) return undefined;
  if (/DEPRECATION(_REASON)?_ADDED$/.test(change.type)) return 'Deprecated';
  if (/DESCRIPTION|DEPRECATION/.test(change.type)) return 'Changed';
  if (change.type.endsWith('_ADDED')) return 'Added';
  if (change.type.endsWith('_REMOVED')) return 'Removed';
  return 'Changed';
}

const coordinateOf = (change: Change) => (change.path ?? '').replace(/\.@deprecated.*$/, '');

function entry(change: Change, current: GraphQLSchema, accepted: readonly AcceptedChange[]): string {
  const coordinate = coordinateOf(change);
  const text = [`- \`${coordinate || '(schema)'}\`: ${change.message}`];
  const reason = sectionOf(change) === 'Deprecated' ? deprecationReason(current, coordinate) : undefined;
  if (reason) text.push(` — ${reason}`);
  const declared = accepted.find((candidate) => candidate.change === change)?.declaration;
  if (declared) text.push(` — **breaking**, deprecated since ${declared.deprecatedSince}: ${declared.reason}`);
  if (change.criticality.level === CriticalityLevel.Dangerous) text.push(` — dangerous${change.criticality.reason ? `: ${change.criticality.reason}` : ''}`);
  return text.join('');
}

export interface ChangelogRelease {
  version: string;
  date: string;
  /** The version compared with; none for the first release. */
  previous?: string;
  changes: readonly Change[];
  accepted: readonly AcceptedChange[];
  current: GraphQLSchema;
}

/** One release's section: added / deprecated / removed / changed, one line per schema coordinate. */
export function changelogSection(release: ChangelogRelease): string {
  const out = [`## ${release.version} — ${release.date}`, ''];
  if (!release.previous) {
    const count = (fields: object | undefined) => Object.keys(fields ?? {}).length;
    out.push(`First released schema: ${count(release.current.getQueryType()?.getFields())} queries, ${count(release.current.getMutationType()?.getFields())} mutations, ${Object.keys(release.current.getTypeMap()).filter((name) => !name.startsWith('__')).length} types.`, '');
    return out.join('\n');
  }
  out.push(`Compared with ${release.previous}.`, '');
  for (const section of SECTIONS) {
    const lines = [...new Set(release.changes.filter((change) => sectionOf(change) === section).map((change) => entry(change, release.current, release.accepted)))];
    if (lines.length > 0) out.push(`### ${section}`, '', ...lines.sort(), '');
  }
  if (out.length === 4) out.push('No change to the schema.', '');
  return out.join('\n');
}

/** Puts `section` above the older releases in `file` (created with its title when missing). */
export function prependToChangelog(section: string, file = CHANGELOG_FILE): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : TITLE;
  const at = text.indexOf('\n## ');
  const head = `${(at < 0 ? text : text.slice(0, at)).trimEnd()}\n`;
  const older = at < 0 ? '' : `\n${text.slice(at + 1)}`;
  writeFileSync(file, `${head}\n${section}${older}`);
}
