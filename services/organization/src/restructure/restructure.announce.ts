import type { DatedWrite } from '@ps/effective-dating';
import type { AdministrativeUnit } from '../unit/unit.entity';
import { unitSnapshot } from '../unit/unit.events';

/** A unit version as restructuring events carry it, with the write's decision. */
export function snapshotOf(write: DatedWrite, unit: AdministrativeUnit) {
  return unitSnapshot(unit, write.change.decision);
}

/** Effective date, reason and decision, as every restructuring event states them. */
export function announceFacts(write: DatedWrite) {
  return write.facts;
}
