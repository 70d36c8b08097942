import { PersonnelCategory } from '../person/person.kinds';
import { SubjectKind } from './management.kinds';
import { category, TO_VERIFY, TWO_TIERS, type ManagementRule } from './management.rules';

const QD67 = 'Quy định 67-QĐ/TW ngày 4/7/2012 của Bộ Chính trị về phân cấp quản lý cán bộ';
const ND24 = 'Nghị định 24/2010/NĐ-CP ngày 15/3/2010 quy định về tuyển dụng, sử dụng và quản lý công chức';
const ND112 = 'Nghị định 112/2011/NĐ-CP ngày 5/12/2011 về công chức xã, phường, thị trấn';
const ND29_2012 = 'Nghị định 29/2012/NĐ-CP ngày 12/4/2012 về tuyển dụng, sử dụng và quản lý viên chức';
const ND115 = 'Nghị định 115/2020/NĐ-CP ngày 25/9/2020 quy định về tuyển dụng, sử dụng và quản lý viên chức';
const ND115_TWO_TIERS = `${ND115}, áp dụng cho chính quyền địa phương hai cấp (từ 1/7/2025)`;
const ND34 = 'Nghị định 34/2019/NĐ-CP ngày 24/4/2019 sửa đổi quy định về cán bộ, công chức cấp xã và người hoạt động không chuyên trách ở cấp xã';
const ND33 = 'Nghị định 33/2023/NĐ-CP ngày 10/6/2023 về cán bộ, công chức cấp xã và người hoạt động không chuyên trách ở cấp xã';
const ND111 = 'Nghị định 111/2022/NĐ-CP ngày 30/12/2022 về hợp đồng đối với một số loại công việc trong cơ quan hành chính và đơn vị sự nghiệp công lập';
const ND111_TWO_TIERS = `${ND111}, áp dụng cho chính quyền địa phương hai cấp (từ 1/7/2025)`;

const source = (document: string, article: string) => ({ document, article: `${article} ${TO_VERIFY}` });

/**
 * Rules added after the first table: the periods before 2017 (cadres) and before 2020 or 2023
 * (civil servants) that the dated history reaches back to, and the categories the first rules
 * left without a manager — public employees, workers on contract and the commune's
 * non-professionals — so that every category of the e-file has a managing body on any date
 * from 2012, and every file can be acted on by someone. Where a period starts on the
 * document's date rather than its (later) date of effect, the article says it is to be verified.
 */
export const ADDED_CATEGORY_RULES: readonly ManagementRule[] = [
  {
    ...category('QD67-COMMUNE-CADRE', PersonnelCategory.CADRE, 'COMMUNE', 'DISTRICT', 'ORGANIZATION_BOARD'),
    validFrom: '2012-07-04',
    validTo: '2017-12-19',
    source: source(QD67, 'Ban thường vụ huyện ủy quản lý cán bộ chủ chốt cấp xã'),
  },
  {
    ...category('QD67-DISTRICT-CADRE', PersonnelCategory.CADRE, 'DISTRICT', 'PROVINCE', 'ORGANIZATION_BOARD'),
    validFrom: '2012-07-04',
    validTo: '2017-12-19',
    source: source(QD67, 'Ban thường vụ tỉnh ủy quản lý cán bộ chủ chốt cấp huyện'),
  },
  {
    ...category('ND24-DISTRICT-CIVIL-SERVANT', PersonnelCategory.CIVIL_SERVANT, 'DISTRICT', 'DISTRICT', 'HOME_AFFAIRS'),
    validFrom: '2010-05-01',
    validTo: '2020-11-27',
    source: source(ND24, 'Ủy ban nhân dân cấp huyện quản lý công chức được phân cấp'),
  },
  {
    ...category('ND24-PROVINCE-CIVIL-SERVANT', PersonnelCategory.CIVIL_SERVANT, 'PROVINCE', 'PROVINCE', 'HOME_AFFAIRS'),
    validFrom: '2010-05-01',
    validTo: '2020-11-27',
    source: source(ND24, 'Ủy ban nhân dân cấp tỉnh quản lý công chức'),
  },
  {
    ...category('ND112-COMMUNE-CIVIL-SERVANT', PersonnelCategory.CIVIL_SERVANT, 'COMMUNE', 'DISTRICT', 'HOME_AFFAIRS'),
    validFrom: '2011-12-05',
    validTo: '2023-08-01',
    source: source(ND112, 'Ủy ban nhân dân cấp huyện quản lý công chức cấp xã'),
  },
  ...(['COMMUNE', 'DISTRICT'] as const).flatMap((tier) => [
    {
      ...category(`ND29-2012-${tier}-PUBLIC-EMPLOYEE`, PersonnelCategory.PUBLIC_EMPLOYEE, tier, 'DISTRICT', 'HOME_AFFAIRS'),
      validFrom: '2012-06-01',
      validTo: '2020-11-20',
      source: source(ND29_2012, 'Ủy ban nhân dân cấp huyện quản lý viên chức các đơn vị sự nghiệp công lập thuộc huyện'),
    },
    {
      ...category(`ND115-${tier}-PUBLIC-EMPLOYEE`, PersonnelCategory.PUBLIC_EMPLOYEE, tier, 'DISTRICT', 'HOME_AFFAIRS'),
      validFrom: '2020-11-20',
      validTo: TWO_TIERS,
      source: source(ND115, 'Ủy ban nhân dân cấp huyện quản lý viên chức các đơn vị sự nghiệp công lập thuộc huyện'),
    },
    {
      ...category(`ND111-${tier}-WORKER`, PersonnelCategory.WORKER, tier, 'DISTRICT', 'HOME_AFFAIRS'),
      validFrom: '2022-12-30',
      validTo: TWO_TIERS,
      source: source(ND111, 'Cơ quan quản lý cấp huyện theo dõi hợp đồng lao động của các cơ quan, đơn vị thuộc huyện'),
    },
  ]),
  {
    ...category('ND29-2012-PROVINCE-PUBLIC-EMPLOYEE', PersonnelCategory.PUBLIC_EMPLOYEE, 'PROVINCE', 'PROVINCE', 'HOME_AFFAIRS'),
    validFrom: '2012-06-01',
    validTo: '2020-11-20',
    source: source(ND29_2012, 'Ủy ban nhân dân cấp tỉnh quản lý viên chức'),
  },
  {
    ...category('ND115-PROVINCE-PUBLIC-EMPLOYEE', PersonnelCategory.PUBLIC_EMPLOYEE, 'PROVINCE', 'PROVINCE', 'HOME_AFFAIRS'),
    validFrom: '2020-11-20',
    validTo: null,
    source: source(ND115, 'Ủy ban nhân dân cấp tỉnh quản lý viên chức'),
  },
  {
    ...category('ND115-2025-COMMUNE-PUBLIC-EMPLOYEE', PersonnelCategory.PUBLIC_EMPLOYEE, 'COMMUNE', 'PROVINCE', 'HOME_AFFAIRS'),
    validFrom: TWO_TIERS,
    validTo: null,
    source: source(ND115_TWO_TIERS, 'Sở Nội vụ tham mưu quản lý viên chức các đơn vị sự nghiệp công lập cấp xã'),
  },
  {
    ...category('ND111-PROVINCE-WORKER', PersonnelCategory.WORKER, 'PROVINCE', 'PROVINCE', 'HOME_AFFAIRS'),
    validFrom: '2022-12-30',
    validTo: null,
    source: source(ND111, 'Sở Nội vụ theo dõi hợp đồng lao động của các cơ quan, đơn vị thuộc tỉnh'),
  },
  {
    ...category('ND111-2025-COMMUNE-WORKER', PersonnelCategory.WORKER, 'COMMUNE', 'PROVINCE', 'HOME_AFFAIRS'),
    validFrom: TWO_TIERS,
    validTo: null,
    source: source(ND111_TWO_TIERS, 'Sở Nội vụ theo dõi hợp đồng lao động của các cơ quan, đơn vị cấp xã'),
  },
  {
    ...category('ND34-COMMUNE-NON-PROFESSIONAL', PersonnelCategory.COMMUNE_NON_PROFESSIONAL, 'COMMUNE', 'DISTRICT', 'HOME_AFFAIRS'),
    validFrom: '2019-06-25',
    validTo: '2023-08-01',
    source: source(ND34, 'Ủy ban nhân dân cấp huyện quản lý người hoạt động không chuyên trách ở cấp xã'),
  },
  {
    ...category('ND33-COMMUNE-NON-PROFESSIONAL', PersonnelCategory.COMMUNE_NON_PROFESSIONAL, 'COMMUNE', 'DISTRICT', 'HOME_AFFAIRS'),
    validFrom: '2023-08-01',
    validTo: TWO_TIERS,
    source: source(ND33, 'Ủy ban nhân dân cấp huyện quản lý người hoạt động không chuyên trách ở cấp xã'),
  },
];

/** The day the history of the e-file may reach back to: the founding of the state. */
const HISTORY_FROM = '1945-09-02';

/**
 * For the dated history before the earliest decentralisation rule recorded here for a category
 * and tier: a platform convention, not a regulation, and said so in its source — files are
 * managed then as by that earliest rule (same tier and body), so that older appointments,
 * rewards and disciplines can still be entered by someone. Later research replaces a
 * convention row with the regulation it finds, by a migration closing it.
 */
export function historyRules(rules: readonly ManagementRule[]): ManagementRule[] {
  const earliest = new Map<string, ManagementRule>();
  for (const rule of rules) {
    const key = `${rule.subjectKind}/${rule.subjectCode}/${rule.personTier}/${rule.body}`;
    const known = earliest.get(key);
    if (!known || rule.validFrom < known.validFrom) earliest.set(key, rule);
  }
  return [...earliest.values()]
    .filter((rule) => rule.subjectKind === SubjectKind.CATEGORY && rule.validFrom > HISTORY_FROM)
    .map((rule) => ({
      ...rule,
      code: `HISTORY-${rule.code}`,
      validFrom: HISTORY_FROM,
      validTo: rule.validFrom,
      source: {
        document: 'Quy ước của hệ thống cho hồ sơ lịch sử (không phải văn bản pháp luật) / platform convention for history, not a regulation',
        article: `Trước ${rule.validFrom} chưa ghi nhận quy định phân cấp: quản lý như quy tắc ${rule.code} / before ${rule.validFrom}, managed as by rule ${rule.code}`,
      },
    }));
}
