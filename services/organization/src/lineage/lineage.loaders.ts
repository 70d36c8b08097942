import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { AdministrativeUnit } from '../unit/unit.entity';
import { UnitLineage, LineageLink } from './lineage.entity';
import { dayBefore } from '@ps/effective-dating';

type Side = 'predecessors' | 'successors';

/**
 * Lineage of unit versions, one query per batch: a version's predecessors are the links
 * into its code on the day it started; its successors, the links out of it on the day it ended.
 */
function lineageLoader(dataSource: DataSource, side: Side) {
  const own = side === 'predecessors' ? 'successor_code' : 'predecessor_code';
  return new DataLoader<AdministrativeUnit, LineageLink[], string>(
    async (units) => {
      const keys = units.map((unit) => ({ code: unit.code, date: side === 'predecessors' ? unit.validFrom : unit.validTo }));
      const rows = await dataSource
        .getRepository(UnitLineage)
        .createQueryBuilder('link')
        .where(`(link.${own}, link.effective_date) IN (SELECT * FROM unnest(:codes::text[], :dates::date[]))`, {
          codes: keys.map((key) => key.code),
          dates: keys.map((key) => key.date ?? '9999-12-31'),
        })
        .orderBy(side === 'predecessors' ? 'link.predecessor_code' : 'link.successor_code')
        .getMany();
      return keys.map((key) =>
        rows
          .filter((row) => (side === 'predecessors' ? row.successorCode : row.predecessorCode) === key.code && row.effectiveDate === key.date)
          .map((row) => toLink(row, side)),
      );
    },
    { cacheKeyFn: (unit) => unit.id },
  );
}

function toLink(row: UnitLineage, side: Side): LineageLink {
  return Object.assign(new LineageLink(), {
    code: side === 'predecessors' ? row.predecessorCode : row.successorCode,
    kind: row.kind,
    effectiveDate: row.effectiveDate,
    reason: row.reason,
    decisionId: row.decisionId,
    readOn: side === 'predecessors' ? dayBefore(row.effectiveDate) : row.effectiveDate,
  });
}

export function lineageLoaders(dataSource: DataSource) {
  return {
    predecessorsOf: lineageLoader(dataSource, 'predecessors'),
    successorsOf: lineageLoader(dataSource, 'successors'),
  };
}

export type LineageLoaders = ReturnType<typeof lineageLoaders>;
