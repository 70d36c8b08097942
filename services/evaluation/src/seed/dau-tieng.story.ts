import type { CyclePeriod } from '../cycle/cycle.period';
import { pickRuleSet } from '../rating-engine/rule-set.choice';
import type { ExpectedProduct } from '../responsibility-rule/responsibility-rule.rules';
import { RatingMethod, RuleSubject } from '../rule-set/rule-set.kinds';
import type { RuleSetDraft } from '../rule-set/rule-set.schema';
import { SHIPPED_RULE_SETS } from '../rule-set/shipped.rule-sets';

/**
 * The Dầu Tiếng story's work results: the People's Committee posts held in the district's twelve
 * communes on its last day (30 June 2025), with job-responsibility rules per organization and
 * title, quarterly cycles and period scores in two years:
 * - 2024, the last full year of Huyện Dầu Tiếng, in its communes. The only rule set that scores by
 *   points then is Regulation 124-QĐ/TW (Party members, from 4 Oct 2023): Decree 90 rated civil
 *   servants by qualitative conditions and takes no period scores. Every holder is a Party member
 *   of the story, so 2024 is scored under 124.
 * - 2026, in the successor communes the posts moved to on 1 July 2025: civil servants under
 *   Decree 335/2025 (from 1 Jan 2026), the committee's chair and vice chairs (elected cadres) under
 *   Regulation 366-QĐ/TW. No year while the district existed has two point-based sets, so the
 *   second year is the first under the new ones.
 */
export const STORY_LAST_DAY = '2025-06-30';
export const DEMO_YEARS = [2024, 2026] as const;
/** Twelve communes, each with a chair, two vice chairs and six civil servants (personnel's story). */
export const STORY_COMMITTEE_POSTS = 12 * 9;

const product = (code: string, name: string, weight: number, expectedQuantity: number, minQualityPercent: number, deadlineDay: number | null, qualityStandard: string): ExpectedProduct => ({
  code, name, weight, expectedQuantity, qualityStandard, minQualityPercent, deadlineDay,
});

/** The commune People's Committee titles the story rates, each with its quarterly work products. */
export const COMMITTEE_RESPONSIBILITIES: Readonly<Record<string, readonly ExpectedProduct[]>> = {
  COMMUNE_COMMITTEE_CHAIR: [
    product('BAO_CAO_KT_XH', 'Báo cáo tình hình kinh tế – xã hội quý', 40, 1, 100, 80, 'Đủ số liệu, đúng thể thức, trình đúng hạn'),
    product('TIEP_CONG_DAN', 'Buổi tiếp công dân định kỳ', 30, 6, 100, null, 'Có biên bản, kết luận từng vụ việc'),
    product('CHI_DAO_DON_THU', 'Đơn thư được chỉ đạo giải quyết', 30, 10, 90, null, 'Giải quyết trong thời hạn luật định'),
  ],
  COMMUNE_COMMITTEE_VICE_CHAIR: [
    product('BAO_CAO_LINH_VUC', 'Báo cáo lĩnh vực phụ trách', 40, 1, 100, 80, 'Đủ số liệu, đúng thể thức'),
    product('KIEM_TRA_AP', 'Buổi kiểm tra ấp, khu phố', 30, 6, 100, null, 'Có biên bản kiểm tra'),
    product('HO_SO_TRINH_KY', 'Hồ sơ thẩm định trình ký', 30, 30, 90, null, 'Không phải trả lại bổ sung'),
  ],
  COMMUNE_MILITARY_COMMANDER: [
    product('KE_HOACH_HUAN_LUYEN', 'Kế hoạch huấn luyện dân quân quý', 40, 1, 100, 20, 'Được Ban Chỉ huy quân sự huyện thông qua'),
    product('BUOI_HUAN_LUYEN', 'Buổi huấn luyện dân quân', 40, 8, 90, null, 'Đủ quân số, đúng nội dung'),
    product('BAO_CAO_QUAN_SU', 'Báo cáo công tác quân sự – quốc phòng', 20, 1, 100, 85, 'Đúng mẫu, đúng hạn'),
  ],
  COMMUNE_OFFICE_STATISTICS: [
    product('BAO_CAO_THONG_KE', 'Báo cáo thống kê tháng', 40, 3, 100, null, 'Số liệu khớp sổ sách'),
    product('HO_SO_MOT_CUA', 'Hồ sơ một cửa tiếp nhận, trả kết quả', 40, 120, 95, null, 'Trả đúng hẹn, không sai sót'),
    product('BIEN_BAN_HOP', 'Biên bản, thông báo kết luận họp UBND', 20, 3, 100, null, 'Ban hành trong 3 ngày sau họp'),
  ],
  COMMUNE_LAND_CONSTRUCTION: [
    product('HO_SO_DAT_DAI', 'Hồ sơ đất đai thẩm tra', 50, 40, 90, null, 'Đúng quy hoạch, đủ thành phần'),
    product('KIEM_TRA_XAY_DUNG', 'Buổi kiểm tra trật tự xây dựng', 30, 6, 100, null, 'Có biên bản, xử lý vi phạm'),
    product('BAO_CAO_DIA_CHINH', 'Báo cáo biến động đất đai quý', 20, 1, 100, 85, 'Khớp bản đồ địa chính'),
  ],
  COMMUNE_FINANCE_ACCOUNTING: [
    product('BAO_CAO_QUYET_TOAN', 'Báo cáo quyết toán ngân sách quý', 40, 1, 100, 80, 'Khớp Kho bạc, đúng mục lục'),
    product('CHUNG_TU_THU_CHI', 'Chứng từ thu, chi', 40, 150, 98, null, 'Hợp lệ, đủ chữ ký'),
    product('DU_TOAN', 'Dự toán, điều chỉnh dự toán', 20, 1, 100, 60, 'Đúng định mức'),
  ],
  COMMUNE_JUSTICE_CIVIL_STATUS: [
    product('HO_SO_HO_TICH', 'Hồ sơ hộ tịch', 50, 60, 95, null, 'Không sai sót'),
    product('CHUNG_THUC', 'Việc chứng thực', 30, 80, 95, null, 'Đúng thẩm quyền, đúng thủ tục'),
    product('TUYEN_TRUYEN_PHAP_LUAT', 'Buổi tuyên truyền pháp luật', 20, 3, 100, null, 'Có kế hoạch, có danh sách tham dự'),
  ],
  COMMUNE_CULTURE_SOCIAL: [
    product('HO_SO_CHINH_SACH', 'Hồ sơ chính sách xã hội', 40, 30, 90, null, 'Đúng đối tượng, đủ hồ sơ'),
    product('HOAT_DONG_VAN_HOA', 'Hoạt động văn hóa, thể thao', 30, 3, 100, null, 'Có kế hoạch, báo cáo kết quả'),
    product('BAO_CAO_LAO_DONG', 'Báo cáo lao động – thương binh – xã hội quý', 30, 1, 100, 85, 'Đúng mẫu, đúng hạn'),
  ],
};

export const COMMITTEE_TITLES = Object.keys(COMMITTEE_RESPONSIBILITIES);
/** Elected cadres of the committee, rated under the Party's regulation whatever the civil-service set. */
const CADRE_TITLES = new Set(['COMMUNE_COMMITTEE_CHAIR', 'COMMUNE_COMMITTEE_VICE_CHAIR']);

/** The chair and vice chairs lead the committee: the tier above rates them, in a duty group of their own. */
export const isCommitteeLeader = (titleCode: string): boolean => CADRE_TITLES.has(titleCode);

/** The four quarters of a year. */
export function quartersOf(year: number): CyclePeriod[] {
  return [['01-01', '03-31'], ['04-01', '06-30'], ['07-01', '09-30'], ['10-01', '12-31']].map(([from, to]) => ({ from: `${year}-${from}`, to: `${year}-${to}` }));
}

/**
 * Whose rules score a post's holder in a period: a civil servant under the civil-service set in
 * force on the period's last day when it scores by points, else (and a cadre always) as a Party member.
 */
export function subjectFor(titleCode: string, period: CyclePeriod, sets: readonly RuleSetDraft[] = SHIPPED_RULE_SETS): RuleSubject {
  if (CADRE_TITLES.has(titleCode)) return RuleSubject.PARTY_MEMBER;
  return pickRuleSet(sets, RuleSubject.CIVIL_SERVANT, period.to).method === RatingMethod.POINTS ? RuleSubject.CIVIL_SERVANT : RuleSubject.PARTY_MEMBER;
}

/** A cycle opens when its period has begun and is scored once it has ended (decisions are never dated ahead). */
export function periodsDue(year: number, today: string): { open: CyclePeriod[]; scored: CyclePeriod[] } {
  const quarters = quartersOf(year);
  return { open: quarters.filter((period) => period.from <= today), scored: quarters.filter((period) => period.to < today) };
}
