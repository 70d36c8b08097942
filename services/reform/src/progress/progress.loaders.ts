import type { Principal } from '@ps/auth';
import { datedLoader } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { organizationProgressRows, unitProgressRows } from './progress.query';
import { rollUp, type ProgressRow } from './progress.rollup';
import type { ReformProgress } from './progress.types';

/** Totals of every key asked, zero for those with nothing counted inside the caller's territory. */
function totals(keys: readonly string[], rows: Map<string, ProgressRow[]>, asOf: string): Map<string, ReformProgress> {
  return new Map(keys.map((key) => [key, { key, asOf, ...rollUp(rows.get(key) ?? [], asOf) }]));
}

/** Per-request roll-ups, one statement per batch and date, for units and for organizations. */
export function progressLoaders(dataSource: DataSource, principal: Principal) {
  return {
    unitProgressOn: datedLoader<'code', ReformProgress | null>(
      'code',
      async (codes, asOf) => totals(codes, await unitProgressRows(dataSource, principal, codes, asOf), asOf),
      null,
    ),
    organizationProgressOn: datedLoader<'id', ReformProgress | null>(
      'id',
      async (ids, asOf) => totals(ids, await organizationProgressRows(dataSource, principal, ids, asOf), asOf),
      null,
    ),
  };
}

export type ProgressLoaders = ReturnType<typeof progressLoaders>;
