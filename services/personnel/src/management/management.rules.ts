import type { ManagementBody, Tier } from '@ps/auth';
import { isInForce, type Period } from '@ps/effective-dating';
import { PersonnelCategory } from '../person/person.kinds';
import { SubjectKind } from './management.kinds';

/**
 * One rule of management decentralisation (phân cấp quản lý): people of a subject (a category
 * or a title) serving in a unit of `personTier` are managed, in the period, by `body` of the
 * unit of `managingTier` above (or at) their unit. The table `management_rule` holds these.
 */
export interface ManagementRule extends Period {
  /** Stable name of the rule, e.g. `QD80-COMMUNE-CADRE`. */
  code: string;
  subjectKind: SubjectKind;
  subjectCode: string;
  personTier: Tier;
  managingTier: Tier;
  body: ManagementBody;
  source: { document: string; article: string };
}

const QD105 = 'Quy định 105-QĐ/TW ngày 19/12/2017 của Bộ Chính trị về phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu cán bộ ứng cử';
const QD80 = 'Quy định 80-QĐ/TW ngày 18/8/2022 của Bộ Chính trị về phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu cán bộ ứng cử';
const QD80_TWO_TIERS = `${QD80}, áp dụng cho chính quyền địa phương hai cấp (Luật Tổ chức chính quyền địa phương 72/2025/QH15, từ 1/7/2025)`;
const QD377 = 'Quy định 377-QĐ/TW ngày 8/10/2025 của Bộ Chính trị về phân cấp quản lý cán bộ';
const ND33 = 'Nghị định 33/2023/NĐ-CP ngày 10/6/2023 về cán bộ, công chức cấp xã và người hoạt động không chuyên trách ở cấp xã';
const ND138 = 'Nghị định 138/2020/NĐ-CP ngày 27/11/2020 về tuyển dụng, sử dụng và quản lý công chức';
const LAW_2025 = 'Luật Cán bộ, công chức 2025 (80/2025/QH15) và Nghị định 170/2025/NĐ-CP về tuyển dụng, sử dụng và quản lý công chức';
/** Said of an article whose number is still to be checked against the published text. */
export const TO_VERIFY = '(số điều chờ đối chiếu văn bản gốc / article number to be verified)';
export const TWO_TIERS = '2025-07-01';

/** A rule's subject part for a personnel category. */
export const category = (code: string, subject: PersonnelCategory, personTier: Tier, managingTier: Tier, body: ManagementBody) => ({
  code,
  subjectKind: SubjectKind.CATEGORY,
  subjectCode: subject,
  personTier,
  managingTier,
  body,
});

/**
 * The rules as recorded by the migration that created the table (a later decree is a new
 * migration adding rows and closing old ones, never an edit here). Before 1 July 2025 the
 * district's Party committee managed commune cadres through its organization board and the
 * district People's Committee commune civil servants through its home-affairs office; the
 * district tier then ended and the province took both over. Earlier periods and the other
 * categories came with a later migration (ADDED_CATEGORY_RULES).
 */
export const MANAGEMENT_RULES: readonly ManagementRule[] = [
  {
    ...category('QD105-COMMUNE-CADRE', PersonnelCategory.CADRE, 'COMMUNE', 'DISTRICT', 'ORGANIZATION_BOARD'),
    validFrom: '2017-12-19',
    validTo: '2022-08-18',
    source: { document: QD105, article: `Ban thường vụ huyện ủy quản lý cán bộ chủ chốt cấp xã ${TO_VERIFY}` },
  },
  {
    ...category('QD105-DISTRICT-CADRE', PersonnelCategory.CADRE, 'DISTRICT', 'PROVINCE', 'ORGANIZATION_BOARD'),
    validFrom: '2017-12-19',
    validTo: '2022-08-18',
    source: { document: QD105, article: `Ban thường vụ tỉnh ủy quản lý cán bộ chủ chốt cấp huyện ${TO_VERIFY}` },
  },
  {
    ...category('QD80-COMMUNE-CADRE', PersonnelCategory.CADRE, 'COMMUNE', 'DISTRICT', 'ORGANIZATION_BOARD'),
    validFrom: '2022-08-18',
    validTo: TWO_TIERS,
    source: { document: QD80, article: `Ban thường vụ huyện ủy quản lý cán bộ chủ chốt cấp xã ${TO_VERIFY}` },
  },
  {
    ...category('QD80-DISTRICT-CADRE', PersonnelCategory.CADRE, 'DISTRICT', 'PROVINCE', 'ORGANIZATION_BOARD'),
    validFrom: '2022-08-18',
    validTo: TWO_TIERS,
    source: { document: QD80, article: `Ban thường vụ tỉnh ủy quản lý cán bộ chủ chốt cấp huyện ${TO_VERIFY}` },
  },
  {
    ...category('ND33-COMMUNE-CIVIL-SERVANT', PersonnelCategory.CIVIL_SERVANT, 'COMMUNE', 'DISTRICT', 'HOME_AFFAIRS'),
    validFrom: '2023-08-01',
    validTo: TWO_TIERS,
    source: { document: ND33, article: `Ủy ban nhân dân cấp huyện quản lý công chức cấp xã ${TO_VERIFY}` },
  },
  {
    ...category('ND138-DISTRICT-CIVIL-SERVANT', PersonnelCategory.CIVIL_SERVANT, 'DISTRICT', 'DISTRICT', 'HOME_AFFAIRS'),
    validFrom: '2020-11-27',
    validTo: TWO_TIERS,
    source: { document: ND138, article: `Ủy ban nhân dân cấp huyện quản lý công chức được phân cấp ${TO_VERIFY}` },
  },
  {
    ...category('ND138-PROVINCE-CIVIL-SERVANT', PersonnelCategory.CIVIL_SERVANT, 'PROVINCE', 'PROVINCE', 'HOME_AFFAIRS'),
    validFrom: '2020-11-27',
    validTo: TWO_TIERS,
    source: { document: ND138, article: `Ủy ban nhân dân cấp tỉnh quản lý công chức ${TO_VERIFY}` },
  },
  {
    ...category('QD80-2025-COMMUNE-CADRE', PersonnelCategory.CADRE, 'COMMUNE', 'PROVINCE', 'ORGANIZATION_BOARD'),
    validFrom: TWO_TIERS,
    validTo: '2025-10-08',
    source: { document: QD80_TWO_TIERS, article: `Ban thường vụ tỉnh ủy quản lý cán bộ chủ chốt cấp xã ${TO_VERIFY}` },
  },
  {
    ...category('QD377-COMMUNE-CADRE', PersonnelCategory.CADRE, 'COMMUNE', 'PROVINCE', 'ORGANIZATION_BOARD'),
    validFrom: '2025-10-08',
    validTo: null,
    source: { document: QD377, article: `Ban thường vụ tỉnh ủy quản lý cán bộ chủ chốt cấp xã ${TO_VERIFY}` },
  },
  {
    ...category('LAW2025-COMMUNE-CIVIL-SERVANT', PersonnelCategory.CIVIL_SERVANT, 'COMMUNE', 'PROVINCE', 'HOME_AFFAIRS'),
    validFrom: TWO_TIERS,
    validTo: null,
    source: { document: LAW_2025, article: `Ủy ban nhân dân cấp tỉnh quản lý công chức cấp xã ${TO_VERIFY}` },
  },
  {
    ...category('LAW2025-PROVINCE-CIVIL-SERVANT', PersonnelCategory.CIVIL_SERVANT, 'PROVINCE', 'PROVINCE', 'HOME_AFFAIRS'),
    validFrom: TWO_TIERS,
    validTo: null,
    source: { document: LAW_2025, article: `Ủy ban nhân dân cấp tỉnh quản lý công chức ${TO_VERIFY}` },
  },
];

const title = (code: string, subject: string, personTier: Tier, managingTier: Tier, body: ManagementBody) => ({
  code,
  subjectKind: SubjectKind.TITLE,
  subjectCode: subject,
  personTier,
  managingTier,
  body,
});

const DEPARTMENT_HEADS = `Ban thường vụ huyện ủy quản lý trưởng, phó phòng, ban và tương đương cấp huyện ${TO_VERIFY}`;

/**
 * Rules by title (chức danh, the title catalogue's codes): those who hold the title on the date
 * are managed by the body named, besides what their category's rule says. The heads and deputy
 * heads of a district's departments, civil servants whom the home-affairs office manages as
 * such, are also managed by the district Party committee's organization board.
 */
export const TITLE_MANAGEMENT_RULES: readonly ManagementRule[] = (['DISTRICT_DEPARTMENT_HEAD', 'DISTRICT_DEPARTMENT_DEPUTY_HEAD'] as const).flatMap((subject) => [
  {
    ...title(`QD105-${subject.replace(/_/g, '-')}`, subject, 'DISTRICT', 'DISTRICT', 'ORGANIZATION_BOARD'),
    validFrom: '2017-12-19',
    validTo: '2022-08-18',
    source: { document: QD105, article: DEPARTMENT_HEADS },
  },
  {
    ...title(`QD80-${subject.replace(/_/g, '-')}`, subject, 'DISTRICT', 'DISTRICT', 'ORGANIZATION_BOARD'),
    validFrom: '2022-08-18',
    validTo: TWO_TIERS,
    source: { document: QD80, article: DEPARTMENT_HEADS },
  },
]);

/** What a person is, for the rules: their subjects (category, titles) and their unit's tier. */
export interface ManagedSubject {
  subjects: ReadonlyArray<{ kind: SubjectKind; code: string }>;
  tier: Tier;
}

/**
 * The rules in force on `date` for a person: in memory, the selection the SQL of
 * `managingAuthorities` makes against the table (the same in-force condition, the same match).
 */
export function rulesInForce(rules: readonly ManagementRule[], person: ManagedSubject, date: string): ManagementRule[] {
  return rules.filter(
    (rule) =>
      isInForce(rule, date) &&
      rule.personTier === person.tier &&
      person.subjects.some((subject) => subject.kind === rule.subjectKind && subject.code === rule.subjectCode),
  );
}
