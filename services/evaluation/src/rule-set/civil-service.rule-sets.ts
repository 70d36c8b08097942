import { RatingLevel } from '../rating/rating.entity';
import { OverrideTrigger, QuotaScope, RatingMethod, RuleSubject } from './rule-set.kinds';
import type { RuleSetDraft } from './rule-set.schema';
import { pointBand, qualitativeBand, TO_VERIFY } from './rule-set.parts';

const ND90 = 'Nghị định 90/2020/NĐ-CP ngày 13/8/2020 về đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức, sửa đổi bởi Nghị định 48/2023/NĐ-CP ngày 17/7/2023';
const ND335 = 'Nghị định 335/2025/NĐ-CP về đánh giá, xếp loại chất lượng công chức';

/** Decree 90 rates by qualitative conditions per level; 48/2023 tied the HTXS share to the Party's (≤ 20% of HTT). */
function decree90(appliesTo: RuleSubject, validTo: string | null, who: string): RuleSetDraft {
  return {
    code: `ND90-2020-${appliesTo}`,
    name: `Đánh giá, xếp loại chất lượng ${who} theo Nghị định 90/2020/NĐ-CP (sửa đổi bởi 48/2023/NĐ-CP)`,
    appliesTo,
    validFrom: '2020-08-13',
    validTo,
    sourceDocument: ND90,
    sourceArticle: `Điều 2–Điều 15; ngày hiệu lực ${TO_VERIFY}`,
    method: RatingMethod.QUALITATIVE,
    criteria: [
      { code: 'GENERAL', name: 'Chính trị tư tưởng, đạo đức, lối sống, tác phong, lề lối làm việc, ý thức tổ chức kỷ luật', weight: null, article: `Điều 3 ${TO_VERIFY}` },
      { code: 'TASK_RESULTS', name: 'Kết quả thực hiện chức trách, nhiệm vụ được giao', weight: null, article: `Điều 3 ${TO_VERIFY}` },
      { code: 'UNIT_RESULTS', name: 'Người quản lý: kết quả hoạt động của cơ quan, đơn vị được giao phụ trách', weight: null, article: `Điều 3 ${TO_VERIFY}` },
    ],
    bands: [
      qualitativeBand(RatingLevel.HTXS, 'Tiêu chí chung đạt mức xuất sắc; 100% nhiệm vụ hoàn thành vượt tiến độ, bảo đảm chất lượng, hiệu quả', `Hoàn thành xuất sắc nhiệm vụ ${TO_VERIFY}`),
      qualitativeBand(RatingLevel.HTT, 'Tiêu chí chung đạt mức tốt; 100% nhiệm vụ hoàn thành đúng tiến độ, bảo đảm chất lượng, hiệu quả', `Hoàn thành tốt nhiệm vụ ${TO_VERIFY}`),
      qualitativeBand(RatingLevel.HTNV, 'Tiêu chí chung đạt yêu cầu; các nhiệm vụ cơ bản hoàn thành, một số chưa bảo đảm tiến độ hoặc chất lượng', `Hoàn thành nhiệm vụ ${TO_VERIFY}`),
      qualitativeBand(RatingLevel.KHTNV, 'Suy thoái tư tưởng chính trị, đạo đức, lối sống; hoặc dưới 50% nhiệm vụ hoàn thành; hoặc bị kỷ luật trong năm', `Không hoàn thành nhiệm vụ ${TO_VERIFY}`),
    ],
    quotas: [
      { level: RatingLevel.HTXS, ofLevel: RatingLevel.HTT, maxPercent: 20, scope: QuotaScope.AGENCY, article: `NĐ 48/2023 sửa đổi: tỷ lệ HTXS không vượt quá tỷ lệ đảng viên HTXS theo quy định của Đảng (QĐ 124-QĐ/TW: ≤ 20% số HTT) ${TO_VERIFY}` },
    ],
    overrides: [
      { code: 'DISCIPLINED_IN_YEAR', trigger: OverrideTrigger.DISCIPLINE, minDiscipline: 'REPRIMAND', leadersOnly: false, level: RatingLevel.KHTNV, article: `Bị kỷ luật đảng hoặc hành chính trong năm (một hành vi chỉ tính một lần) ${TO_VERIFY}` },
      { code: 'CORRUPTION_IN_UNIT', trigger: OverrideTrigger.UNIT_CORRUPTION, minDiscipline: null, leadersOnly: true, level: RatingLevel.KHTNV, article: `Người quản lý: đơn vị phụ trách xảy ra tham nhũng, lãng phí ${TO_VERIFY}` },
    ],
    latePenalty: null,
    annualDeadline: { before: '12-15', specialisedBefore: '01-15', article: `Thời điểm đánh giá, xếp loại chất lượng ${TO_VERIFY}` },
  };
}

/** Decree 335: 100 points, general criteria 30 + task results 70, a late or defective product loses 25% of its points. */
const DECREE_335: RuleSetDraft = {
  code: 'ND335-2025-CIVIL_SERVANT',
  name: 'Đánh giá, xếp loại chất lượng công chức theo Nghị định 335/2025/NĐ-CP',
  appliesTo: RuleSubject.CIVIL_SERVANT,
  validFrom: '2026-01-01',
  validTo: null,
  sourceDocument: ND335,
  sourceArticle: TO_VERIFY,
  method: RatingMethod.POINTS,
  criteria: [
    { code: 'GENERAL', name: 'Tiêu chí chung (chính trị, đạo đức, tác phong, kỷ luật)', weight: 30, article: `Tiêu chí chung 30 điểm ${TO_VERIFY}` },
    { code: 'TASK_RESULTS', name: 'Kết quả thực hiện nhiệm vụ từ sản phẩm công việc (số lượng, chất lượng, tiến độ)', weight: 70, article: `Kết quả thực hiện nhiệm vụ 70 điểm ${TO_VERIFY}` },
  ],
  bands: [
    pointBand(RatingLevel.KHTNV, 0, 50, `Dưới 50 điểm ${TO_VERIFY}`),
    pointBand(RatingLevel.HTNV, 50, 70, `Từ 50 đến dưới 70 điểm ${TO_VERIFY}`),
    pointBand(RatingLevel.HTT, 70, 90, `Từ 70 đến dưới 90 điểm ${TO_VERIFY}`),
    pointBand(RatingLevel.HTXS, 90, null, `Từ 90 điểm trở lên ${TO_VERIFY}`),
  ],
  quotas: [
    { level: RatingLevel.HTXS, ofLevel: RatingLevel.HTT, maxPercent: 20, scope: QuotaScope.AGENCY_DUTY_GROUP, article: `HTXS không quá 20% số HTT trong một cơ quan và nhóm nhiệm vụ tương đồng ${TO_VERIFY}` },
  ],
  overrides: [
    { code: 'DISCIPLINED_IN_YEAR', trigger: OverrideTrigger.DISCIPLINE, minDiscipline: 'REPRIMAND', leadersOnly: false, level: RatingLevel.KHTNV, article: `Bị kỷ luật từ khiển trách trở lên trong năm ${TO_VERIFY}` },
    { code: 'CORRUPTION_IN_UNIT', trigger: OverrideTrigger.UNIT_CORRUPTION, minDiscipline: null, leadersOnly: true, level: RatingLevel.KHTNV, article: `Người đứng đầu: để xảy ra tham nhũng trong đơn vị phụ trách ${TO_VERIFY}` },
  ],
  latePenalty: { percent: 25, article: `Sản phẩm trễ hạn hoặc không đạt chất lượng bị trừ 25% số điểm ${TO_VERIFY}` },
  annualDeadline: { before: '12-15', specialisedBefore: '01-15', article: `Xếp loại hằng năm trước ngày 15/12 (đơn vị đặc thù trước 15/01) ${TO_VERIFY}` },
};

/** Civil servants moved to Decree 335 on 1 Jan 2026; public employees stay on Decree 90 until their own new rules. */
export const CIVIL_SERVICE_RULE_SETS: readonly RuleSetDraft[] = [
  decree90(RuleSubject.CIVIL_SERVANT, '2026-01-01', 'công chức'),
  decree90(RuleSubject.PUBLIC_EMPLOYEE, null, 'viên chức'),
  DECREE_335,
];
