import { periodsOverlap, type Period } from '@ps/effective-dating';
import { RatingLevel } from '../rating/rating.entity';
import { RatingMethod } from './rule-set.kinds';

/** One reason a rule set is refused: a stable code, where in the set, and words in both languages. */
export interface Contradiction {
  reason: string;
  path: string;
  vi: string;
  en: string;
}

/** Levels from the lowest: point bands climb in this order. */
export const LEVELS_ASCENDING: readonly RatingLevel[] = [RatingLevel.KHTNV, RatingLevel.HTNV, RatingLevel.HTT, RatingLevel.HTXS];

interface BandBounds {
  level: RatingLevel;
  from: number | null;
  to: number | null;
  condition: string | null;
}

const at = (reason: string, path: string, vi: string, en: string): Contradiction => ({ reason, path, vi, en });

/** Each level once, all four present. */
function levelContradictions(bands: readonly BandBounds[]): Contradiction[] {
  const found: Contradiction[] = [];
  for (const level of LEVELS_ASCENDING) {
    const count = bands.filter((band) => band.level === level).length;
    if (count > 1) found.push(at('BAND_LEVEL_REPEATED', 'bands', `Mức ${level} có hơn một khung`, `Level ${level} has more than one band`));
    if (count === 0) found.push(at('BAND_LEVEL_MISSING', 'bands', `Thiếu khung cho mức ${level}`, `No band for level ${level}`));
  }
  return found;
}

/**
 * Point bands must tile [0, 100]: from 0, each starting where the one below ends, the top one
 * open (null) through the maximum, levels climbing KHTNV → HTNV → HTT → HTXS.
 */
function pointContradictions(bands: readonly BandBounds[]): Contradiction[] {
  if (bands.some((band) => band.from === null)) {
    return [at('BAND_BOUNDS_MISSING', 'bands', 'Khung điểm phải có điểm từ', 'Point bands need a lower bound')];
  }
  const sorted = [...bands].sort((a, b) => (a.from ?? 0) - (b.from ?? 0));
  const found: Contradiction[] = [];
  let reached = 0;
  sorted.forEach((band, index) => {
    const from = band.from ?? 0;
    const upper = band.to ?? 100;
    if (band.to !== null && band.to <= from) found.push(at('BAND_EMPTY', 'bands', `Khung ${band.level} rỗng (${from}–${band.to})`, `Band ${band.level} is empty (${from}–${band.to})`));
    if (from > reached) found.push(at('BANDS_GAP', 'bands', `Khoảng điểm ${reached}–${from} không thuộc mức nào`, `Points ${reached}–${from} belong to no level`));
    if (from < reached) found.push(at('BANDS_OVERLAP', 'bands', `Khung ${band.level} chồng lên khung dưới (${from} < ${reached})`, `Band ${band.level} overlaps the one below (${from} < ${reached})`));
    if (band.to === null && index < sorted.length - 1) found.push(at('BANDS_OVERLAP', 'bands', `Khung ${band.level} không giới hạn trên nhưng chưa phải khung cao nhất`, `Band ${band.level} is open-ended but not the top band`));
    if (index > 0 && LEVELS_ASCENDING.indexOf(band.level) <= LEVELS_ASCENDING.indexOf(sorted[index - 1].level)) {
      found.push(at('BANDS_OUT_OF_ORDER', 'bands', `Mức ${band.level} phải cao hơn mức của khung dưới`, `Level ${band.level} must rank above the band below`));
    }
    reached = Math.max(reached, upper);
  });
  if (reached < 100) found.push(at('BANDS_GAP', 'bands', `Khoảng điểm ${reached}–100 không thuộc mức nào`, `Points ${reached}–100 belong to no level`));
  return found;
}

/** Qualitative levels are stated in words, without points. */
function qualitativeContradictions(bands: readonly BandBounds[]): Contradiction[] {
  return bands
    .filter((band) => band.condition === null || band.from !== null || band.to !== null)
    .map((band) => at('BAND_CONDITION_MISSING', 'bands', `Mức ${band.level} xếp loại định tính phải nêu điều kiện, không nêu điểm`, `Qualitative level ${band.level} needs its condition in words, no points`));
}

/** Every contradiction among a set's bands. */
export function bandContradictions(method: RatingMethod, bands: readonly BandBounds[]): Contradiction[] {
  const shapeOf = method === RatingMethod.POINTS ? pointContradictions(bands) : qualitativeContradictions(bands);
  return [...levelContradictions(bands), ...shapeOf];
}

/** A recorded set as the overlap check sees it. */
export interface SubjectPeriod extends Period {
  code: string;
  appliesTo: string;
}

/** The sets of the same subject whose period overlaps the candidate's: two sets never judge one date. */
export function periodContradictions(candidate: SubjectPeriod, recorded: readonly SubjectPeriod[]): Contradiction[] {
  return recorded
    .filter((other) => other.appliesTo === candidate.appliesTo && periodsOverlap(other, candidate))
    .map((other) =>
      at(
        'PERIOD_OVERLAP',
        'validFrom',
        `Thời hạn chồng lên bộ quy tắc ${other.code} (${other.validFrom} – ${other.validTo ?? 'nay'}) cho cùng đối tượng ${candidate.appliesTo}`,
        `The period overlaps rule set ${other.code} (${other.validFrom} – ${other.validTo ?? 'open'}) for the same subject ${candidate.appliesTo}`,
      ),
    );
}
