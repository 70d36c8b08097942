import { ORGANIZATION_TOPIC } from '@ps/contracts';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import {
  DEMO_USERS,
  errorCodes,
  eventually,
  graphqlRequest,
  recreateTestDatabase,
  serviceTestEnv,
  tokenFor,
} from '@ps/testing';
import { seedDemoTerritory } from '../src/seed/demo-territory';
import { organizationService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('organization'));
let service: RunningService;

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(organizationService, env);
  await seedDemoTerritory(service.dataSource);
});

afterAll(() => service?.stop());

const count = async (sql: string): Promise<number> => (await service.dataSource.query(sql))[0].n;
const createUnit = async (username: string, input: Record<string, unknown>) =>
  graphqlRequest<{ createUnit: { code: string; path: string; tier: string } }>(
    service.url,
    'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { code path tier } }',
    { token: await tokenFor(username), variables: { input } },
  );

describe('demo territory seed', () => {
  it('adds Thành phố Hồ Chí Minh, Bình Dương, Dầu Tiếng and its 12 communes once, each announced by UnitCreated', async () => {
    expect(await count('SELECT count(*)::int AS n FROM administrative_unit')).toBe(15);
    expect(await seedDemoTerritory(service.dataSource)).toBe(0);
    expect(await count("SELECT count(*)::int AS n FROM outbox WHERE event_type = 'UnitCreated'")).toBe(15);
  });
});

describe('createUnit', () => {
  const change = (effectiveDate: string, issuer = 'NA_STANDING_COMMITTEE') => ({
    effectiveDate,
    reason: 'Thành lập xã mới',
    decision: { number: '12/NQ-UBTVQH15', date: '2025-12-20', signer: 'Chủ tịch Quốc hội', issuer },
  });
  const commune = { code: '25899', name: 'Xã Thử Nghiệm', tier: 'COMMUNE', parentCode: '720', change: change('2026-01-01') };

  it('lets the province admin record a commune the Standing Committee established, and publishes UnitCreated once', async () => {
    const response = await createUnit(DEMO_USERS.provinceAdmin, commune);
    expect(response.errors).toBeUndefined();
    expect(response.data?.createUnit).toEqual({ code: '25899', path: '74.720.25899', tier: 'COMMUNE' });
    await eventually(
      async () =>
        (await count("SELECT count(*)::int AS n FROM outbox WHERE message_key = '25899' AND published_at IS NOT NULL")) === 1
          ? true
          : undefined,
      { what: 'UnitCreated published' },
    );
    const onTopic = (await service.bus.readAll(ORGANIZATION_TOPIC)).filter((m) => m.key === '25899');
    expect(onTopic).toHaveLength(1);
    expect(JSON.parse(onTopic[0].value ?? '{}')).toMatchObject({
      type: 'UnitCreated',
      version: 1,
      aggregateId: '25899',
      unitPath: '74.720.25899',
      payload: {
        code: '25899',
        name: 'Xã Thử Nghiệm',
        tier: 'COMMUNE',
        parentCode: '720',
        validFrom: '2026-01-01',
        decision: { number: '12/NQ-UBTVQH15', date: '2025-12-20', signer: 'Chủ tịch Quốc hội' },
      },
    });
  });

  it.each([
    ['a taken code', DEMO_USERS.provinceAdmin, { ...commune, code: '25801' }, 'UNIT_CODE_TAKEN'],
    ['a tier that cannot sit under the parent', DEMO_USERS.provinceAdmin, { ...commune, code: '25898', tier: 'DISTRICT' }, 'BAD_USER_INPUT'],
    ['a malformed code', DEMO_USERS.provinceAdmin, { ...commune, code: 'abc' }, 'BAD_USER_INPUT'],
    ['a blank name', DEMO_USERS.provinceAdmin, { ...commune, code: '25897', name: '  ' }, 'BAD_USER_INPUT'],
    ['a date before the parent existed', DEMO_USERS.provinceAdmin, { ...commune, code: '25896', change: change('1990-01-01') }, 'NOT_IN_FORCE'],
    ['a blank reason', DEMO_USERS.provinceAdmin, { ...commune, code: '25892', change: { ...change('2026-01-01'), reason: ' ' } }, 'BAD_USER_INPUT'],
    ['a decision from the future', DEMO_USERS.provinceAdmin, { ...commune, code: '25891', change: { ...change('2026-01-01'), decision: { number: '1/QĐ', date: '2999-01-01', signer: 'X', issuer: 'NA_STANDING_COMMITTEE' } } }, 'BAD_USER_INPUT'],
    ['a body without the competence (a provincial council for a commune)', DEMO_USERS.provinceAdmin, { ...commune, code: '25890', change: change('2026-01-01', 'PROVINCE_PEOPLES_COUNCIL') }, 'BAD_USER_INPUT'],
    ['a district admin (a district never creates communes)', DEMO_USERS.districtAdmin, { ...commune, code: '25889' }, 'FORBIDDEN'],
    ['a parent outside the territory', DEMO_USERS.anLapAdmin, { ...commune, code: '25895' }, 'FORBIDDEN'],
    ['an officer (admins only)', DEMO_USERS.districtOfficer, { ...commune, code: '25894' }, 'FORBIDDEN'],
    ['a parent that does not exist', DEMO_USERS.provinceAdmin, { ...commune, code: '25888', parentCode: '999' }, 'NOT_FOUND'],
  ])('refuses %s with a typed error and writes nothing', async (_case, username, input, code) => {
    const units = await count('SELECT count(*)::int AS n FROM administrative_unit');
    const events = await count('SELECT count(*)::int AS n FROM outbox');
    const response = await createUnit(username, input);
    expect(errorCodes(response)).toEqual([code]);
    expect(response.errors?.[0].message).toMatch(/ \/ /); // Vietnamese / English
    expect(await count('SELECT count(*)::int AS n FROM administrative_unit')).toBe(units);
    expect(await count('SELECT count(*)::int AS n FROM outbox')).toBe(events);
  });

  it('rejects a malformed date before any resolver runs', async () => {
    const response = await createUnit(DEMO_USERS.provinceAdmin, { ...commune, code: '25893', change: change('2026-13-45') });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('reading the tree', () => {
  it('answers a unit with its parent and children, cut to the caller’s territory', async () => {
    const query = '{ unit(code: "25801") { code parent { code } children { code } } units(parentCode: "720") { code } }';
    const anLap = await graphqlRequest<{ unit: { parent: null | { code: string } }; units: Array<{ code: string }> }>(
      service.url,
      query,
      { token: await tokenFor(DEMO_USERS.anLapAdmin) },
    );
    expect(anLap.data?.unit.parent).toBeNull(); // the district is outside an An Lập admin's territory
    expect(anLap.data?.units.map((u) => u.code)).toEqual(['25801']);

    const province = await graphqlRequest<{ unit: { parent: { code: string } }; units: Array<{ code: string }> }>(
      service.url,
      query,
      { token: await tokenFor(DEMO_USERS.provinceAdmin) },
    );
    expect(province.data?.unit.parent).toEqual({ code: '720' });
    expect(province.data?.units).toHaveLength(13); // 12 communes and the one created above
  });

  it('answers one code per condition: NOT_FOUND, NOT_IN_FORCE with the dates, FORBIDDEN with nothing more', async () => {
    const token = await tokenFor(DEMO_USERS.anLapAdmin);
    const missing = await graphqlRequest(service.url, '{ unit(code: "99999") { code } }', { token });
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
    const early = await graphqlRequest(service.url, '{ unit(code: "25801", asOf: "1990-01-01") { code } }', { token });
    expect(errorCodes(early)).toEqual(['NOT_IN_FORCE']);
    expect(early.errors?.[0].message).toContain('Xã An Lập (25801) không có hiệu lực vào ngày 1990-01-01, có hiệu lực từ 1999-01-01');
    const foreign = await graphqlRequest(service.url, '{ unit(code: "74") { code } }', { token });
    expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);
    expect(foreign.errors?.[0].message).toBe('Tỉnh Bình Dương (74) nằm ngoài địa bàn bạn quản lý / Tỉnh Bình Dương (74) is outside your territory');
    const foreignEarly = await graphqlRequest(service.url, '{ unit(code: "25789", asOf: "1990-01-01") { code } }', { token });
    expect(errorCodes(foreignEarly)).toEqual(['FORBIDDEN']);
    expect(foreignEarly.errors?.[0].message).not.toContain('1999');
  });
});
