/** A term lasts five years and starts in a year divisible by five (2020-2025, 2025-2030). */
const TERM_YEARS = 5;

/** The term planned for on a date: the next one, e.g. 2015-2020 on 2014-06-30 (written as the gateway reads it). */
export function plannedTermOn(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Math.floor(year / TERM_YEARS) * TERM_YEARS + TERM_YEARS;
  return `${start}-${start + TERM_YEARS}`;
}

/** True for a term as the gateway reads it: YYYY-YYYY, five years apart. */
export function isTerm(text: string): boolean {
  const match = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(text.trim());
  return match !== null && Number(match[2]) - Number(match[1]) === TERM_YEARS;
}

/**
 * The units whose planning lists may hold a person: the person's unit and those above it, up to
 * the caller's own unit (above it the caller sees nothing); all of them when the caller's unit is not among them.
 */
export function planningUnits(chain: readonly string[], callerUnitCode: string): string[] {
  const at = chain.indexOf(callerUnitCode);
  return at < 0 ? [...chain] : chain.slice(0, at + 1);
}
