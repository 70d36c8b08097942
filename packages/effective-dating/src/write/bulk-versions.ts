import { InvariantViolation } from '@ps/errors';
import type { DataSource, EntityTarget } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EffectiveVersion } from '../dated-record';
import type { DatedWrite } from './dated-write';

/** Rows per statement: each column travels as one array parameter, so a batch is bounded by size, not by bind parameters. */
export const BULK_BATCH_ROWS = 5_000;

/**
 * Inserts the first versions of many new things, as {@link insertVersion} does one: in force
 * from the write's date (or the date a row states), with the write's reason, decision and
 * actor. One multi-row `INSERT … SELECT FROM unnest(…)` per batch, one array per column.
 */
export async function insertVersions<T extends EffectiveVersion>(
  write: DatedWrite,
  target: EntityTarget<T>,
  rows: ReadonlyArray<Partial<T>>,
  batchRows: number = BULK_BATCH_ROWS,
): Promise<void> {
  if (rows.length === 0) return;
  const started: Partial<EffectiveVersion> = {
    validFrom: write.date,
    validTo: null,
    reason: write.change.reason,
    decisionId: write.change.decision.id,
    createdBy: write.actor.userId,
  };
  const versions = rows.map((row) => ({ ...started, ...row }) as Record<string, unknown>);
  const statement = bulkInsertStatement(write, target, [...new Set(versions.flatMap((version) => Object.keys(version)))]);
  for (let start = 0; start < versions.length; start += batchRows) {
    const batch = versions.slice(start, start + batchRows);
    await write.manager.query(
      statement.sql,
      statement.properties.map((property) => batch.map((version) => version[property] ?? null)),
    );
  }
}

/** `INSERT INTO t (a, b) SELECT * FROM unnest($1::uuid[], $2::text[])` over the entity's columns named by `properties`. */
function bulkInsertStatement<T extends EffectiveVersion>(write: DatedWrite, target: EntityTarget<T>, properties: string[]) {
  const { connection } = write.manager;
  const metadata = connection.getMetadata(target);
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new InvariantViolation(`insertVersions: ${metadata.name} has no column for ${property}`);
    return column;
  });
  const names = columns.map((column) => connection.driver.escape(column.databaseName)).join(', ');
  const arrays = columns.map((column, index) => `$${index + 1}::${arrayType(connection, column)}`).join(', ');
  return { sql: `INSERT INTO ${connection.driver.escape(metadata.tablePath)} (${names}) SELECT * FROM unnest(${arrays})`, properties };
}

/** The SQL array type of a column's values (`uuid[]`, `date[]`, `text[]`): arrays bound as parameters compare in the column's own type. */
export function arrayType(connection: DataSource, column: ColumnMetadata): string {
  return `${connection.driver.normalizeType(column)}[]`;
}
