import { UnitCreated, UnitDissolved, UnitSplit, UnitsMerged } from '@ps/contracts';
import { recordEvents, type EventContract, type EventMetadata } from '@ps/events';
import type { EntityManager } from 'typeorm';
import { AdministrativeUnit } from '../unit/unit.entity';
import { unitSnapshot } from '../unit/unit.events';
import type { Merge, Split } from './reorganization.plan';
import { inBatches, TERRITORY_LOAD_ACTOR } from './unit-version.repository';
import type { NewVersion } from './version.plan';

/** Events per outbox INSERT (each envelope is a few hundred bytes of JSON). */
const EVENT_BATCH_SIZE = 2000;

type Version = Pick<NewVersion, 'code' | 'name' | 'tier' | 'parentCode' | 'path' | 'validFrom' | 'validTo'>;

/** What every event of one load shares: its transaction, and one correlation id for the whole run. */
export interface LoadAnnouncer {
  manager: EntityManager;
  correlationId: string;
}

/** A restructuring as events state it: when, why (no decision record is cited by the load). */
export interface Reorganization {
  effectiveDate: string;
  reason: string;
}

const snapshot = (version: Version) => unitSnapshot(Object.assign(new AdministrativeUnit(), version), null);

function metadata(announcer: LoadAnnouncer, aggregateId: string, unitPath: string | null): EventMetadata {
  return { aggregateId, unitPath, actor: TERRITORY_LOAD_ACTOR, correlationId: announcer.correlationId };
}

/** Records events in the load's transaction, in the given order, a batch per statement. */
async function record<Payload>(
  announcer: LoadAnnouncer,
  contract: EventContract<Payload>,
  items: ReadonlyArray<{ payload: Payload; metadata: EventMetadata }>,
): Promise<number> {
  for (const batch of inBatches(items, EVENT_BATCH_SIZE)) await recordEvents(announcer.manager, contract, batch);
  return items.length;
}

/** UnitCreated for every inserted version. */
export function announceCreated(announcer: LoadAnnouncer, versions: readonly Version[]): Promise<number> {
  return record(
    announcer,
    UnitCreated,
    versions.map((version) => ({ payload: snapshot(version), metadata: metadata(announcer, version.code, version.path) })),
  );
}

/** UnitDissolved for units that ended without a successor (districts: their communes live on elsewhere). */
export function announceDissolved(
  announcer: LoadAnnouncer,
  closed: ReadonlyArray<{ code: string; path: string }>,
  reorganization: Reorganization,
  ended: EndedOrganizations,
): Promise<number> {
  return record(
    announcer,
    UnitDissolved,
    closed.map((unit) => ({
      payload: { code: unit.code, closed: [], endedOrganizations: ended([unit.code]), ...reorganization, decision: null },
      metadata: metadata(announcer, unit.code, unit.path),
    })),
  );
}

/** Ids of the organizations that ended with the given units (restructuring events carry them). */
export type EndedOrganizations = (codes: readonly string[]) => string[];

/** The versions the events name: successors as of the effective date, predecessors as they ended. */
export interface VersionLookup {
  successor: (code: string) => Version;
  predecessorPath: (code: string) => string | null;
}

/** UnitsMerged per successor (keyed by the successor, so it precedes its UnitCreated on one partition). */
export function announceMerges(
  announcer: LoadAnnouncer,
  merges: readonly Merge[],
  versions: VersionLookup,
  reorganization: Reorganization,
  ended: EndedOrganizations,
): Promise<number> {
  return record(
    announcer,
    UnitsMerged,
    merges.map((merge) => {
      const successor = versions.successor(merge.successor);
      return {
        payload: {
          predecessors: merge.predecessors,
          successor: snapshot(successor),
          rehomed: [],
          endedOrganizations: ended(merge.predecessors),
          ...reorganization,
          decision: null,
        },
        metadata: metadata(announcer, merge.successor, successor.path),
      };
    }),
  );
}

/** UnitSplit per divided predecessor, keyed by the predecessor. */
export function announceSplits(
  announcer: LoadAnnouncer,
  splits: readonly Split[],
  versions: VersionLookup,
  reorganization: Reorganization,
  ended: EndedOrganizations,
): Promise<number> {
  return record(
    announcer,
    UnitSplit,
    splits.map((split) => ({
      payload: {
        predecessor: split.predecessor,
        successors: split.successors.map((code) => snapshot(versions.successor(code))),
        rehomed: [],
        endedOrganizations: ended([split.predecessor]),
        ...reorganization,
        decision: null,
      },
      metadata: metadata(announcer, split.predecessor, versions.predecessorPath(split.predecessor)),
    })),
  );
}
