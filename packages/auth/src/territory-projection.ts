import { territoryReads } from '@ps/contracts';
import { isOpenVersion } from '@ps/effective-dating';
import type { InboxConsumer } from '@ps/events';
import type { TerritorySource } from './territory-guard';
import { applyTerritoryChange } from './territory-projection.writes';

/**
 * SQL: the row of `alias` is its unit's current version (the open one), the one reads
 * without a date scope by.
 */
export function currentTerritoryVersion(alias: string): string {
  return isOpenVersion(alias);
}

/**
 * The local copy of the territory tree kept by services that do not own it, fed from the
 * owner's events: every version of every unit, one row per (code, valid_from), with
 * `valid_to` (exclusive, null while current), the ltree `path`, `name`, `tier` and
 * `parent_code`. The guard reads it.
 */
export const TERRITORY_PROJECTION: TerritorySource = {
  table: 'territory_unit',
  codeColumn: 'code',
  pathColumn: 'path',
  currentCondition: currentTerritoryVersion,
  validFromColumn: 'valid_from',
};

/**
 * Keeps `territory_unit` in step with the organization's events, read through the
 * projection's views in `@ps/contracts`: units created, merged, split, dissolved, moved,
 * renamed, and boundaries adjusted. Delivery order does not matter, and a redelivery
 * changes nothing.
 */
export function projectTerritory(consumer: InboxConsumer): InboxConsumer {
  return consumer
    .on(territoryReads.unitCreated, (event, manager) =>
      applyTerritoryChange(manager, { versions: [event.payload], statedAt: event.occurredAt }),
    )
    .on(territoryReads.unitsMerged, (event, manager) => {
      const { predecessors, successor, rehomed, effectiveDate } = event.payload;
      return applyTerritoryChange(manager, {
        ended: { codes: predecessors.filter((code) => code !== successor.code), on: effectiveDate },
        versions: [successor, ...rehomed],
        statedAt: event.occurredAt,
      });
    })
    .on(territoryReads.unitSplit, (event, manager) => {
      const { predecessor, successors, rehomed, effectiveDate } = event.payload;
      const livesOn = successors.some((successor) => successor.code === predecessor);
      return applyTerritoryChange(manager, {
        ended: { codes: livesOn ? [] : [predecessor], on: effectiveDate },
        versions: [...successors, ...rehomed],
        statedAt: event.occurredAt,
      });
    })
    .on(territoryReads.unitDissolved, (event, manager) => {
      const { code, closed, effectiveDate } = event.payload;
      return applyTerritoryChange(manager, {
        ended: { codes: [code, ...closed], on: effectiveDate },
        versions: [],
        statedAt: event.occurredAt,
      });
    })
    .on(territoryReads.unitMoved, (event, manager) =>
      applyTerritoryChange(manager, { versions: [event.payload.unit, ...event.payload.rehomed], statedAt: event.occurredAt }),
    )
    .on(territoryReads.unitRenamed, (event, manager) =>
      applyTerritoryChange(manager, { versions: [event.payload.unit], statedAt: event.occurredAt }),
    )
    .on(territoryReads.boundaryAdjusted, (event, manager) =>
      applyTerritoryChange(manager, { versions: event.payload.rehomed, statedAt: event.occurredAt }),
    );
}
