import { DEMO_USERS, queryDatabase } from '@ps/testing';
import { accountFixtures } from './audit.account.fixtures';
import { reformFixtures } from './audit.reform.fixtures';
import { databaseOf, type ServiceName } from './platform';

/**
 * The audit spec's fixtures: one call of every mutation of the composed schema, by whom, on
 * Thanh An (Dầu Tiếng's commune, in Hồ Chí Minh City from 1 July 2025) and the city, in the
 * order they run, and the ids later calls need.
 */
export { composedMutations } from './composed-schema';

export const THANH_AN = '25807';
const HAMLET = '25807_11';
export const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** A local decision (a commune's or the city's People's Committee), numbered so each write's row can be told apart. */
export const local = (number: string, effectiveDate: string) => ({
  effectiveDate,
  reason: 'Kiện toàn tổ chức bộ máy',
  decision: { number, date: '2026-01-15', signer: 'Chủ tịch UBND' },
});
/** A decision on administrative units by the body competent for their tier. */
const central = (number: string, effectiveDate: string, issuer: 'NA_STANDING_COMMITTEE' | 'PROVINCE_PEOPLES_COUNCIL') => ({
  effectiveDate,
  reason: 'Sắp xếp đơn vị hành chính',
  decision: { number, date: '2026-01-15', signer: issuer === 'PROVINCE_PEOPLES_COUNCIL' ? 'Chủ tịch HĐND Thành phố' : 'Chủ tịch Quốc hội', issuer },
});

/** What one mutation is called with, by whom, and what its audit row must show. */
export interface Fixture {
  service: ServiceName;
  user: string;
  /** The unit whose audit trail the caller reads the row back from. */
  unitCode: string;
  query: string;
  variables: () => Record<string, unknown>;
  /** A creation has no state before it; every other change states what it changed from. */
  creates: boolean;
  /** Finds what the call needs before it is made. */
  prepare?: () => Promise<void>;
  /** Keeps an id later fixtures need. */
  keep?: (data: Record<string, { id?: string }>) => void;
  /**
   * What the call sets off through events, each audited on its own by the service that applies it
   * (a saga's steps): the test waits for each such row, then expects exactly these beside the call's.
   */
  follows?: ReadonlyArray<{ service: ServiceName; operation: string }>;
}

export const ids: Record<string, string> = {};
export const decisionOf = (variables: Record<string, unknown>): string => {
  const found = JSON.stringify(variables).match(/"number":"([^"]+)"/);
  return found?.[1] ?? '';
};
export const city = DEMO_USERS.hcmcAdmin;
export const commune = DEMO_USERS.thanhAnAdmin;
/** The city's organization board: it manages Thanh An's cadres from 1 July 2025, so it acts on their files. */
export const board = DEMO_USERS.hcmcOrganizationBoard;

/** One person and their membership, as the import files carry them. */
const IMPORTED_PERSON = 'Họ và tên,Số CCCD,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Đối tượng,Mã đơn vị\n'
  + `Trần Thị Bình,079191000102,1991-07-01,Nữ,Kinh,,Thành phố Hồ Chí Minh,Cán bộ,${THANH_AN}\n`;
const importedMembership = () => `Số CCCD,Mã tổ chức Đảng,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng viên\n079191000102,${ids.party},2026-06-01,,79.000102\n`;
/** The same person's post, as an assignment file carries it: a vice chair of Thanh An's People's Committee. */
const importedAssignment = () => `Số CCCD,Mã tổ chức,Mã chức danh,Kiêm nhiệm,Mã ghế\n079191000102,${ids.committee},COMMUNE_COMMITTEE_VICE_CHAIR,không,\n`;

/** The work products a commune's office and statistics officer owes each month. */
const WORK_PRODUCTS = [
  { code: 'BAO_CAO_THANG', name: 'Báo cáo tình hình tháng', weight: 40, expectedQuantity: 1, qualityStandard: 'Đúng thể thức, số liệu đối chiếu', deadlineDay: 25 },
  { code: 'HO_SO_HANH_CHINH', name: 'Hồ sơ thủ tục hành chính', weight: 60, expectedQuantity: 20, qualityStandard: 'Đúng hạn, không sai sót', deadlineDay: null },
];

const ruleBand = (level: string, condition: string) => ({ level, condition, requiresNoDisciplined: false, article: 'Điều 11–14' });
/** Decree 56/2015, which Decree 90/2020 replaced: a nationwide rule set, in every province's trail. */
const DECREE_56 = {
  code: 'ND56-2015-CIVIL_SERVANT',
  name: 'Đánh giá, phân loại công chức theo Nghị định 56/2015/NĐ-CP',
  appliesTo: 'CIVIL_SERVANT',
  validTo: '2020-08-13',
  sourceDocument: 'Nghị định 56/2015/NĐ-CP về đánh giá và phân loại cán bộ, công chức, viên chức',
  sourceArticle: 'Điều 11–14 (số điều chờ đối chiếu văn bản gốc / article number to be verified)',
  method: 'QUALITATIVE',
  criteria: [{ code: 'GENERAL', name: 'Tiêu chí chung', article: 'Điều 4' }, { code: 'TASK_RESULTS', name: 'Kết quả nhiệm vụ', article: 'Điều 4' }],
  bands: [ruleBand('HTXS', 'Xuất sắc'), ruleBand('HTT', 'Tốt'), ruleBand('HTNV', 'Đạt yêu cầu'), ruleBand('KHTNV', 'Không đạt')],
  quotas: [],
  overrides: [],
  change: { effectiveDate: '2015-08-01', reason: 'Ghi nhận quy tắc trước Nghị định 90/2020', decision: { number: '56/2015/NĐ-CP', date: '2015-06-09', signer: 'Thủ tướng Chính phủ' } },
};

/** In the order they run: later ones act on what earlier ones made. */
export const FIXTURES: Array<[string, Fixture]> = [
  ['createUnit', { service: 'organization', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { code } }',
    variables: () => ({ input: { code: HAMLET, name: 'Ấp Bến Đình', tier: 'HAMLET', parentCode: THANH_AN, change: central('1/NQ-HĐND', '2026-02-01', 'PROVINCE_PEOPLES_COUNCIL') } }) }],
  ['renameUnit', { service: 'organization', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($input: UnitChangeInput!) { renameUnit(input: $input) { started { code name } } }',
    variables: () => ({ input: { code: HAMLET, name: 'Ấp Bến Đình Mới', change: central('2/NQ-HĐND', '2026-03-01', 'PROVINCE_PEOPLES_COUNCIL') } }) }],
  ['moveUnit', { service: 'organization', user: city, unitCode: '79', creates: false,
    query: 'mutation ($input: UnitChangeInput!) { moveUnit(input: $input) { started { code path } } }',
    variables: () => ({ input: { code: HAMLET, parentCode: '25780', change: central('3/NQ-HĐND', '2026-04-01', 'PROVINCE_PEOPLES_COUNCIL') } }) }],
  ['createOrganization', { service: 'organization', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    variables: () => ({ input: { unitCode: THANH_AN, kind: 'DEPARTMENT', name: 'Phòng Kinh tế', change: local('4/QĐ-UBND', '2026-02-01') } }),
    keep: (data) => void (ids.economy = data.createOrganization.id as string) }],
  ['changeOrganization', { service: 'organization', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $input: ChangeOrganizationInput!) { changeOrganization(id: $id, input: $input) { id } }',
    variables: () => ({ id: ids.economy, input: { name: 'Phòng Kinh tế và Hạ tầng', change: local('5/QĐ-UBND', '2026-03-01') } }) }],
  ['addSeat', { service: 'organization', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($id: ID!, $input: AddSeatInput!) { addSeat(organizationId: $id, input: $input) { id } }',
    variables: () => ({ id: ids.economy, input: { title: 'Trưởng phòng', selection: 'APPOINTED', capacity: 1, change: local('6/QĐ-UBND', '2026-03-01') } }),
    keep: (data) => void (ids.seat = data.addSeat.id as string) }],
  ['changeSeat', { service: 'organization', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $input: ChangeSeatInput!) { changeSeat(id: $id, input: $input) { id } }',
    variables: () => ({ id: ids.seat, input: { capacity: 2, change: local('7/QĐ-UBND', '2026-03-15') } }) }],
  ['closeSeat', { service: 'organization', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $change: EffectiveChangeInput!) { closeSeat(id: $id, change: $change) { id } }',
    variables: () => ({ id: ids.seat, change: local('8/QĐ-UBND', '2026-04-01') }) }],
  ['addDuty', { service: 'organization', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($id: ID!, $input: AddDutyInput!) { addDuty(organizationId: $id, input: $input) { id } }',
    variables: () => ({ id: ids.economy, input: { kind: 'DUTY', text: 'Quản lý nhà nước về đất đai', change: local('9/QĐ-UBND', '2026-03-01') } }),
    keep: (data) => void (ids.duty = data.addDuty.id as string) }],
  ['closeDuty', { service: 'organization', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $change: EffectiveChangeInput!) { closeDuty(id: $id, change: $change) { id } }',
    variables: () => ({ id: ids.duty, change: local('10/QĐ-UBND', '2026-04-01') }) }],
  ['setUnitQuota', { service: 'organization', user: city, unitCode: THANH_AN, creates: false,
    query: 'mutation ($code: ID!, $change: EffectiveChangeInput!) { setUnitQuota(unitCode: $code, amount: 40, change: $change) { amount } }',
    variables: () => ({ code: THANH_AN, change: local('11/QĐ-UBND', '2026-02-01') }) }],
  // Raising an organization's quota is the tier above's decision (or an approved proposal's).
  ['setOrganizationQuota', { service: 'organization', user: city, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $change: EffectiveChangeInput!) { setOrganizationQuota(organizationId: $id, amount: 12, change: $change) { amount } }',
    variables: () => ({ id: ids.economy, change: local('12/QĐ-UBND', '2026-02-01') }) }],
  ['moveQuota', { service: 'organization', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($from: ID!, $to: ID!, $change: EffectiveChangeInput!) { moveQuota(fromOrganizationId: $from, toOrganizationId: $to, amount: 2, change: $change) { amount } }',
    variables: () => ({ from: ids.economy, to: ids.culture, change: local('13/QĐ-UBND', '2026-03-01') }) }],
  ['closeOrganization', { service: 'organization', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $change: EffectiveChangeInput!) { closeOrganization(id: $id, change: $change) { id } }',
    variables: () => ({ id: ids.culture, change: local('14/QĐ-UBND', '2026-05-01') }) }],
  ['mergeUnits', { service: 'organization', user: city, unitCode: '79', creates: false,
    query: 'mutation ($input: MergeUnitsInput!) { mergeUnits(input: $input) { started { code } } }',
    variables: () => ({ input: { predecessorCodes: ['27673', '27676'], successorCode: '27676', successorName: 'Xã Thạnh An', change: central('15/NQ-UBTVQH15', '2026-06-01', 'NA_STANDING_COMMITTEE') } }) }],
  ['splitUnit', { service: 'organization', user: city, unitCode: '79', creates: false,
    query: 'mutation ($input: SplitUnitInput!) { splitUnit(input: $input) { started { code } } }',
    variables: () => ({ input: { code: '27664', successors: [{ code: '27664', name: 'Xã Cần Giờ' }, { code: '27665', name: 'Xã Long Hòa' }], change: central('16/NQ-UBTVQH15', '2026-06-01', 'NA_STANDING_COMMITTEE') } }) }],
  ['dissolveUnit', { service: 'organization', user: city, unitCode: '79', creates: false,
    query: 'mutation ($input: UnitChangeInput!) { dissolveUnit(input: $input) { ended { code } } }',
    variables: () => ({ input: { code: '27667', successorCode: '27658', change: central('17/NQ-UBTVQH15', '2026-06-01', 'NA_STANDING_COMMITTEE') } }) }],
  ['adjustBoundary', { service: 'organization', user: city, unitCode: '79', creates: false,
    query: 'mutation ($input: AdjustBoundaryInput!) { adjustBoundary(input: $input) { started { code } } }',
    variables: () => ({ input: { fromCode: '27655', toCode: '27658', area: 'Ấp 3', change: central('18/NQ-UBTVQH15', '2026-06-01', 'NA_STANDING_COMMITTEE') } }) }],
  ['registerPerson', { service: 'personnel', user: board, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }',
    variables: () => ({ input: {
      unitCode: THANH_AN, fullName: 'Nguyễn Văn An', personalId: '079090000101', birthDate: '1990-05-01', gender: 'MALE', ethnicity: 'Kinh',
      homePlace: 'Thành phố Hồ Chí Minh', category: 'CADRE', change: local('19/QĐ-UBND', '2026-02-01'),
    } }),
    keep: (data) => void (ids.person = data.registerPerson.id as string) }],
  ['recordQualifications', { service: 'personnel', user: board, unitCode: THANH_AN, creates: false,
    query: 'mutation ($input: RecordQualificationsInput!) { recordQualifications(input: $input) { id } }',
    variables: () => ({ input: {
      personId: ids.person, qualifications: { professionalLevel: 'BACHELOR', politicalTheoryLevel: 'ADVANCED', salaryStep: 2, salaryCoefficient: 2.67 },
      change: local('25/QĐ-UBND', '2026-03-01'),
    } }) }],
  ['recordDiscipline', { service: 'personnel', user: board, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: RecordDisciplineInput!) { recordDiscipline(input: $input) { id } }',
    variables: () => ({ input: { personId: ids.person, system: 'ADMINISTRATIVE', form: 'REPRIMAND', endsOn: '2026-09-15', change: local('26/QĐ-UBND', '2026-03-15') } }) }],
  ['recordReward', { service: 'personnel', user: board, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: RecordRewardInput!) { recordReward(input: $input) { id } }',
    variables: () => ({ input: { personId: ids.person, form: 'COMMENDATION', title: 'Giấy khen của Chủ tịch UBND xã', change: local('27/QĐ-UBND', '2026-03-20') } }) }],
  ['recordFamilyMember', { service: 'personnel', user: board, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: RecordFamilyMemberInput!) { recordFamilyMember(input: $input) { id } }',
    variables: () => ({ input: {
      personId: ids.person, relation: 'FATHER', fullName: 'Nguyễn Văn Ba', birthYear: 1960, occupation: 'Hưu trí', residence: 'Xã Thạnh An, Thành phố Hồ Chí Minh',
      change: local('41/QĐ-UBND', '2026-03-20'),
    } }),
  }],
  ['correctFamilyMember', { service: 'personnel', user: board, unitCode: THANH_AN, creates: false,
    // The member's id from the table: reading it back through personalData would be a full read, with its own audit row.
    prepare: async () => {
      [{ id: ids.familyMember }] = await queryDatabase<{ id: string }>(databaseOf('personnel'), 'SELECT id::text FROM family_member WHERE person_id = $1', [ids.person]);
    },
    query: 'mutation ($id: ID!, $input: CorrectFamilyMemberInput!) { correctFamilyMember(id: $id, input: $input) { id } }',
    variables: () => ({ id: ids.familyMember, input: { occupation: 'Cựu chiến binh', change: local('42/QĐ-UBND', '2026-04-01') } }) }],
  ['endFamilyMember', { service: 'personnel', user: board, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $change: EffectiveChangeInput!) { endFamilyMember(id: $id, change: $change) { id } }',
    variables: () => ({ id: ids.familyMember, change: local('43/QĐ-UBND', '2026-05-01') }) }],
  ['admitPartyMember', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: AdmitPartyMemberInput!) { admitPartyMember(input: $input) { id } }',
    variables: () => ({ input: { personId: ids.person, partyOrganizationId: ids.party, cardNumber: '79.000101', change: local('22/QĐ-ĐU', '2026-02-01') } }),
    keep: (data) => void (ids.membership = data.admitPartyMember.id as string) }],
  ['transferPartyMembership', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $input: TransferPartyMembershipInput!) { transferPartyMembership(id: $id, input: $input) { id } }',
    variables: () => ({ id: ids.membership, input: { partyOrganizationId: ids.otherParty, change: local('23/QĐ-ĐU', '2026-03-01') } }) }],
  ['endPartyMembership', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $input: EndPartyMembershipInput!) { endPartyMembership(id: $id, input: $input) { id } }',
    variables: () => ({ id: ids.membership, input: { endReason: 'TRANSFERRED_OUT', change: local('24/QĐ-ĐU', '2026-04-01') } }) }],
  ['assign', { service: 'personnel', user: board, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: AssignInput!) { assign(input: $input) { id } }',
    variables: () => ({ input: { personId: ids.person, organizationId: ids.committee, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', change: local('25/QĐ-UBND', '2026-05-01') } }),
    keep: (data) => void (ids.assignment = data.assign.id as string) }],
  ['transferAssignment', { service: 'personnel', user: board, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $input: TransferAssignmentInput!) { transferAssignment(id: $id, input: $input) { id } }',
    variables: () => ({ id: ids.assignment, input: { organizationId: ids.committee, titleCode: 'COMMUNE_OFFICE_STATISTICS', change: local('26/QĐ-UBND', '2026-06-01') } }),
    keep: (data) => void (ids.assignment = data.transferAssignment.id as string) }],
  ['endAssignment', { service: 'personnel', user: board, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $input: EndAssignmentInput!) { endAssignment(id: $id, input: $input) { id } }',
    variables: () => ({ id: ids.assignment, input: { endReason: 'RETIRED', change: local('27/QĐ-UBND', '2026-07-01') } }) }],
  ['addToCadrePlanning', { service: 'personnel', user: board, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: AddToPlanningInput!) { addToCadrePlanning(input: $input) { id } }',
    variables: () => ({ input: { personId: ids.person, titleCode: 'COMMUNE_COMMITTEE_CHAIR', unitCode: THANH_AN, term: '2025-2030', change: local('31/QĐ-ĐU', '2026-02-15') } }),
    keep: (data) => void (ids.planning = data.addToCadrePlanning.id as string) }],
  ['startRotation', { service: 'personnel', user: board, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: StartRotationInput!) { startRotation(input: $input) { id } }',
    variables: () => ({ input: {
      personId: ids.person, fromUnitCode: THANH_AN, toUnitCode: '25780', titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', plannedEndOn: '2029-03-01',
      change: local('32/QĐ-TU', '2026-03-01'),
    } }),
    keep: (data) => void (ids.rotation = data.startRotation.id as string) }],
  ['extendRotation', { service: 'personnel', user: board, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $input: ExtendRotationInput!) { extendRotation(id: $id, input: $input) { id } }',
    variables: () => ({ id: ids.rotation, input: { plannedEndOn: '2029-09-01', change: local('33/QĐ-TU', '2026-04-01') } }) }],
  ['completeRotation', { service: 'personnel', user: board, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $input: CompleteRotationInput!) { completeRotation(id: $id, input: $input) { id } }',
    variables: () => ({ id: ids.rotation, input: { change: local('34/QĐ-TU', '2026-05-01') } }) }],
  ['removeFromCadrePlanning', { service: 'personnel', user: board, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $input: RemoveFromPlanningInput!) { removeFromCadrePlanning(id: $id, input: $input) { id } }',
    variables: () => ({ id: ids.planning, input: { change: local('35/QĐ-ĐU', '2026-05-15') } }) }],
  ['decideDownsizing', { service: 'personnel', user: board, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: DecideDownsizingInput!) { decideDownsizing(input: $input) { id } }',
    variables: () => ({ input: { personId: ids.person, groundCode: 'RESTRUCTURING_SURPLUS', change: local('36/QĐ-UBND', '2026-06-01') } }) }],
  ['recordCircumstance', { service: 'personnel', user: board, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: RecordCircumstanceInput!) { recordCircumstance(input: $input) { id } }',
    variables: () => ({ input: { personId: ids.person, kind: 'UNDER_INSPECTION', endsOn: '2026-09-01', change: local('37/QĐ-UBND', '2026-06-15') } }) }],
  ['importPeople', { service: 'personnel', user: board, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: ImportFileInput!) { importPeople(input: $input) { imported rejected } }',
    variables: () => ({ input: { format: 'CSV', contentBase64: [Buffer.from(IMPORTED_PERSON).toString('base64')], change: local('38/QĐ-UBND', '2026-06-01') } }) }],
  ['importPartyMemberships', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: ImportFileInput!) { importPartyMemberships(input: $input) { imported rejected } }',
    variables: () => ({ input: { format: 'CSV', contentBase64: [Buffer.from(importedMembership()).toString('base64')], change: local('39/QĐ-ĐU', '2026-06-01') } }) }],
  ['importAssignments', { service: 'personnel', user: board, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: ImportFileInput!) { importAssignments(input: $input) { imported rejected } }',
    variables: () => ({ input: { format: 'CSV', contentBase64: [Buffer.from(importedAssignment()).toString('base64')], change: local('40/QĐ-UBND', '2026-06-01') } }) }],
  ['recordResponsibilityRule', { service: 'evaluation', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: RecordResponsibilityRuleInput!) { recordResponsibilityRule(input: $input) { id } }',
    variables: () => ({ input: { unitCode: THANH_AN, organizationId: ids.committee, titleCode: 'VAN_PHONG_THONG_KE', products: WORK_PRODUCTS, change: local('50/QĐ-UBND', '2026-02-01') } }) }],
  ['openEvaluationCycle', { service: 'evaluation', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: OpenEvaluationCycleInput!) { openEvaluationCycle(input: $input) { id } }',
    variables: () => ({ input: { unitCode: THANH_AN, kind: 'MONTHLY', periodFrom: '2026-03-01', periodTo: '2026-03-31', change: local('51/QĐ-UBND', '2026-03-01') } }),
    keep: (data) => void (ids.cycle = data.openEvaluationCycle.id as string) }],
  ['scoreWorkProducts', { service: 'evaluation', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: ScoreWorkProductsInput!) { scoreWorkProducts(input: $input) { id } }',
    variables: () => ({ input: {
      cycleId: ids.cycle, personId: ids.person, subject: 'CIVIL_SERVANT', organizationId: ids.committee, titleCode: 'VAN_PHONG_THONG_KE', leaveDays: 2,
      assessed: [{ code: 'GENERAL', percent: 90 }], products: [{ code: 'BAO_CAO_THANG', quantity: 1, qualityMet: true, deliveredOn: '2026-03-25' }],
      change: local('52/BB-UBND', '2026-04-02') } }) }],
  ['closeEvaluationCycle', { service: 'evaluation', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($input: CloseEvaluationCycleInput!) { closeEvaluationCycle(input: $input) { id } }',
    variables: () => ({ input: { cycleId: ids.cycle, change: local('53/QĐ-UBND', '2026-04-05') } }) }],
  ['openEvaluation', { service: 'evaluation', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: OpenEvaluationInput!) { openEvaluation(input: $input) { id } }',
    variables: () => ({ input: {
      personId: ids.person, fullName: 'Trần Thị Bình', unitCode: THANH_AN, organizationId: ids.committee, titleCode: 'VAN_PHONG_THONG_KE', subject: 'CIVIL_SERVANT', year: 2026,
      dutyGroup: 'CHUYEN_MON', change: local('54/KH-UBND', '2026-11-02') } }),
    keep: (data) => void (ids.evaluation = data.openEvaluation.id as string) }],
  ['recordSelfAssessment', { service: 'evaluation', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($input: RecordSelfAssessmentInput!) { recordSelfAssessment(input: $input) { id } }',
    variables: () => ({ input: { evaluationId: ids.evaluation, level: 'HTT', comment: 'Hoàn thành tốt các nhiệm vụ được giao', change: local('55/BC', '2026-11-03') } }) }],
  ['recordStaffMeetingComments', { service: 'evaluation', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($input: RecordStaffMeetingCommentsInput!) { recordStaffMeetingComments(input: $input) { id } }',
    variables: () => ({ input: { evaluationId: ids.evaluation, comment: 'Tập thể thống nhất với bản tự đánh giá', change: local('56/BB-UBND', '2026-11-04') } }) }],
  ['proposeRating', { service: 'evaluation', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($input: ProposeRatingInput!) { proposeRating(input: $input) { id } }',
    variables: () => ({ input: { evaluationId: ids.evaluation, level: 'HTT', comment: 'Đề nghị hoàn thành tốt nhiệm vụ', change: local('57/TTr-VP', '2026-11-05') } }) }],
  ['decideRatings', { service: 'evaluation', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($input: DecideRatingsInput!) { decideRatings(input: $input) { id } }',
    variables: () => ({ input: { decisions: [{ evaluationId: ids.evaluation, level: 'HTT' }], change: local('58/QĐ-UBND', '2026-11-10') } }) }],
  ['fileRatingAppeal', { service: 'evaluation', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($input: FileRatingAppealInput!) { fileRatingAppeal(input: $input) { id } }',
    variables: () => ({ input: { evaluationId: ids.evaluation, reason: 'Đề nghị xem xét lại kết quả', change: local('59/ĐKN', '2026-11-12') } }),
    keep: (data) => void (ids.appeal = data.fileRatingAppeal.id as string) }],
  ['resolveRatingAppeal', { service: 'evaluation', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($input: ResolveRatingAppealInput!) { resolveRatingAppeal(input: $input) { id } }',
    variables: () => ({ input: { appealId: ids.appeal, upheld: false, resolution: 'Giữ nguyên kết quả xếp loại', change: local('60/QĐ-UBND', '2026-11-16') } }) }],
  ['recordRatingRuleSet', { service: 'evaluation', user: DEMO_USERS.nationalRecorder, unitCode: '79', creates: true,
    query: 'mutation ($input: RecordRatingRuleSetInput!) { recordRatingRuleSet(input: $input) { id } }',
    variables: () => ({ input: DECREE_56 }) }],
  ...accountFixtures({ ids, thanhAn: THANH_AN, city }),
  // Last: approving a staffing proposal goes on asynchronously (the quota raised, the proposal applied).
  ...reformFixtures({ ids, local, thanhAn: THANH_AN, commune, city, board }),
];

