import { changeOn, DEMO_USERS, errorCodes } from '@ps/testing';
import { FAMILY, FamilyBench, type Member } from './family.fixtures';

let bench: FamilyBench;
const relations = (family: Member[] | undefined) => family?.map((member) => member.relation);

beforeAll(async () => {
  bench = await FamilyBench.start();
});

afterAll(() => bench?.service.stop());

describe('the family on a commune cadre’s e-file', () => {
  it('is read in full, in the form’s order, by the managing body, and the read is audited with family among the fields', async () => {
    const before = (await bench.reads()).length;
    expect(await bench.familyOf(DEMO_USERS.districtOrganizationBoard, '2025-02-01')).toEqual({
      masked: false,
      family: [FAMILY.father, FAMILY.spouse, FAMILY.child].map((member) => ({ ...member, id: expect.any(String) })),
    });
    expect((await bench.reads()).slice(before)).toEqual([
      { username: 'tochuc.dautieng', target_id: bench.ids.cadre, fields: ['personalId', 'birthDate', 'homePlace', 'ethnicity', 'family'] },
    ]);
  });

  it('is masked for the commune’s viewer, and the masked read leaves no audit row', async () => {
    const before = (await bench.reads()).length;
    expect(await bench.familyOf(DEMO_USERS.dinhAnViewer, '2025-02-01')).toEqual({
      masked: true,
      family: [
        { id: bench.ids.father, relation: 'FATHER', fullName: 'Nguyễn V. C.', birthYear: null, occupation: '***', residence: 'Bình Dương' },
        { id: bench.ids.spouse, relation: 'SPOUSE', fullName: 'Trần T. V.', birthYear: null, occupation: '***', residence: null },
        { id: expect.any(String), relation: 'CHILD', fullName: 'Nguyễn V. C.', birthYear: null, occupation: '***', residence: 'Bình Dương' },
      ],
    });
    expect(await bench.reads()).toHaveLength(before);
  });

  it('is not there before it was recorded, and a full read of a file without family does not name family', async () => {
    const before = (await bench.reads()).length;
    expect(await bench.familyOf(DEMO_USERS.districtOrganizationBoard, '2025-01-09')).toEqual({ masked: false, family: [] });
    expect((await bench.reads()).slice(before).map((row) => row.fields)).toEqual([['personalId', 'birthDate', 'homePlace', 'ethnicity']]);
  });

  it('comes for a whole staff list with the rest of the personal data: one statement, one audit INSERT', async () => {
    const statements = jest.spyOn(bench.service.dataSource.logger, 'logQuery');
    try {
      const response = await bench.staff(DEMO_USERS.districtOrganizationBoard, '2025-02-01');
      expect(response.data?.people.map((person) => relations(person.personalData.family))).toEqual([['FATHER', 'SPOUSE', 'CHILD'], ['SIBLING']]);
      const sql = statements.mock.calls.map(([text]) => String(text)).filter((text) => !/outbox|^(START TRANSACTION|COMMIT|ROLLBACK)/.test(text));
      expect(sql.filter((text) => /family_member/.test(text))).toHaveLength(1);
      expect(sql.filter((text) => /INSERT INTO audit_log/.test(text))).toHaveLength(1);
      expect(sql).toHaveLength(3);
    } finally {
      statements.mockRestore();
    }
  });

  it('is written with audit rows that name the relation, never the member’s details, and with no event', async () => {
    const rows = await bench.service.dataSource.query(
      "SELECT target_type, target_label, after FROM audit_log WHERE operation = 'recordFamilyMember' AND target_id = $1", [bench.ids.father],
    );
    expect(rows).toEqual([{
      target_type: 'FamilyMember', target_label: 'Bố – Nguyễn Văn Cán – Xã Định An (25789)',
      after: { id: bench.ids.father, personId: bench.ids.cadre, relation: 'FATHER', validFrom: '2025-01-10', validTo: null },
    }]);
    const trail = JSON.stringify(await bench.service.dataSource.query('SELECT (SELECT json_agg(audit_log) FROM audit_log) AS audit, (SELECT json_agg(outbox) FROM outbox) AS events'));
    expect(trail).not.toMatch(/Nguyễn Văn Cha|Trần Thị Vợ|Nguyễn Văn Con|Nông dân|Giáo viên|Học sinh/);
  });
});

describe('refused family writes', () => {
  const input = (fields: Record<string, unknown>) => ({ personId: bench.ids.cadre, ...FAMILY.child, fullName: 'Nguyễn Thị Út', ...fields, change: changeOn('2025-03-01') });

  it.each([
    ['a blank name', { fullName: '  ' }, 'BAD_USER_INPUT', 'NAME_LENGTH'],
    ['a birth year after the change', { birthYear: 2026 }, 'BAD_USER_INPUT', 'BIRTH_YEAR_RANGE'],
    ['a child born before the person', { birthYear: 1980 }, 'BAD_USER_INPUT', 'FAMILY_BIRTH_YEAR_ORDER'],
    ['an overlong residence', { residence: 'x'.repeat(201) }, 'BAD_USER_INPUT', 'DETAIL_LENGTH'],
    ['a second father', { relation: 'FATHER', birthYear: 1960 }, 'FAMILY_RELATION_TAKEN', 'FAMILY_RELATION_TAKEN'],
  ])('refuses %s with its code, and writes nothing', async (_case, fields, code, reason) => {
    const before = await bench.written();
    const response = await bench.record(DEMO_USERS.districtOrganizationBoard, input(fields));
    expect(errorCodes(response)).toEqual([code]);
    expect(response.errors?.[0].extensions?.details).toMatchObject({ reason });
    expect(response.errors?.[0].message).toMatch(/^(Họ|Năm sinh|Nơi ở|Hồ sơ) .+ \/ [A-Z]/);
    expect(await bench.written()).toEqual(before);
  });

  it('refuses a viewer (FORBIDDEN), and callers outside the territory as for any unknown person (NOT_FOUND)', async () => {
    const before = await bench.written();
    expect(errorCodes(await bench.record(DEMO_USERS.dinhAnViewer, input({})))).toEqual(['FORBIDDEN']);
    for (const outsider of [DEMO_USERS.anLapAdmin, DEMO_USERS.hcmcAdmin]) {
      const response = await bench.record(outsider, input({}));
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
      expect(response.errors?.[0].extensions?.details).toMatchObject({ reason: 'PERSON_NOT_FOUND' });
      expect(errorCodes(await bench.end(outsider, bench.ids.father, changeOn('2025-03-01')))).toEqual(['NOT_FOUND']);
    }
    expect(await bench.written()).toEqual(before);
  });

  it.each([
    ['the district’s officer in no body', DEMO_USERS.districtOfficer],
    ['the district’s home-affairs office', DEMO_USERS.districtHomeAffairs],
  ])('refuses %s, naming the organization board that manages the cadre, and writes nothing', async (_case, username) => {
    const before = await bench.written();
    for (const response of [await bench.record(username, input({})), await bench.end(username, bench.ids.father, changeOn('2025-03-01'))]) {
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.errors?.[0].extensions?.details).toMatchObject({
        reason: 'NOT_MANAGING_BODY', managedBy: [{ tier: 'DISTRICT', unitCode: '720', body: 'ORGANIZATION_BOARD' }],
      });
    }
    expect(await bench.written()).toEqual(before);
  });
});

describe('ending and correcting a family member', () => {
  it('hides an ended spouse as of the end date but not before, and frees the relation from then on', async () => {
    const divorce = changeOn('2025-05-01', { reason: 'Ly hôn theo bản án của Tòa án nhân dân huyện Dầu Tiếng' });
    expect((await bench.end(DEMO_USERS.districtOrganizationBoard, bench.ids.spouse, divorce)).errors).toBeUndefined();
    expect(relations((await bench.familyOf(DEMO_USERS.dinhAnViewer, '2025-04-30'))?.family)).toEqual(['FATHER', 'SPOUSE', 'CHILD']);
    expect(relations((await bench.familyOf(DEMO_USERS.dinhAnViewer, '2025-05-01'))?.family)).toEqual(['FATHER', 'CHILD']);
    expect(errorCodes(await bench.end(DEMO_USERS.districtOrganizationBoard, bench.ids.spouse, divorce))).toEqual(['NOT_FOUND']);
    const [closed] = await bench.service.dataSource.query("SELECT valid_to::text, closed_reason FROM family_member WHERE id = $1", [bench.ids.spouse]);
    expect(closed).toEqual({ valid_to: '2025-05-01', closed_reason: divorce.reason });
    const spouse = { personId: bench.ids.cadre, ...FAMILY.spouse, fullName: 'Lê Thị Mới', birthYear: 1995 };
    expect(errorCodes(await bench.record(DEMO_USERS.districtOrganizationBoard, { ...spouse, change: changeOn('2025-04-01') }))).toEqual(['FAMILY_RELATION_TAKEN']);
    expect((await bench.record(DEMO_USERS.districtOrganizationBoard, { ...spouse, change: changeOn('2025-06-01') })).errors).toBeUndefined();
  });

  it('refuses to end a member on the day recorded', async () => {
    expect(errorCodes(await bench.end(DEMO_USERS.districtOrganizationBoard, bench.ids.father, changeOn('2025-01-10')))).toEqual(['BAD_USER_INPUT']);
  });

  it('answers corrected details from the correction’s date, and the earlier ones before it', async () => {
    const moved = 'Phường Chánh Nghĩa, Thủ Dầu Một, Bình Dương';
    expect((await bench.correct(bench.ids.father, { residence: moved, occupation: null, change: changeOn('2025-03-01') })).errors).toBeUndefined();
    const father = async (asOf: string) => (await bench.familyOf(DEMO_USERS.districtOrganizationBoard, asOf))?.family[0];
    expect(await father('2025-02-28')).toMatchObject({ fullName: FAMILY.father.fullName, occupation: 'Nông dân', residence: FAMILY.father.residence });
    expect(await father('2025-03-01')).toMatchObject({ id: bench.ids.father, fullName: FAMILY.father.fullName, birthYear: 1962, occupation: null, residence: moved });
  });
});
