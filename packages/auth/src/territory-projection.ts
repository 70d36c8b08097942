import { territoryReads } from '@ps/contracts';
import type { EventHandler, InboxConsumer } from '@ps/events';
import type { TerritorySource } from './territory-guard';
import { applyTerritoryChange, type TerritoryChange } from './territory-projection.writes';

/**
 * The local copy of the territory tree kept by services that do not own it, fed from the
 * owner's events: every version of every unit, one row per (code, valid_from), with
 * `valid_to` (exclusive, null while current), the ltree `path`, `name`, `tier` and
 * `parent_code`. The guard reads it.
 */
export const TERRITORY_PROJECTION: TerritorySource = { table: 'territory_unit', codeColumn: 'code', pathColumn: 'path' };

/**
 * Keeps `territory_unit` in step with the organization's events, read through the
 * projection's views in `@ps/contracts`: units created, merged, split, dissolved, moved,
 * renamed, and boundaries adjusted. Delivery order does not matter, and a redelivery
 * changes nothing.
 */
export function projectTerritory(consumer: InboxConsumer): InboxConsumer {
  return consumer
    .on(territoryReads.unitCreated, applying((unit) => ({ versions: [unit] })))
    .on(
      territoryReads.unitsMerged,
      applying(({ predecessors, successor, rehomed, effectiveDate }) => ({
        ended: { codes: predecessors.filter((code) => code !== successor.code), on: effectiveDate },
        versions: [successor, ...rehomed],
      })),
    )
    .on(
      territoryReads.unitSplit,
      applying(({ predecessor, successors, rehomed, effectiveDate }) => ({
        // the predecessor may live on as one of its successors
        ended: { codes: successors.some((unit) => unit.code === predecessor) ? [] : [predecessor], on: effectiveDate },
        versions: [...successors, ...rehomed],
      })),
    )
    .on(
      territoryReads.unitDissolved,
      applying(({ code, closed, rehomed, effectiveDate }) => ({ ended: { codes: [code, ...closed], on: effectiveDate }, versions: rehomed })),
    )
    .on(territoryReads.unitMoved, applying(({ unit, rehomed }) => ({ versions: [unit, ...rehomed] })))
    .on(territoryReads.unitRenamed, applying(({ unit }) => ({ versions: [unit] })))
    .on(territoryReads.boundaryAdjusted, applying(({ rehomed }) => ({ versions: rehomed })));
}

/** A handler that applies the change an event's payload describes, stated when the event occurred. */
function applying<Payload>(change: (payload: Payload) => Omit<TerritoryChange, 'statedAt'>): EventHandler<Payload> {
  return (event, manager) => applyTerritoryChange(manager, { ...change(event.payload), statedAt: event.occurredAt });
}
