import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { DEMO_USERS, errorCodes, eventually, graphqlRequest, queryDatabase, tokenFor, type StartedProcess } from '@ps/testing';
import { databaseOf, everyServiceProjectedTheTerritory, gatewayUrl, SERVICES, startPlatform, stopPlatform, type ServiceName } from './platform';

/** Every mutation of the composed schema, read from the committed supergraph the gateway serves. */
function composedMutations(): string[] {
  const document = parse(readFileSync(join(__dirname, '..', 'supergraph.graphql'), 'utf8'));
  const mutation = document.definitions.find(
    (definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Mutation',
  );
  return (mutation?.fields ?? []).map((field) => field.name.value).sort();
}

const THANH_AN = '25807';
const HAMLET = '25807_11';
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** A local decision (a commune's or the city's People's Committee), numbered so each write's row can be told apart. */
const local = (number: string, effectiveDate: string) => ({
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
interface Fixture {
  service: ServiceName;
  user: string;
  /** The unit whose audit trail the caller reads the row back from. */
  unitCode: string;
  query: string;
  variables: () => Record<string, unknown>;
  /** A creation has no state before it; every other change states what it changed from. */
  creates: boolean;
  /** Keeps an id later fixtures need. */
  keep?: (data: Record<string, { id?: string }>) => void;
}

const ids: Record<string, string> = {};
const decisionOf = (variables: Record<string, unknown>): string => {
  const found = JSON.stringify(variables).match(/"number":"([^"]+)"/);
  return found?.[1] ?? '';
};
const city = DEMO_USERS.hcmcAdmin;
const commune = DEMO_USERS.thanhAnAdmin;

/** One person and their membership, as the import files carry them. */
const IMPORTED_PERSON = 'Họ và tên,Số CCCD,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Đối tượng,Mã đơn vị\n'
  + `Trần Thị Bình,079191000102,1991-07-01,Nữ,Kinh,,Thành phố Hồ Chí Minh,Cán bộ,${THANH_AN}\n`;
const importedMembership = () => `Số CCCD,Mã tổ chức Đảng,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng viên\n079191000102,${ids.party},2026-06-01,,79.000102\n`;
/** The same person's post, as an assignment file carries it: a vice chair of Thanh An's People's Committee. */
const importedAssignment = () => `Số CCCD,Mã tổ chức,Mã chức danh,Kiêm nhiệm,Mã ghế\n079191000102,${ids.committee},COMMUNE_COMMITTEE_VICE_CHAIR,không,\n`;

/** In the order they run: later ones act on what earlier ones made. */
const FIXTURES: Array<[string, Fixture]> = [
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
  ['setOrganizationQuota', { service: 'organization', user: commune, unitCode: THANH_AN, creates: false,
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
  ['registerPerson', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }',
    variables: () => ({ input: {
      unitCode: THANH_AN, fullName: 'Nguyễn Văn An', personalId: '079090000101', birthDate: '1990-05-01', gender: 'MALE', ethnicity: 'Kinh',
      homePlace: 'Thành phố Hồ Chí Minh', category: 'CADRE', change: local('19/QĐ-UBND', '2026-02-01'),
    } }),
    keep: (data) => void (ids.person = data.registerPerson.id as string) }],
  ['recordQualifications', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($input: RecordQualificationsInput!) { recordQualifications(input: $input) { id } }',
    variables: () => ({ input: {
      personId: ids.person, qualifications: { professionalLevel: 'BACHELOR', politicalTheoryLevel: 'ADVANCED', salaryStep: 2, salaryCoefficient: 2.67 },
      change: local('25/QĐ-UBND', '2026-03-01'),
    } }) }],
  ['recordDiscipline', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: RecordDisciplineInput!) { recordDiscipline(input: $input) { id } }',
    variables: () => ({ input: { personId: ids.person, system: 'ADMINISTRATIVE', form: 'REPRIMAND', endsOn: '2026-09-15', change: local('26/QĐ-UBND', '2026-03-15') } }) }],
  ['recordReward', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: RecordRewardInput!) { recordReward(input: $input) { id } }',
    variables: () => ({ input: { personId: ids.person, form: 'COMMENDATION', title: 'Giấy khen của Chủ tịch UBND xã', change: local('27/QĐ-UBND', '2026-03-20') } }) }],
  ['recordFamilyMember', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: RecordFamilyMemberInput!) { recordFamilyMember(input: $input) { id personalData { family { id } } } }',
    variables: () => ({ input: {
      personId: ids.person, relation: 'FATHER', fullName: 'Nguyễn Văn Ba', birthYear: 1960, occupation: 'Hưu trí', residence: 'Xã Thạnh An, Thành phố Hồ Chí Minh',
      change: local('41/QĐ-UBND', '2026-03-20'),
    } }),
    keep: (data) => void (ids.familyMember = (data.recordFamilyMember as { personalData: { family: Array<{ id: string }> } }).personalData.family[0].id) }],
  ['correctFamilyMember', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $input: CorrectFamilyMemberInput!) { correctFamilyMember(id: $id, input: $input) { id } }',
    variables: () => ({ id: ids.familyMember, input: { occupation: 'Cựu chiến binh', change: local('42/QĐ-UBND', '2026-04-01') } }) }],
  ['endFamilyMember', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: false,
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
  ['assign', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: AssignInput!) { assign(input: $input) { id } }',
    variables: () => ({ input: { personId: ids.person, organizationId: ids.committee, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', change: local('25/QĐ-UBND', '2026-05-01') } }),
    keep: (data) => void (ids.assignment = data.assign.id as string) }],
  ['transferAssignment', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $input: TransferAssignmentInput!) { transferAssignment(id: $id, input: $input) { id } }',
    variables: () => ({ id: ids.assignment, input: { organizationId: ids.committee, titleCode: 'COMMUNE_OFFICE_STATISTICS', change: local('26/QĐ-UBND', '2026-06-01') } }),
    keep: (data) => void (ids.assignment = data.transferAssignment.id as string) }],
  ['endAssignment', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $input: EndAssignmentInput!) { endAssignment(id: $id, input: $input) { id } }',
    variables: () => ({ id: ids.assignment, input: { endReason: 'RETIRED', change: local('27/QĐ-UBND', '2026-07-01') } }) }],
  ['addToCadrePlanning', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: AddToPlanningInput!) { addToCadrePlanning(input: $input) { id } }',
    variables: () => ({ input: { personId: ids.person, titleCode: 'COMMUNE_COMMITTEE_CHAIR', unitCode: THANH_AN, term: '2025-2030', change: local('31/QĐ-ĐU', '2026-02-15') } }),
    keep: (data) => void (ids.planning = data.addToCadrePlanning.id as string) }],
  ['startRotation', { service: 'personnel', user: city, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: StartRotationInput!) { startRotation(input: $input) { id } }',
    variables: () => ({ input: {
      personId: ids.person, fromUnitCode: THANH_AN, toUnitCode: '25780', titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', plannedEndOn: '2029-03-01',
      change: local('32/QĐ-TU', '2026-03-01'),
    } }),
    keep: (data) => void (ids.rotation = data.startRotation.id as string) }],
  ['extendRotation', { service: 'personnel', user: city, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $input: ExtendRotationInput!) { extendRotation(id: $id, input: $input) { id } }',
    variables: () => ({ id: ids.rotation, input: { plannedEndOn: '2029-09-01', change: local('33/QĐ-TU', '2026-04-01') } }) }],
  ['completeRotation', { service: 'personnel', user: city, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $input: CompleteRotationInput!) { completeRotation(id: $id, input: $input) { id } }',
    variables: () => ({ id: ids.rotation, input: { change: local('34/QĐ-TU', '2026-05-01') } }) }],
  ['removeFromCadrePlanning', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: false,
    query: 'mutation ($id: ID!, $input: RemoveFromPlanningInput!) { removeFromCadrePlanning(id: $id, input: $input) { id } }',
    variables: () => ({ id: ids.planning, input: { change: local('35/QĐ-ĐU', '2026-05-15') } }) }],
  ['decideDownsizing', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: DecideDownsizingInput!) { decideDownsizing(input: $input) { id } }',
    variables: () => ({ input: { personId: ids.person, groundCode: 'RESTRUCTURING_SURPLUS', change: local('36/QĐ-UBND', '2026-06-01') } }) }],
  ['recordCircumstance', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: RecordCircumstanceInput!) { recordCircumstance(input: $input) { id } }',
    variables: () => ({ input: { personId: ids.person, kind: 'UNDER_INSPECTION', endsOn: '2026-09-01', change: local('37/QĐ-UBND', '2026-06-15') } }) }],
  ['importPeople', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: ImportFileInput!) { importPeople(input: $input) { imported rejected } }',
    variables: () => ({ input: { format: 'CSV', contentBase64: [Buffer.from(IMPORTED_PERSON).toString('base64')], change: local('38/QĐ-UBND', '2026-06-01') } }) }],
  ['importPartyMemberships', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: ImportFileInput!) { importPartyMemberships(input: $input) { imported rejected } }',
    variables: () => ({ input: { format: 'CSV', contentBase64: [Buffer.from(importedMembership()).toString('base64')], change: local('39/QĐ-ĐU', '2026-06-01') } }) }],
  ['importAssignments', { service: 'personnel', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: ImportFileInput!) { importAssignments(input: $input) { imported rejected } }',
    variables: () => ({ input: { format: 'CSV', contentBase64: [Buffer.from(importedAssignment()).toString('base64')], change: local('40/QĐ-UBND', '2026-06-01') } }) }],
  ['recordRating', { service: 'evaluation', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: RecordRatingInput!) { recordRating(input: $input) { id } }',
    variables: () => ({ input: { unitCode: THANH_AN, subjectName: 'Nguyễn Văn An', year: 2025, level: 'HTT', change: local('20/QĐ-UBND', '2026-01-20') } }) }],
  ['createReformPlan', { service: 'reform', user: commune, unitCode: THANH_AN, creates: true,
    query: 'mutation ($input: CreateReformPlanInput!) { createReformPlan(input: $input) { id } }',
    variables: () => ({ input: { unitCode: THANH_AN, title: 'Sắp xếp bộ máy xã', resolutionRef: '18-NQ/TW', change: local('21/QĐ-UBND', '2026-02-01') } }) }],
];

interface AuditRow {
  id: string;
  operation: string;
  username: string;
  before: unknown;
  after: unknown;
  decision: { number: string } | null;
}

const lastAuditId = async (service: ServiceName): Promise<string> =>
  (await queryDatabase<{ last: string }>(databaseOf(service), 'SELECT coalesce(max(id), 0)::text AS last FROM audit_log'))[0].last;
const auditRowsAfter = (service: ServiceName, id: string) =>
  queryDatabase<AuditRow>(databaseOf(service), 'SELECT id::text, operation, username, before, after, decision FROM audit_log WHERE id > $1 ORDER BY id', [id]);

const TRAIL = `query ($unitCode: ID!, $from: LocalDate!, $to: LocalDate!, $operation: String) {
  auditTrail(unitCode: $unitCode, from: $from, to: $to, operation: $operation) {
    organization { entries { id operation decision { number } } }
    personnel { entries { id operation decision { number } } }
    evaluation { entries { id operation decision { number } } }
    reform { entries { id operation decision { number } } }
  }
}`;
type Section = { entries: Array<{ id: string; operation: string; decision: { number: string } | null }> } | null;
const trail = async (username: string, unitCode: string, operation: string | null = null) =>
  graphqlRequest<{ auditTrail: Record<ServiceName, Section> | null }>(gatewayUrl, TRAIL, {
    token: await tokenFor(username),
    variables: { unitCode, from: '2026-01-01', to: TODAY, operation },
  });

let platform: StartedProcess[] = [];

beforeAll(async () => {
  platform = await startPlatform();
  await everyServiceProjectedTheTerritory();
  // A second organization of Thanh An for quota moves and closing (its own audit row is checked like the others).
  const culture = await graphqlRequest<{ createOrganization: { id: string } }>(
    gatewayUrl,
    'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    { token: await tokenFor(commune), variables: { input: { unitCode: THANH_AN, kind: 'DEPARTMENT', name: 'Phòng Văn hóa - Xã hội', change: local('0/QĐ-UBND', '2026-02-01') } } },
  );
  expect(culture.errors).toBeUndefined();
  ids.culture = culture.data!.createOrganization.id;
  // The city's own staffing quota, from which it allocates to its communes.
  const quota = await graphqlRequest(gatewayUrl, 'mutation ($change: EffectiveChangeInput!) { setUnitQuota(unitCode: "79", amount: 90000, change: $change) { amount } }', {
    token: await tokenFor(city),
    variables: { change: local('0/QĐ-TTg', '2026-01-01') },
  });
  expect(quota.errors).toBeUndefined();
  // Thanh An's grassroots Party organizations (the Dầu Tiếng story's), once personnel has projected them.
  const party = (await queryDatabase<{ id: string }>(
    databaseOf('organization'),
    "SELECT DISTINCT id::text FROM organization WHERE unit_code = $1 AND kind = 'PARTY_GRASSROOTS' AND valid_to IS NULL ORDER BY id",
    [THANH_AN],
  )).map((row) => row.id).slice(0, 2);
  [ids.party, ids.otherParty] = party;
  expect(party).toHaveLength(2);
  // Its People's Committee, which assignments are to.
  [{ id: ids.committee }] = await queryDatabase<{ id: string }>(
    databaseOf('organization'), "SELECT id::text FROM organization WHERE unit_code = $1 AND kind = 'PEOPLES_COMMITTEE' AND valid_to IS NULL", [THANH_AN],
  );
  const organizations = [...party, ids.committee];
  await eventually(async () => {
    const [projected] = await queryDatabase<{ n: number }>(
      databaseOf('personnel'), 'SELECT count(DISTINCT id)::int AS n FROM organization WHERE id = ANY($1::uuid[]) AND valid_to IS NULL', [organizations],
    );
    return projected.n === organizations.length ? true : undefined;
  }, { what: 'personnel projected Thanh An’s Party organizations and People’s Committee', timeoutMs: 180_000 });
}, 300_000);

afterAll(() => stopPlatform(platform));

describe('every mutation of the composed schema', () => {
  it('has a fixture here (a new mutation without one fails this test)', () => {
    expect(FIXTURES.map(([name]) => name).sort()).toEqual(composedMutations());
  });

  it.each(FIXTURES)('%s writes exactly one audit row, with before, after and the decision, that its caller reads back', async (name, fixture) => {
    const variables = fixture.variables();
    const since = await Promise.all(SERVICES.map(({ name: service }) => lastAuditId(service)));
    const response = await graphqlRequest<Record<string, { id?: string }>>(gatewayUrl, fixture.query, { token: await tokenFor(fixture.user), variables });
    expect(response.errors).toBeUndefined();
    fixture.keep?.(response.data!);

    const written = await Promise.all(SERVICES.map(({ name: service }, index) => auditRowsAfter(service, since[index])));
    const rows = written.flat();
    expect(rows).toHaveLength(1);
    expect(written[SERVICES.findIndex((service) => service.name === fixture.service)]).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ operation: name, username: fixture.user, decision: { number: decisionOf(variables) } });
    expect(row.after).not.toBeNull();
    if (fixture.creates) expect(row.before).toBeNull();
    else expect(row.before).not.toBeNull();

    const read = await trail(fixture.user, fixture.unitCode, name);
    expect(read.errors).toBeUndefined();
    expect(read.data?.auditTrail?.[fixture.service]?.entries[0]).toEqual({ id: row.id, operation: name, decision: { number: decisionOf(variables) } });
  });
});

describe('personal data through the gateway', () => {
  // As of a day the father recorded above was on the file (he was ended on 1 May 2026).
  const PERSONAL_DATA = `query ($id: ID!) { person(id: $id, asOf: "2026-04-15") {
    fullName personalData { masked personalId birthDate homePlace family { relation fullName birthYear occupation residence } } managedBy { tier unitCode body }
  } }`;
  const personalData = async (username: string) =>
    graphqlRequest<{ person: { personalData: Record<string, unknown>; managedBy: unknown[] } | null }>(gatewayUrl, PERSONAL_DATA, {
      token: await tokenFor(username), variables: { id: ids.person },
    });
  const reads = async () =>
    queryDatabase<{ username: string; fields: string[] }>(databaseOf('personnel'), "SELECT username, fields FROM audit_log WHERE kind = 'READ' AND target_id = $1 ORDER BY id", [ids.person]);

  it('masks a commune cadre for the commune’s admin and reads nothing into the trail', async () => {
    const response = await personalData(commune);
    expect(response.errors).toBeUndefined();
    expect(response.data?.person?.personalData).toEqual({
      masked: true, personalId: '0********101', birthDate: '1990', homePlace: '***',
      family: [{ relation: 'FATHER', fullName: 'Nguyễn V. B.', birthYear: null, occupation: '***', residence: 'Thành phố Hồ Chí Minh' }],
    });
    expect(response.data?.person?.managedBy).toEqual([{ tier: 'PROVINCE', unitCode: '79', body: 'ORGANIZATION_BOARD' }]);
    expect(await reads()).toEqual([]);
  });

  it('gives the city’s organization board the cadre in full, and the read is in the personnel audit trail', async () => {
    const response = await personalData(DEMO_USERS.hcmcOrganizationBoard);
    expect(response.errors).toBeUndefined();
    expect(response.data?.person?.personalData).toEqual({
      masked: false, personalId: '079090000101', birthDate: '1990-05-01', homePlace: 'Thành phố Hồ Chí Minh',
      family: [{ relation: 'FATHER', fullName: 'Nguyễn Văn Ba', birthYear: 1960, occupation: 'Cựu chiến binh', residence: 'Xã Thạnh An, Thành phố Hồ Chí Minh' }],
    });
    expect(await reads()).toEqual([{ username: 'tochuc.tphcm', fields: ['personalId', 'birthDate', 'homePlace', 'family'] }]);
    const read = await trail(commune, THANH_AN, 'readPersonalData');
    expect(read.errors).toBeUndefined();
    expect(read.data?.auditTrail?.personnel?.entries.map((entry) => [entry.operation, entry.decision])).toEqual([['readPersonalData', null]]);
  });
});

describe('the audit table', () => {
  it.each(SERVICES.map(({ name }) => name))('refuses UPDATE, DELETE and TRUNCATE in %s', async (service) => {
    const database = databaseOf(service);
    const [before] = await queryDatabase<{ rows: number }>(database, 'SELECT count(*)::int AS rows FROM audit_log');
    expect(before.rows).toBeGreaterThan(0);
    await expect(queryDatabase(database, "UPDATE audit_log SET operation = 'rewritten'")).rejects.toThrow(/append-only|chỉ được thêm/i);
    await expect(queryDatabase(database, 'DELETE FROM audit_log')).rejects.toThrow(/append-only|chỉ được thêm/i);
    await expect(queryDatabase(database, 'TRUNCATE audit_log')).rejects.toThrow(/append-only|chỉ được thêm/i);
    const [after] = await queryDatabase<{ rows: number; rewritten: number }>(
      database,
      "SELECT count(*)::int AS rows, count(*) FILTER (WHERE operation = 'rewritten')::int AS rewritten FROM audit_log",
    );
    expect(after).toEqual({ rows: before.rows, rewritten: 0 });
  });
});

describe('who reads whose audit trail', () => {
  it('lets the district admin read the trail of a commune below it, and the An Lập admin not Định An’s', async () => {
    const district = await trail(DEMO_USERS.districtAdmin, '25801');
    expect(district.errors).toBeUndefined();
    // The demo story and the 2025 reorganization that ended An Lập were recorded with the seed.
    expect(district.data?.auditTrail?.organization?.entries.map((entry) => entry.operation)).toEqual(
      expect.arrayContaining(['seedDauTiengStory', 'loadTwoTierTerritory']),
    );
    const neighbour = await trail(DEMO_USERS.anLapAdmin, '25789');
    expect(errorCodes(neighbour)).toEqual(['FORBIDDEN']);
    expect(neighbour.errors?.[0].extensions?.details).toMatchObject({ reason: 'OUTSIDE_TERRITORY' });
    expect(neighbour.data?.auditTrail ?? null).toBeNull();
  });

  it('lets the city admin read what the Thanh An admin recorded, in all four services, and keeps the commune admin out of the city and its other communes', async () => {
    const cityRead = await trail(city, THANH_AN);
    expect(cityRead.errors).toBeUndefined();
    const operations = (section: ServiceName) => cityRead.data?.auditTrail?.[section]?.entries.map((entry) => entry.operation) ?? [];
    expect(operations('organization')).toEqual(expect.arrayContaining(['createOrganization', 'addSeat', 'closeDuty', 'setUnitQuota']));
    expect([operations('personnel'), operations('evaluation'), operations('reform')]).toEqual([
      [
        'readPersonalData', 'importAssignments', 'importPartyMemberships', 'importPeople', 'recordCircumstance', 'decideDownsizing', 'removeFromCadrePlanning', 'completeRotation',
        'extendRotation', 'startRotation', 'addToCadrePlanning', 'endAssignment', 'transferAssignment', 'assign', 'endPartyMembership',
        'transferPartyMembership', 'admitPartyMember', 'endFamilyMember', 'correctFamilyMember', 'recordFamilyMember', 'recordReward', 'recordDiscipline', 'recordQualifications', 'registerPerson',
      ],
      ['recordRating'], ['createReformPlan'],
    ]);
    for (const unitCode of ['79', '25747']) {
      const refused = await trail(commune, unitCode);
      expect({ unitCode, codes: errorCodes(refused) }).toEqual({ unitCode, codes: ['FORBIDDEN'] });
    }
    // Nothing the city recorded about other communes (a merger, a split) reaches the commune's own trail.
    const own = await trail(commune, THANH_AN);
    expect(own.data?.auditTrail?.organization?.entries.map((entry) => entry.operation)).not.toEqual(
      expect.arrayContaining(['mergeUnits']),
    );
  });
});
