import { RatingLevel } from '../rating/rating.entity';
import { OverrideTrigger, QuotaScope, RatingMethod, RuleSubject } from './rule-set.kinds';
import type { RuleSetDraft } from './rule-set.schema';
import { pointBand, TO_VERIFY } from './rule-set.parts';

interface Regulation {
  key: string;
  document: string;
  validFrom: string;
  validTo: string | null;
}

const QD124: Regulation = {
  key: 'QD124-2023',
  document: 'Quy định 124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị',
  validFrom: '2023-10-04',
  validTo: '2025-08-30',
};
const QD366: Regulation = {
  key: 'QD366-2025',
  document: 'Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị về kiểm điểm, đánh giá, xếp loại chất lượng tập thể, cá nhân trong hệ thống chính trị',
  validFrom: '2025-08-30',
  validTo: null,
};

const SUBJECTS = {
  [RuleSubject.PARTY_MEMBER]: 'đảng viên',
  [RuleSubject.PARTY_ORGANIZATION]: 'tổ chức đảng',
} as const;

/**
 * The two regulations as DOMAIN.md states them (100 points, general 30 + tasks 70; HTXS ≥ 90
 * with every task on time and ≥ 30% exceeding; HTT 70–<90 all on time; HTNV 50–<70 with ≤ 20%
 * late; HTXS ≤ 20% of HTT per grassroots organisation). An organisation rated HTXS has no
 * disciplined sub-unit or member; a member disciplined in the year is rated KHTNV.
 */
function partyRuleSet(regulation: Regulation, appliesTo: RuleSubject.PARTY_MEMBER | RuleSubject.PARTY_ORGANIZATION): RuleSetDraft {
  const organization = appliesTo === RuleSubject.PARTY_ORGANIZATION;
  return {
    code: `${regulation.key}-${appliesTo}`,
    name: `Đánh giá, xếp loại chất lượng ${SUBJECTS[appliesTo]} theo ${regulation.document.split(' ngày')[0]}`,
    appliesTo,
    validFrom: regulation.validFrom,
    validTo: regulation.validTo,
    sourceDocument: regulation.document,
    sourceArticle: `Khung tiêu chí và mức xếp loại ${TO_VERIFY}`,
    method: RatingMethod.POINTS,
    criteria: [
      { code: 'GENERAL', name: 'Tiêu chí chung', weight: 30, article: `30 điểm ${TO_VERIFY}` },
      { code: 'TASK_RESULTS', name: 'Kết quả thực hiện nhiệm vụ được giao', weight: 70, article: `70 điểm ${TO_VERIFY}` },
    ],
    bands: [
      pointBand(RatingLevel.KHTNV, 0, 50, `Dưới 50 điểm ${TO_VERIFY}`),
      pointBand(RatingLevel.HTNV, 50, 70, `Từ 50 đến dưới 70 điểm, không quá 20% nhiệm vụ trễ hạn ${TO_VERIFY}`, { maxLatePercent: 20 }),
      pointBand(RatingLevel.HTT, 70, 90, `Từ 70 đến dưới 90 điểm, 100% nhiệm vụ đúng hạn ${TO_VERIFY}`, { minOnTimePercent: 100 }),
      pointBand(RatingLevel.HTXS, 90, null, `Từ 90 điểm, 100% nhiệm vụ đúng hạn, ít nhất 30% vượt mức ${TO_VERIFY}`, {
        minOnTimePercent: 100,
        minExceedingPercent: 30,
        requiresNoDisciplined: organization,
      }),
    ],
    quotas: [
      { level: RatingLevel.HTXS, ofLevel: RatingLevel.HTT, maxPercent: 20, scope: QuotaScope.GRASSROOTS_ORGANIZATION, article: `HTXS không quá 20% số HTT trong một tổ chức cơ sở đảng ${TO_VERIFY}` },
    ],
    overrides: organization
      ? []
      : [{ code: 'DISCIPLINED_IN_YEAR', trigger: OverrideTrigger.DISCIPLINE, minDiscipline: 'REPRIMAND', leadersOnly: false, level: RatingLevel.KHTNV, article: `Đảng viên bị kỷ luật trong năm ${TO_VERIFY}` }],
    latePenalty: null,
    annualDeadline: null,
  };
}

/** Regulation 124-QĐ/TW until 30 Aug 2025, then 366-QĐ/TW; each for Party members and for Party organisations. */
export const PARTY_RULE_SETS: readonly RuleSetDraft[] = [QD124, QD366].flatMap((regulation) => [
  partyRuleSet(regulation, RuleSubject.PARTY_MEMBER),
  partyRuleSet(regulation, RuleSubject.PARTY_ORGANIZATION),
]);
