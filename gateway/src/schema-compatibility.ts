import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema, type GraphQLSchema } from 'graphql';
import type { BreakingChangeDeclaration } from './schema-declarations';
import { isDeprecated } from './schema-deprecation';
import { SchemaReleaseError } from './schema-release.errors';
import type { SchemaRelease } from './schema-releases';

/** How long a coordinate stays `@deprecated` in released schemas before a breaking change to it may ship. */
export const MIN_DEPRECATION_DAYS = 90;

export interface RefusedChange {
  change: Change;
  why: string;
}

export interface AcceptedChange {
  change: Change;
  declaration: BreakingChangeDeclaration;
}

/** The changes since the last release, judged: only `refused` fails the check. */
export interface CompatibilityVerdict {
  since: SchemaRelease;
  refused: RefusedChange[];
  accepted: AcceptedChange[];
  dangerous: Change[];
  safe: Change[];
  /** Declarations that match no breaking change (harmless, usually already released). */
  unused: BreakingChangeDeclaration[];
}

interface JudgeContext {
  releases: readonly SchemaRelease[];
  declarations: readonly BreakingChangeDeclaration[];
  /** YYYY-MM-DD */
  today: string;
  schemaOf: (release: SchemaRelease) => GraphQLSchema;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const matches = (change: Change, declaration: BreakingChangeDeclaration) =>
  declaration.coordinate === change.path && declaration.change === change.type;

/** The template to paste into breaking-changes.json for `change`. */
export function declarationTemplate(change: Change, since: string): string {
  return JSON.stringify({ coordinate: change.path, change: change.type, reason: '…', deprecatedSince: since, removableAfter: 'YYYY-MM-DD' });
}

function undeclared(change: Change): string {
  return [
    `not declared. Keep the old shape (add the new one beside it), or mark`,
    `    \`${change.path}\` @deprecated(reason: "…"), release it, wait ${MIN_DEPRECATION_DAYS} days, then declare the change in`,
    `    gateway/schema/breaking-changes.json "declared": ${declarationTemplate(change, '<the release that deprecated it>')}`,
  ].join('\n');
}

/** Why a declared breaking change may not ship yet, or undefined when its deprecation period has passed. */
function refusalOfDeclared(declaration: BreakingChangeDeclaration, context: JudgeContext): string | undefined {
  const last = context.releases[context.releases.length - 1];
  const since = context.releases.find((release) => release.version === declaration.deprecatedSince);
  const coordinate = declaration.coordinate;
  if (!since || !last) return `declared deprecatedSince ${declaration.deprecatedSince} is not a released version (released: ${context.releases.map((release) => release.version).join(', ')})`;
  for (const release of [since, last]) {
    if (!isDeprecated(context.schemaOf(release), coordinate)) {
      return `declared, but \`${coordinate}\` is not @deprecated in release ${release.version}: deprecate it in a release first and wait ${MIN_DEPRECATION_DAYS} days`;
    }
  }
  const earliest = addDays(since.date, MIN_DEPRECATION_DAYS);
  if (declaration.removableAfter < earliest) return `declared removableAfter ${declaration.removableAfter} is less than ${MIN_DEPRECATION_DAYS} days after ${since.version} (released ${since.date}); the earliest is ${earliest}`;
  if (context.today < declaration.removableAfter) return `declared, but its deprecation period runs until ${declaration.removableAfter} (today is ${context.today})`;
  return undefined;
}

/** Sorts the changes by criticality and judges each breaking one against the declarations (a pure rule). */
export function judgeChanges(changes: readonly Change[], context: JudgeContext): CompatibilityVerdict {
  const since = context.releases[context.releases.length - 1];
  if (!since) throw new SchemaReleaseError('SCHEMA_RELEASE_MISSING', { vi: 'Chưa có lược đồ nào được phát hành', en: 'no released schema to compare with' });
  const level = (wanted: CriticalityLevel) => changes.filter((change) => change.criticality.level === wanted);
  const verdict: CompatibilityVerdict = { since, refused: [], accepted: [], dangerous: level(CriticalityLevel.Dangerous), safe: level(CriticalityLevel.NonBreaking), unused: [] };
  const breaking = level(CriticalityLevel.Breaking);
  for (const change of breaking) {
    const declaration = context.declarations.find((candidate) => matches(change, candidate));
    const why = declaration ? refusalOfDeclared(declaration, context) : undeclared(change);
    if (why !== undefined) verdict.refused.push({ change, why });
    else if (declaration) verdict.accepted.push({ change, declaration });
  }
  verdict.unused = context.declarations.filter((declaration) => !breaking.some((change) => matches(change, declaration)));
  return verdict;
}

/** Builds each release's schema once. */
function releasedSchemas(): (release: SchemaRelease) => GraphQLSchema {
  const cache = new Map<string, GraphQLSchema>();
  return (release) => {
    const schema = cache.get(release.version) ?? buildSchema(release.sdl);
    cache.set(release.version, schema);
    return schema;
  };
}

/** Diffs `currentSdl` (the client-facing API schema) against the last release and judges the changes. */
export async function checkCompatibility(
  currentSdl: string,
  releases: readonly SchemaRelease[],
  declarations: readonly BreakingChangeDeclaration[],
  today: string,
): Promise<CompatibilityVerdict> {
  const schemaOf = releasedSchemas();
  const last = releases[releases.length - 1];
  const changes = last ? await diff(schemaOf(last), buildSchema(currentSdl)) : [];
  return judgeChanges(changes, { releases, declarations, today, schemaOf });
}
