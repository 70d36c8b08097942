import { demoTerritoryAnnouncements } from '@ps/contracts';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { auditTrailId } from '@ps/effective-dating';
import { auditSectionPage, changeOn, DEMO_USERS, graphqlRequest, publishAndAwait, recreateTestDatabase, serviceTestEnv, tokenFor } from '@ps/testing';
import { MANAGEMENT_RULES, TITLE_MANAGEMENT_RULES } from '../src/management/management.rules';
import { MIGRATED_RULES } from '../src/migrations/1733410000000-added-management-rules';
import { managingAuthorities } from '../src/management/managing-authority.lookup';
import { personnelService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('personnel', 'ps_personnel_privacy_test'));
let service: RunningService;

interface PersonalData {
  masked: boolean;
  personalId: string | null;
  birthDate: string | null;
  homePlace: string | null;
  ethnicity: string | null;
  religion: string | null;
}

/** Two commune cadres and a commune civil servant of Xã Định An (25789), registered on 2 January 2025. */
const PEOPLE = {
  cadre: { fullName: 'Nguyễn Văn Cán', personalId: '074090001234', birthDate: '1990-05-06', gender: 'MALE', category: 'CADRE' },
  secondCadre: { fullName: 'Trần Văn Bộ', personalId: '074085004321', birthDate: '1985-01-01', gender: 'MALE', category: 'CADRE' },
  civilServant: { fullName: 'Lê Thị Công', personalId: '074192005678', birthDate: '1992-09-10', gender: 'FEMALE', category: 'CIVIL_SERVANT', religion: 'Công giáo' },
} as const;
const religionOf = (person: keyof typeof PEOPLE): string | null => (person === 'civilServant' ? PEOPLE.civilServant.religion : null);
const HOME_PLACE = 'Xã Định An, Dầu Tiếng, Bình Dương';
const ids: Record<keyof typeof PEOPLE, string> = { cadre: '', secondCadre: '', civilServant: '' };

const PERSONAL_DATA = 'personalData { masked personalId birthDate homePlace ethnicity religion }';
const personalDataOf = async (username: string, id: string, asOf: string) => {
  const response = await graphqlRequest<{ person: { personalData: PersonalData | null } | null }>(
    service.url,
    `query ($id: ID!, $asOf: LocalDate) { person(id: $id, asOf: $asOf) { ${PERSONAL_DATA} } }`,
    { token: await tokenFor(username), variables: { id, asOf } },
  );
  expect(response.errors).toBeUndefined();
  return response.data?.person === null ? null : response.data?.person.personalData;
};
const staffOf = async (username: string, asOf: string) => {
  const response = await graphqlRequest<{ people: Array<{ fullName: string; personalData: PersonalData }> }>(
    service.url,
    `query ($asOf: LocalDate) { people(unitCode: "25789", asOf: $asOf) { fullName ${PERSONAL_DATA} } }`,
    { token: await tokenFor(username), variables: { asOf } },
  );
  expect(response.errors).toBeUndefined();
  return Object.fromEntries((response.data?.people ?? []).map((person) => [person.fullName, person.personalData]));
};
const reads = (): Promise<Array<Record<string, unknown>>> =>
  service.dataSource.query(
    `SELECT username, target_id, target_label, fields, effective_date::text, unit_paths::text[] AS unit_paths, correlation_id::text
       FROM audit_log WHERE kind = 'READ' ORDER BY id`,
  );
const newReads = async <T>(run: () => Promise<T>): Promise<{ result: T; rows: Array<Record<string, unknown>> }> => {
  const before = (await reads()).length;
  const result = await run();
  return { result, rows: (await reads()).slice(before) };
};

const full = (person: keyof typeof PEOPLE): PersonalData => ({
  masked: false, personalId: PEOPLE[person].personalId, birthDate: PEOPLE[person].birthDate, homePlace: HOME_PLACE, ethnicity: 'Kinh', religion: religionOf(person),
});
const masked = (person: keyof typeof PEOPLE): PersonalData => ({
  masked: true, personalId: `0********${PEOPLE[person].personalId.slice(-3)}`, birthDate: PEOPLE[person].birthDate.slice(0, 4), homePlace: 'Bình Dương',
  // ethnicity and religion, sensitive data, are hidden whole; an absent one stays absent
  ethnicity: '***', religion: religionOf(person) === null ? null : '***',
});

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(personnelService, env);
  await publishAndAwait(
    demoTerritoryAnnouncements(),
    (messages) => service.bus.publish(messages),
    async () => (await service.dataSource.query('SELECT count(DISTINCT code)::int AS n FROM territory_unit'))[0].n,
    'demo territory projected',
  );
  for (const [key, person] of Object.entries(PEOPLE) as Array<[keyof typeof PEOPLE, (typeof PEOPLE)[keyof typeof PEOPLE]]>) {
    // Each is put on file by the body that manages them: the organization board the cadres, home affairs the civil servant.
    const manager = person.category === 'CADRE' ? DEMO_USERS.districtOrganizationBoard : DEMO_USERS.districtHomeAffairs;
    const response = await graphqlRequest<{ registerPerson: { id: string } }>(
      service.url,
      'mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }',
      {
        token: await tokenFor(manager),
        variables: { input: { ...person, unitCode: '25789', ethnicity: 'Kinh', homePlace: HOME_PLACE, change: changeOn('2025-01-02', { number: `${key}/QĐ-UBND` }) } },
      },
    );
    expect(response.errors).toBeUndefined();
    ids[key] = response.data?.registerPerson.id ?? '';
  }
});

afterAll(() => service?.stop());

describe('personal data of a commune’s staff before 1 July 2025', () => {
  it('is masked for the commune’s viewer, and the masked read leaves no audit row', async () => {
    const { result, rows } = await newReads(() => staffOf(DEMO_USERS.dinhAnViewer, '2025-01-02'));
    expect(result).toEqual({ 'Nguyễn Văn Cán': masked('cadre'), 'Trần Văn Bộ': masked('secondCadre'), 'Lê Thị Công': masked('civilServant') });
    expect(result['Nguyễn Văn Cán'].personalId).toBe('0********234');
    expect(rows).toEqual([]);
  });

  it('is read in full by the district organization board’s officer for a cadre, and the read is in the audit trail', async () => {
    const { result, rows } = await newReads(() => personalDataOf(DEMO_USERS.districtOrganizationBoard, ids.cadre, '2025-01-02'));
    expect(result).toEqual(full('cadre'));
    expect(rows).toEqual([
      expect.objectContaining({
        username: 'tochuc.dautieng', target_id: ids.cadre, target_label: 'Nguyễn Văn Cán – Xã Định An (25789)',
        fields: ['personalId', 'birthDate', 'homePlace', 'ethnicity'], effective_date: '2025-01-02', unit_paths: ['74.720.25789'],
      }),
    ]);
    // The row records who read which fields, never the values read.
    const [row] = await service.dataSource.query("SELECT to_jsonb(audit_log) AS row FROM audit_log WHERE kind = 'READ' AND target_id = $1", [ids.cadre]);
    expect(JSON.stringify(row)).not.toMatch(/074090001234|1990-05-06|Dầu Tiếng, Bình Dương/);
  });

  it('answers the board officer’s list in full for the cadres only, with one audit row each in one INSERT', async () => {
    const statements = jest.spyOn(service.dataSource.logger, 'logQuery');
    try {
      let sql: string[] = [];
      const { result, rows } = await newReads(async () => {
        statements.mockClear();
        const staff = await staffOf(DEMO_USERS.districtOrganizationBoard, '2025-01-02');
        sql = statements.mock.calls.map(([text]) => String(text)).filter((text) => !/outbox|^(START TRANSACTION|COMMIT|ROLLBACK)/.test(text));
        return staff;
      });
      expect(result).toEqual({ 'Nguyễn Văn Cán': full('cadre'), 'Trần Văn Bộ': full('secondCadre'), 'Lê Thị Công': masked('civilServant') });
      expect(rows.map((row) => row.target_id).sort()).toEqual([ids.cadre, ids.secondCadre].sort());
      expect(new Set(rows.map((row) => row.correlation_id)).size).toBe(1);
      // the list, the personal data of all three, the audit rows: nothing per person
      expect(sql.filter((text) => /INSERT INTO audit_log/.test(text))).toHaveLength(1);
      expect(sql.filter((text) => /management_rule/.test(text))).toHaveLength(1);
      expect(sql).toHaveLength(3);
    } finally {
      statements.mockRestore();
    }
  });

  it('is masked for the home-affairs officer for a cadre, and in full for a commune civil servant', async () => {
    const { result, rows } = await newReads(() => staffOf(DEMO_USERS.districtHomeAffairs, '2025-01-02'));
    expect(result).toEqual({ 'Nguyễn Văn Cán': masked('cadre'), 'Trần Văn Bộ': masked('secondCadre'), 'Lê Thị Công': full('civilServant') });
    expect(rows.map((row) => [row.username, row.target_id])).toEqual([['noivu.dautieng', ids.civilServant]]);
  });

  it('is masked for the district’s officers and admins in no managing body, and for the province’s board while the district managed', async () => {
    const { result, rows } = await newReads(async () => [
      await personalDataOf(DEMO_USERS.districtOfficer, ids.cadre, '2025-01-02'),
      await personalDataOf(DEMO_USERS.districtAdmin, ids.cadre, '2025-01-02'),
      await personalDataOf(DEMO_USERS.provinceOrganizationBoard, ids.cadre, '2025-01-02'),
    ]);
    expect(result).toEqual([masked('cadre'), masked('cadre'), masked('cadre')]);
    expect(rows).toEqual([]);
  });

  it('is nothing at all for a caller outside the territory: no person, no audit row', async () => {
    const { result, rows } = await newReads(async () => [
      await personalDataOf(DEMO_USERS.anLapAdmin, ids.cadre, '2025-01-02'),
      await personalDataOf(DEMO_USERS.hcmcAdmin, ids.cadre, '2025-01-02'),
    ]);
    expect(result).toEqual([null, null]);
    expect(rows).toEqual([]);
  });
});

describe('a file recorded before the e-file, with no personal data', () => {
  it('reads as nothing in full for its manager, and nothing is logged', async () => {
    const [{ id }] = await service.dataSource.query(
      `INSERT INTO person (id, full_name, unit_code, category, valid_from, created_by)
       VALUES (gen_random_uuid(), 'Phạm Văn Cũ', '25789', 'CADRE', '2024-01-01', 'system:test') RETURNING id`,
    );
    const { result, rows } = await newReads(() => personalDataOf(DEMO_USERS.districtOrganizationBoard, id, '2025-01-02'));
    expect(result).toEqual({ masked: false, personalId: null, birthDate: null, homePlace: null, ethnicity: null, religion: null });
    expect(rows).toEqual([]);
  });
});

describe('after the district tier ended on 1 July 2025', () => {
  it('is read in full by the province’s organization board, and masked for the district’s', async () => {
    const { result, rows } = await newReads(async () => [
      await personalDataOf(DEMO_USERS.provinceOrganizationBoard, ids.cadre, '2025-08-01'),
      await personalDataOf(DEMO_USERS.districtOrganizationBoard, ids.cadre, '2025-08-01'),
    ]);
    expect(result).toEqual([full('cadre'), masked('cadre')]);
    expect(rows.map((row) => [row.username, row.effective_date])).toEqual([['tochuc.binhduong', '2025-08-01']]);
  });

  it('shows the full reads in the personnel audit trail as READ entries naming the fields', async () => {
    const id = auditTrailId({ unitCode: '25789', from: '2020-01-01', to: '2999-12-31', operation: 'readPersonalData' });
    const { page, errors } = await auditSectionPage(service.url, 'personnel', id, await tokenFor(DEMO_USERS.districtAdmin), { first: 10 });
    expect(errors).toEqual([]);
    expect(page?.totalCount).toBe((await reads()).length);
    expect(page?.entries[0]).toMatchObject({
      kind: 'READ', operation: 'readPersonalData', fields: ['personalId', 'birthDate', 'homePlace', 'ethnicity'], actor: { username: 'tochuc.binhduong' },
      effectiveDate: '2025-08-01', before: null, after: null, decision: null, target: { type: 'Person', id: ids.cadre },
    });
  });
});

describe('managingAuthorities', () => {
  it('names, in one statement for the batch, the body and unit managing each person on a date, with the rule’s source', async () => {
    const on = (date: string) => managingAuthorities(service.dataSource.manager, [ids.cadre, ids.civilServant, 'not-an-id'], date);
    const before = await on('2025-01-02');
    expect(before.map((authority) => [authority.personId, authority.tier, authority.unitCode, authority.body, authority.ruleCode])).toEqual(
      [
        [ids.cadre, 'DISTRICT', '720', 'ORGANIZATION_BOARD', 'QD80-COMMUNE-CADRE'],
        [ids.civilServant, 'DISTRICT', '720', 'HOME_AFFAIRS', 'ND33-COMMUNE-CIVIL-SERVANT'],
      ].sort((a, b) => a[0].localeCompare(b[0])),
    );
    expect(before[0].sourceDocument).toMatch(/^(Quy định 80-QĐ\/TW|Nghị định 33\/2023\/NĐ-CP)/);
    const after = await on('2025-10-08');
    expect(after.map((authority) => [authority.personId, authority.unitCode, authority.ruleCode])).toEqual(
      [
        [ids.cadre, '74', 'QD377-COMMUNE-CADRE'],
        [ids.civilServant, '74', 'LAW2025-COMMUNE-CIVIL-SERVANT'],
      ].sort((a, b) => a[0].localeCompare(b[0])),
    );
    expect(await on('2024-12-31')).toEqual([]);
  });

  it('is answered as the person’s managedBy, as of the date asked', async () => {
    const managedBy = async (asOf: string) =>
      (await graphqlRequest<{ person: { managedBy: Array<Record<string, string>> } }>(
        service.url,
        'query ($id: ID!, $asOf: LocalDate) { person(id: $id, asOf: $asOf) { managedBy { tier unitCode unitName body ruleCode subjectKind subjectCode } } }',
        { token: await tokenFor(DEMO_USERS.dinhAnViewer), variables: { id: ids.cadre, asOf } },
      )).data?.person.managedBy;
    expect(await managedBy('2025-01-02')).toEqual([
      { tier: 'DISTRICT', unitCode: '720', unitName: 'Huyện Dầu Tiếng', body: 'ORGANIZATION_BOARD', ruleCode: 'QD80-COMMUNE-CADRE', subjectKind: 'CATEGORY', subjectCode: 'CADRE' },
    ]);
    expect((await managedBy('2025-08-01'))?.map((authority) => [authority.unitCode, authority.ruleCode])).toEqual([['74', 'QD80-2025-COMMUNE-CADRE']]);
  });

  it('reads the rules from the table, which holds exactly the recorded rule set', async () => {
    const rows = await service.dataSource.query(
      `SELECT code, subject_kind AS "subjectKind", subject_code AS "subjectCode", person_tier AS "personTier", managing_tier AS "managingTier", body,
              valid_from::text AS "validFrom", valid_to::text AS "validTo", jsonb_build_object('document', source_document, 'article', source_article) AS source
         FROM management_rule ORDER BY code`,
    );
    expect(rows).toEqual([...MANAGEMENT_RULES, ...TITLE_MANAGEMENT_RULES, ...MIGRATED_RULES].sort((a, b) => a.code.localeCompare(b.code)));
    const inForce = await graphqlRequest<{ managementRules: Array<{ code: string; sourceDocument: string }> }>(
      service.url, 'query { managementRules(asOf: "2025-01-02") { code sourceDocument } }', { token: await tokenFor(DEMO_USERS.dinhAnViewer) },
    );
    expect(inForce.data?.managementRules.map((rule) => rule.code).sort()).toEqual([
      'ND111-COMMUNE-WORKER', 'ND111-DISTRICT-WORKER', 'ND111-PROVINCE-WORKER', 'ND115-COMMUNE-PUBLIC-EMPLOYEE', 'ND115-DISTRICT-PUBLIC-EMPLOYEE',
      'ND115-PROVINCE-PUBLIC-EMPLOYEE', 'ND138-DISTRICT-CIVIL-SERVANT', 'ND138-PROVINCE-CIVIL-SERVANT', 'ND33-COMMUNE-CIVIL-SERVANT',
      'ND33-COMMUNE-NON-PROFESSIONAL', 'QD80-COMMUNE-CADRE', 'QD80-DISTRICT-CADRE', 'QD80-DISTRICT-DEPARTMENT-DEPUTY-HEAD', 'QD80-DISTRICT-DEPARTMENT-HEAD',
    ]);
    await expect(
      service.dataSource.query(
        `INSERT INTO management_rule (code, subject_kind, subject_code, person_tier, managing_tier, body, valid_from, source_document, source_article)
         VALUES ('OVERLAP', 'CATEGORY', 'CADRE', 'COMMUNE', 'DISTRICT', 'ORGANIZATION_BOARD', '2025-01-01', 'x', 'y')`,
      ),
    ).rejects.toThrow(/management_rule_no_overlap/);
  });
});
