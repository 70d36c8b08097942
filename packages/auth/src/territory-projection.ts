import { territoryReads } from '@ps/contracts';
import type { EventContract, EventEnvelope, InboxConsumer } from '@ps/events';
import type { TerritorySource } from './territory-guard';
import { applyTerritoryChanges, type TerritoryChange } from './territory-projection.writes';
import { InvariantViolation } from '@ps/errors';

/**
 * The local copy of the territory tree kept by services that do not own it, fed from the
 * owner's events: every version of every unit, one row per (code, valid_from), with
 * `valid_to` (exclusive, null while current), the ltree `path`, `name`, `tier` and
 * `parent_code`. The guard reads it.
 */
export const TERRITORY_PROJECTION: TerritorySource = { table: 'territory_unit', codeColumn: 'code', pathColumn: 'path' };

/** What an event states, before the time it was stated. */
type UnstatedChange = Omit<TerritoryChange, 'statedAt'>;

/** How the events of one contract change the projection. */
interface TerritoryEventReading {
  contract: EventContract<unknown, unknown>;
  change: (payload: unknown) => UnstatedChange;
}

function reading<Payload>(contract: EventContract<Payload, unknown>, change: (payload: Payload) => UnstatedChange): TerritoryEventReading {
  // The consumer parsed the payload with this very contract before handing the event over.
  return { contract, change: (payload) => change(payload as Payload) };
}

const TERRITORY_EVENTS: readonly TerritoryEventReading[] = [
  reading(territoryReads.unitCreated, (unit) => ({ versions: [unit] })),
  reading(territoryReads.unitsMerged, ({ predecessors, successor, rehomed, effectiveDate }) => ({
    ended: { codes: predecessors.filter((code) => code !== successor.code), on: effectiveDate },
    versions: [successor, ...rehomed],
  })),
  reading(territoryReads.unitSplit, ({ predecessor, successors, rehomed, effectiveDate }) => ({
    // the predecessor may live on as one of its successors
    ended: { codes: successors.some((unit) => unit.code === predecessor) ? [] : [predecessor], on: effectiveDate },
    versions: [...successors, ...rehomed],
  })),
  reading(territoryReads.unitDissolved, ({ code, closed, rehomed, effectiveDate }) => ({
    ended: { codes: [code, ...closed], on: effectiveDate },
    versions: rehomed,
  })),
  reading(territoryReads.unitMoved, ({ unit, rehomed }) => ({ versions: [unit, ...rehomed] })),
  reading(territoryReads.unitRenamed, ({ unit }) => ({ versions: [unit] })),
  reading(territoryReads.boundaryAdjusted, ({ rehomed }) => ({ versions: rehomed })),
];

const CHANGE_OF_TYPE = new Map(TERRITORY_EVENTS.map(({ contract, change }) => [`${contract.type}@${contract.version}`, change]));

/**
 * Keeps `territory_unit` in step with the organization's events, read through the
 * projection's views in `@ps/contracts`: units created, merged, split, dissolved, moved,
 * renamed, and boundaries adjusted. Each run of consecutive events is applied at once, with a
 * few statements whatever its length. Delivery order does not matter, and a redelivery
 * changes nothing.
 */
export function projectTerritory(consumer: InboxConsumer): InboxConsumer {
  return consumer.onBatch(
    TERRITORY_EVENTS.map(({ contract }) => contract),
    (events, manager) => applyTerritoryChanges(manager, events.map((event) => ({ ...changeOf(event), statedAt: event.occurredAt }))),
  );
}

function changeOf(event: EventEnvelope): UnstatedChange {
  const change = CHANGE_OF_TYPE.get(`${event.type}@${event.version}`);
  // Only the registered contracts reach the handler: a miss is a programming error.
  if (!change) throw new InvariantViolation(`no territory change is read from ${event.type}@${event.version}`);
  return change(event.payload);
}
