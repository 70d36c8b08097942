import { isInForce, type Period } from '@ps/effective-dating';

/** Who adopted a decision: the National Assembly (provinces, the Constitution) or its Standing Committee (communes). */
export type Issuer = 'NATIONAL_ASSEMBLY' | 'NA_STANDING_COMMITTEE';

/** What a decision of the 2025 reorganization decides. */
export type ReorganizationAct = 'PROVINCE_ARRANGEMENT' | 'COMMUNE_ARRANGEMENT' | 'DISTRICT_TIER_ABOLITION';

/** The decision a step cites. `placeholder`: the data has no number; the number is a marked fake to replace. */
export interface CitedDecision {
  number: string;
  date: string;
  issuer: Issuer;
  signer: string;
  title: string;
  placeholder: boolean;
}

/** One citation rule: which decision governs an act (in one province, or nationwide) during a period. */
export interface DecisionRule extends Period {
  act: ReorganizationAct;
  /** New province the rule is for; null: every province. */
  provinceCode: string | null;
  decision: CitedDecision;
  /** Where the citation comes from, so a reader can check it against the primary text. */
  source: string;
}

// Both bodies' resolutions are signed by the Chairman of the National Assembly.
const SIGNER = 'Chủ tịch Quốc hội';
const FROM_REORGANIZATION = { validFrom: '2025-07-01', validTo: null };

/** The decisions the 2025 reorganization cites, as policy data (a new resolution is a new row, not a release). */
export const REORGANIZATION_DECISIONS: readonly DecisionRule[] = [
  {
    act: 'PROVINCE_ARRANGEMENT',
    provinceCode: null,
    ...FROM_REORGANIZATION,
    decision: {
      number: '202/2025/QH15',
      date: '2025-06-12',
      issuer: 'NATIONAL_ASSEMBLY',
      signer: SIGNER,
      title: 'Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh',
      placeholder: false,
    },
    source: 'Nghị quyết 202/2025/QH15 của Quốc hội, 12/6/2025 (cited by data/vn-admin-units/README.md)',
  },
  {
    act: 'DISTRICT_TIER_ABOLITION',
    provinceCode: null,
    ...FROM_REORGANIZATION,
    decision: {
      number: '203/2025/QH15',
      date: '2025-06-16',
      issuer: 'NATIONAL_ASSEMBLY',
      signer: SIGNER,
      title: 'Nghị quyết sửa đổi, bổ sung một số điều của Hiến pháp năm 2013',
      placeholder: false,
    },
    source: 'Nghị quyết 203/2025/QH15 của Quốc hội, 16/6/2025: Hiến pháp sửa đổi, không tổ chức cấp huyện từ 01/7/2025',
  },
  {
    act: 'COMMUNE_ARRANGEMENT',
    provinceCode: '79',
    ...FROM_REORGANIZATION,
    decision: {
      number: '1685/NQ-UBTVQH15',
      date: '2025-06-16',
      issuer: 'NA_STANDING_COMMITTEE',
      signer: SIGNER,
      title: 'Nghị quyết về việc sắp xếp các đơn vị hành chính cấp xã của Thành phố Hồ Chí Minh năm 2025',
      placeholder: false,
    },
    source: 'Nghị quyết 1685/NQ-UBTVQH15 của Ủy ban Thường vụ Quốc hội, 16/6/2025',
  },
  {
    // Every other province: the data gives no number. The date is that of 1685/NQ-UBTVQH15 and as unconfirmed as the number.
    act: 'COMMUNE_ARRANGEMENT',
    provinceCode: null,
    ...FROM_REORGANIZATION,
    decision: {
      number: 'CHUA-RO-SO-{province}/NQ-UBTVQH15',
      date: '2025-06-16',
      issuer: 'NA_STANDING_COMMITTEE',
      signer: SIGNER,
      title: '[Chưa rõ số hiệu / number unknown] Nghị quyết về việc sắp xếp các đơn vị hành chính cấp xã, tỉnh mã {province}',
      placeholder: true,
    },
    source: 'placeholder: the Standing Committee resolution of each province is not in data/vn-admin-units',
  },
];

/** A placeholder names the province it stands for, so two provinces' placeholders are never taken for one decision. */
function forProvince(decision: CitedDecision, provinceCode: string): CitedDecision {
  if (!decision.placeholder) return decision;
  return { ...decision, number: decision.number.replace('{province}', provinceCode), title: decision.title.replace('{province}', provinceCode) };
}

/** The decision that governs `act` in a new province on `date`: the province's own rule, else the nationwide one. */
export function decisionFor(
  act: ReorganizationAct,
  provinceCode: string,
  date: string,
  rules: readonly DecisionRule[] = REORGANIZATION_DECISIONS,
): CitedDecision | null {
  const inForce = rules.filter((rule) => rule.act === act && isInForce(rule, date));
  const rule = inForce.find((r) => r.provinceCode === provinceCode) ?? inForce.find((r) => r.provinceCode === null);
  return rule ? forProvince(rule.decision, provinceCode) : null;
}
