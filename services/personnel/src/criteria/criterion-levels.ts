/** Trình độ chuyên môn, lowest first: a criterion's level is met by it and every level after it. */
export const EDUCATION_LEVELS = [
  { code: 'HIGH_SCHOOL', vi: 'Trung học phổ thông', en: 'high school' },
  { code: 'VOCATIONAL', vi: 'Trung cấp', en: 'vocational' },
  { code: 'COLLEGE', vi: 'Cao đẳng', en: 'college' },
  { code: 'BACHELOR', vi: 'Đại học', en: 'bachelor' },
  { code: 'MASTER', vi: 'Thạc sĩ', en: 'master' },
  { code: 'DOCTOR', vi: 'Tiến sĩ', en: 'doctorate' },
] as const;

/** Trình độ lý luận chính trị, lowest first. */
export const POLITICAL_THEORY_LEVELS = [
  { code: 'ELEMENTARY', vi: 'Sơ cấp', en: 'elementary' },
  { code: 'INTERMEDIATE', vi: 'Trung cấp', en: 'intermediate' },
  { code: 'ADVANCED', vi: 'Cao cấp, cử nhân', en: 'advanced' },
] as const;

export type LevelScale = ReadonlyArray<{ code: string; vi: string; en: string }>;

/** A level's rank on its scale (-1 when the scale does not know it) and its names. */
export function levelOf(scale: LevelScale, code: string): { rank: number; vi: string; en: string } {
  const rank = scale.findIndex((level) => level.code === code);
  return rank < 0 ? { rank, vi: code, en: code } : { rank, vi: scale[rank].vi, en: scale[rank].en };
}
