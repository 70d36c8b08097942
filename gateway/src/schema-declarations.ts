import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SchemaReleaseError } from './schema-release.errors';
import { SCHEMA_DIR, VERSION_PATTERN } from './schema-releases';

/** The breaking changes the team has declared, each after a deprecation period (see README, "Schema changes"). */
export const BREAKING_CHANGES_FILE = join(SCHEMA_DIR, 'breaking-changes.json');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const breakingChangeDeclarationSchema = z
  .object({
    /** Schema coordinate of what changes: `Type`, `Type.field`, `Type.field.argument` or `Enum.VALUE`. */
    coordinate: z.string().regex(/^[_A-Za-z][_0-9A-Za-z]*(\.[_A-Za-z][_0-9A-Za-z]*){0,2}$/, 'a schema coordinate, e.g. Person.birthYear'),
    /** The change as GraphQL Inspector names it, e.g. FIELD_REMOVED. */
    change: z.string().regex(/^[A-Z_]+$/, 'a change type, e.g. FIELD_REMOVED'),
    reason: z.string().min(1),
    /** The release whose schema first marked the coordinate `@deprecated`. */
    deprecatedSince: z.string().regex(VERSION_PATTERN, 'a released version, e.g. 0.1.0'),
    /** The day from which the change may ship: at least the deprecation period after `deprecatedSince`. */
    removableAfter: isoDate,
  })
  .strict();

export type BreakingChangeDeclaration = z.infer<typeof breakingChangeDeclarationSchema>;

const fileSchema = z.object({ $comment: z.string().optional(), declared: z.array(breakingChangeDeclarationSchema) }).strict();

const COMMENT = 'Breaking changes of the API schema, each allowed only after its deprecation period; see README, "Schema changes and client apps".';

/** The declarations in `file` (none when it does not exist), validated; what is wrong is named. */
export function readDeclarations(file = BREAKING_CHANGES_FILE): BreakingChangeDeclaration[] {
  if (!existsSync(file)) return [];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    json = { unreadable: error instanceof Error ? error.message : String(error) };
  }
  const parsed = fileSchema.safeParse(json);
  if (parsed.success) return parsed.data.declared;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
  throw new SchemaReleaseError(
    'SCHEMA_DECLARATIONS_INVALID',
    { vi: `Tệp khai báo thay đổi phá vỡ ${file} không hợp lệ: ${issues.join('; ')}`, en: `the breaking-change declarations are invalid` },
    { file, issues },
  );
}

export function writeDeclarations(declared: readonly BreakingChangeDeclaration[], file = BREAKING_CHANGES_FILE): void {
  writeFileSync(file, `${JSON.stringify({ $comment: COMMENT, declared }, null, 2)}\n`);
}
