import { NotFoundError, NotInForceError, OutsideTerritoryError } from '@ps/errors';
import type { Period } from './validity';

/**
 * One version of the thing asked for, as the owner's single access query sees it: in force on
 * the date asked or not, inside the caller's territory that day, and inside it while the
 * version was in force (its last day, or its first when it starts after the date).
 */
export interface Sighting<T extends Period> {
  version: T;
  inForce: boolean;
  visible: boolean;
  visibleWhileInForce: boolean;
}

/** What a caller may learn about a thing on a date. */
export type Access<T extends Period> =
  | { state: 'VISIBLE'; version: T }
  | { state: 'OUTSIDE_TERRITORY'; version: T }
  | { state: 'NOT_IN_FORCE'; before: T | null; after: T | null }
  | { state: 'ABSENT' };

/**
 * Visible when a version in force on the date lies inside the territory; outside the territory
 * when one is in force elsewhere; not in force when none is, told only to a caller who could
 * see it while it was in force (or to whom `revealed` says it may be told, e.g. because a
 * successor lies in their territory), otherwise outside the territory; absent when it never was.
 */
export function classifyAccess<T extends Period>(sightings: ReadonlyArray<Sighting<T>>, date: string, revealed = false): Access<T> {
  if (sightings.length === 0) return { state: 'ABSENT' };
  const current = sightings.filter((sighting) => sighting.inForce);
  const visible = current.find((sighting) => sighting.visible);
  if (visible) return { state: 'VISIBLE', version: visible.version };
  if (current.length > 0) return { state: 'OUTSIDE_TERRITORY', version: current[0].version };
  if (!revealed && !sightings.some((sighting) => sighting.visibleWhileInForce)) {
    return { state: 'OUTSIDE_TERRITORY', version: sightings[0].version };
  }
  const versions = sightings.map((sighting) => sighting.version);
  const ended = versions.filter((version) => version.validTo !== null && version.validTo <= date);
  const later = versions.filter((version) => version.validFrom > date);
  return {
    state: 'NOT_IN_FORCE',
    before: ended.sort((a, b) => (b.validTo ?? '').localeCompare(a.validTo ?? ''))[0] ?? null,
    after: later.sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0] ?? null,
  };
}

/** How errors name the thing: its noun, what the caller asked by, and a label for a version. */
export interface AccessSubject<T> {
  noun: { vi: string; en: string };
  /** What the caller named it by (a code; an id is never echoed in a message). */
  asked: string | null;
  label: (version: T) => string;
  /** Said after "not in force", e.g. what replaced it. */
  afterwards?: { vi: string; en: string };
  details?: Record<string, unknown>;
}

/**
 * The visible version, or the one typed error for the condition, the same in every query and
 * mutation: NOT_FOUND (never existed), NOT_IN_FORCE (not on that date; says when it was),
 * FORBIDDEN (outside the caller's territory; says nothing more).
 */
export function requireVisible<T extends Period>(access: Access<T>, date: string, subject: AccessSubject<T>): T {
  switch (access.state) {
    case 'VISIBLE':
      return access.version;
    case 'ABSENT': {
      const asked = subject.asked ? ` ${subject.asked}` : '';
      throw new NotFoundError(`Không có ${subject.noun.vi}${asked}`, `No ${subject.noun.en}${asked}`, { ...subject.details });
    }
    case 'OUTSIDE_TERRITORY':
      throw new OutsideTerritoryError(subject.label(access.version), { ...subject.details, date });
    case 'NOT_IN_FORCE':
      throw notInForce(access, date, subject);
  }
}

function notInForce<T extends Period>(access: Extract<Access<T>, { state: 'NOT_IN_FORCE' }>, date: string, subject: AccessSubject<T>): Error {
  const { before, after } = access;
  const label = subject.label((before ?? after) as T);
  const ended = before ? { vi: `, đã hết hiệu lực từ ${before.validTo}`, en: `; it ended on ${before.validTo}` } : { vi: '', en: '' };
  const starts = after ? { vi: `, có hiệu lực từ ${after.validFrom}`, en: `; it is in force from ${after.validFrom}` } : { vi: '', en: '' };
  const then = subject.afterwards ?? { vi: '', en: '' };
  return new NotInForceError(
    `${label} không có hiệu lực vào ngày ${date}${ended.vi}${starts.vi}${then.vi}`,
    `${label} is not in force on ${date}${ended.en}${starts.en}${then.en}`,
    { ...subject.details, date, endedOn: before?.validTo ?? null, startsOn: after?.validFrom ?? null },
  );
}
