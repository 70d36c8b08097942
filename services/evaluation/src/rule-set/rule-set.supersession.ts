import type { Contradiction, SubjectPeriod } from './rule-set.contradictions';

/** What superseding a set does: the set ending on the new one's first day, with its old end. */
export interface Supersession<Set extends SubjectPeriod> {
  superseded: Set;
  endedOn: string;
  previousValidTo: string | null;
}

/**
 * A new decree ends the set it replaces on the day it starts: the superseded set must be of the
 * same subject and start before the new one. Either the change, or the reasons it cannot be made.
 */
export function supersession<Set extends SubjectPeriod>(
  code: string | null,
  candidate: SubjectPeriod,
  recorded: readonly Set[],
): { change: Supersession<Set> | null; contradictions: Contradiction[] } {
  if (code === null) return { change: null, contradictions: [] };
  const superseded = recorded.find((set) => set.code === code && set.appliesTo === candidate.appliesTo);
  if (!superseded) {
    return { change: null, contradictions: [{ reason: 'SUPERSEDED_UNKNOWN', path: 'supersedes', vi: `Không có bộ quy tắc ${code} cho ${candidate.appliesTo} để thay thế`, en: `No rule set ${code} for ${candidate.appliesTo} to supersede` }] };
  }
  if (superseded.validFrom >= candidate.validFrom) {
    return {
      change: null,
      contradictions: [{
        reason: 'SUPERSEDED_STARTS_LATER', path: 'supersedes',
        vi: `Bộ quy tắc ${code} bắt đầu ${superseded.validFrom}, không sớm hơn bộ mới (${candidate.validFrom})`,
        en: `Rule set ${code} starts on ${superseded.validFrom}, not before the new one (${candidate.validFrom})`,
      }],
    };
  }
  return { change: { superseded: { ...superseded, validTo: candidate.validFrom }, endedOn: candidate.validFrom, previousValidTo: superseded.validTo }, contradictions: [] };
}
