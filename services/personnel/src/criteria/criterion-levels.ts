import { PoliticalTheoryLevel, ProfessionalLevel } from '../person/person-qualifications.kinds';

/** Trình độ chuyên môn, lowest first (the e-file's `ProfessionalLevel`): a criterion's level is met by it and every level after it. */
export const EDUCATION_LEVELS: LevelScale = [
  { code: ProfessionalLevel.ELEMENTARY, vi: 'Sơ cấp', en: 'elementary' },
  { code: ProfessionalLevel.INTERMEDIATE, vi: 'Trung cấp', en: 'vocational' },
  { code: ProfessionalLevel.COLLEGE, vi: 'Cao đẳng', en: 'college' },
  { code: ProfessionalLevel.BACHELOR, vi: 'Đại học', en: 'bachelor' },
  { code: ProfessionalLevel.MASTER, vi: 'Thạc sĩ', en: 'master' },
  { code: ProfessionalLevel.DOCTORATE, vi: 'Tiến sĩ', en: 'doctorate' },
];

/** Trình độ lý luận chính trị, lowest first (the e-file's `PoliticalTheoryLevel`); a bachelor's degree in it counts as advanced. */
export const POLITICAL_THEORY_LEVELS: LevelScale = [
  { code: PoliticalTheoryLevel.ELEMENTARY, vi: 'Sơ cấp', en: 'elementary' },
  { code: PoliticalTheoryLevel.INTERMEDIATE, vi: 'Trung cấp', en: 'intermediate' },
  { code: PoliticalTheoryLevel.ADVANCED, vi: 'Cao cấp', en: 'advanced' },
  { code: PoliticalTheoryLevel.BACHELOR, vi: 'Cử nhân', en: 'bachelor', rank: 2 },
];

/** A scale of levels; `rank` when two levels stand equal (else the position). */
export type LevelScale = ReadonlyArray<{ code: string; vi: string; en: string; rank?: number }>;

/** A level's rank on its scale (-1 when the scale does not know it) and its names. */
export function levelOf(scale: LevelScale, code: string): { rank: number; vi: string; en: string } {
  const index = scale.findIndex((level) => level.code === code);
  if (index < 0) return { rank: -1, vi: code, en: code };
  const { vi, en, rank } = scale[index];
  return { rank: rank ?? index, vi, en };
}
