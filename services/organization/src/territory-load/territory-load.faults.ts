/** The files a fault can come from (data/vn-admin-units), or the database state met on loading. */
export type FaultSource =
  | 'units-2024-three-tier.json'
  | 'units-2026-two-tier.json'
  | 'ward-mapping-2025.json'
  | 'database';

/**
 * What the loader did with a faulty row: left it out, loaded the unit without the lineage the
 * row should have given, or loaded it as it is and only noted the fault.
 */
export type FaultEffect = 'SKIPPED' | 'LOADED_WITHOUT_LINEAGE' | 'NOTED';

interface FaultKind {
  effect: FaultEffect;
  vi: string;
  en: string;
}

/** Every reason a row can be reported for; codes are stable (tests and operators rely on them). */
export const FAULT_KINDS = {
  TREE_INVALID_CODE: {
    effect: 'SKIPPED',
    vi: 'Mã đơn vị không đúng định dạng',
    en: 'unit code is malformed',
  },
  TREE_BLANK_NAME: { effect: 'SKIPPED', vi: 'Tên đơn vị để trống', en: 'unit name is blank' },
  TREE_DUPLICATE_CODE: {
    effect: 'SKIPPED',
    vi: 'Mã đơn vị xuất hiện hai lần trong cùng một danh mục',
    en: 'unit code appears twice in one list',
  },
  TREE_PARENT_MISMATCH: {
    effect: 'SKIPPED',
    vi: 'Mã cấp trên ghi trong dòng khác với đơn vị chứa nó',
    en: 'the parent code the row states differs from the unit that contains it',
  },
  TREE_PARENT_NOT_PLACED: {
    effect: 'SKIPPED',
    vi: 'Đơn vị cấp trên không nạp được nên đơn vị này cũng không nạp',
    en: 'the parent could not be placed, so neither can this unit',
  },
  TREE_DISTRICT_WITHOUT_COMMUNES: {
    effect: 'NOTED',
    vi: 'Huyện không có xã (Ward: null), nạp huyện không có xã trực thuộc',
    en: 'district lists no communes (Ward: null); loaded without communes',
  },
  MAPPING_OLD_CODE_MISSING: {
    effect: 'SKIPPED',
    vi: 'Dòng ánh xạ không có mã xã cũ (một phần xã, hoặc đơn vị nguồn không mã hoá được)',
    en: 'mapping row has no old commune code (part of a commune, or a unit the source could not code)',
  },
  MAPPING_DUPLICATE_PAIR: {
    effect: 'SKIPPED',
    vi: 'Dòng ánh xạ trùng cặp (mã cũ, mã mới) với một dòng trước',
    en: 'mapping row repeats an earlier (old, new) pair',
  },
  MAPPING_OLD_CODE_UNKNOWN: {
    effect: 'SKIPPED',
    vi: 'Mã xã cũ không có trong danh mục 2024',
    en: 'old commune code is not in the 2024 list',
  },
  MAPPING_NEW_CODE_UNKNOWN: {
    effect: 'SKIPPED',
    vi: 'Mã xã mới không có trong danh mục 2026 (mã đã đổi sau khi lập bảng ánh xạ)',
    en: 'new commune code is not in the 2026 list (code changed after the mapping was made)',
  },
  MAPPING_NEW_PROVINCE_UNKNOWN: {
    effect: 'SKIPPED',
    vi: 'Tên tỉnh mới của dòng ánh xạ không có trong danh mục 2026',
    en: 'the new province the mapping row names is not in the 2026 list',
  },
  MAPPING_NEW_CODE_IN_OTHER_PROVINCE: {
    effect: 'SKIPPED',
    vi: 'Mã xã mới thuộc một tỉnh khác trong danh mục 2026, và tên xã không xác định được đúng một xã của tỉnh ghi trong dòng',
    en: 'new commune code belongs to another province in the 2026 list, and the name matches no single commune of the stated province',
  },
  MAPPING_OLD_COMMUNE_UNNAMED: {
    effect: 'SKIPPED',
    vi: 'Dòng ánh xạ không có mã và không có tên xã cũ',
    en: 'mapping row has neither an old commune code nor an old commune name',
  },
  MAPPING_OLD_NAME_NOT_FOUND: {
    effect: 'SKIPPED',
    vi: 'Không có xã nào mang tên này trong huyện, tỉnh ghi trong dòng (danh mục 2024)',
    en: 'no commune of that name in the named district of the named province (2024 list)',
  },
  MAPPING_OLD_NAME_AMBIGUOUS: {
    effect: 'SKIPPED',
    vi: 'Nhiều xã mang tên này trong huyện, tỉnh ghi trong dòng (danh mục 2024)',
    en: 'several communes of that name in the named district of the named province (2024 list)',
  },
  COMMUNE_WITHOUT_PREDECESSOR: {
    effect: 'LOADED_WITHOUT_LINEAGE',
    vi: 'Xã mới không có dòng ánh xạ dùng được: nạp xã, không có quan hệ kế thừa',
    en: 'new commune has no usable mapping row: loaded without predecessors',
  },
  CLOSED_WITHOUT_SUCCESSOR: {
    effect: 'LOADED_WITHOUT_LINEAGE',
    vi: 'Đơn vị hết hiệu lực ngày 01/07/2025 nhưng không xác định được đơn vị kế thừa',
    en: 'unit closed on 2025-07-01 but no successor could be placed',
  },
  COMMUNE_CONTINUES_WITHOUT_MAPPING_ROW: {
    effect: 'NOTED',
    vi: 'Xã có cùng mã trong cả hai danh mục nhưng không có dòng ánh xạ nào: coi là giữ nguyên',
    en: 'commune has the same code in both lists but no mapping row: planned as continuing',
  },
  REPLAY_CODE_HELD_OUTSIDE_PLAN: {
    effect: 'NOTED',
    vi: 'Mã xã mới là mã một xã cũ không kết thúc trong kế hoạch của tỉnh này: phải ghi nhận tỉnh kia trước',
    en: 'new commune code is an old commune code that this province’s plan does not end: record the other province first',
  },
  REPLAY_ORDER_CYCLE: {
    effect: 'NOTED',
    vi: 'Các bước dùng lại mã của nhau theo vòng: không có thứ tự ghi nhận nào hợp lệ',
    en: 'steps reuse each other’s codes in a cycle: no recording order works',
  },
  HAMLET_UNDER_CLOSED_UNIT: {
    effect: 'NOTED',
    vi: 'Thôn/ấp còn hiệu lực dưới một xã đã hết hiệu lực: không tự chuyển, cần xử lý',
    en: 'hamlet still open under a closed commune: not moved automatically, needs a decision',
  },
} as const satisfies Record<string, FaultKind>;

export type FaultReason = keyof typeof FAULT_KINDS;

export type DetailValue = string | number | boolean | null | string[];

/** One row the loader could not place as it stands, with the reason and what it did instead. */
export interface TerritoryFault {
  reason: FaultReason;
  source: FaultSource;
  /** 0-based index of the row in its file, when the fault is about one row of a file. */
  row?: number;
  code?: string | null;
  detail: Record<string, DetailValue>;
}

export function fault(
  reason: FaultReason,
  source: FaultSource,
  detail: Record<string, DetailValue>,
  where: { row?: number; code?: string | null } = {},
): TerritoryFault {
  return { reason, source, ...where, detail };
}

/** Faults counted per reason, in catalogue order, with what the loader did about each. */
export function faultSummary(
  faults: readonly TerritoryFault[],
): Array<{ reason: FaultReason; effect: FaultEffect; count: number; vi: string; en: string }> {
  const counts = new Map<FaultReason, number>();
  for (const item of faults) counts.set(item.reason, (counts.get(item.reason) ?? 0) + 1);
  return (Object.keys(FAULT_KINDS) as FaultReason[])
    .filter((reason) => counts.has(reason))
    .map((reason) => ({ reason, ...FAULT_KINDS[reason], count: counts.get(reason) ?? 0 }));
}
