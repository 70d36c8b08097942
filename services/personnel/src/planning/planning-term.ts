import { TERM_YEARS } from './planning.rules';
import { TermFormatError } from './planning.errors';

/** A term as written ("2025-2030"): its first and last year, five years apart. */
export interface Term {
  start: number;
  end: number;
}

const TERM = /^(\d{4})\s*[-–]\s*(\d{4})$/;

export function termOf(text: string): Term {
  const match = TERM.exec(text.trim());
  const [start, end] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || end - start !== TERM_YEARS || start < 1945 || end > 2100) throw new TermFormatError(text);
  return { start, end };
}

export const termLabel = (term: Term): string => `${term.start}-${term.end}`;
