import { ORGANIZATION_TOPIC } from '@ps/contracts';
import { EventBus } from '@ps/events';
import {
  DEMO_USERS,
  errorCodes,
  eventually,
  graphqlRequest,
  infrastructure,
  queryDatabase,
  tokenFor,
  type StartedProcess,
} from '@ps/testing';
import pino from 'pino';
import { databaseOf, everyServiceProjectedTheTerritory, gatewayUrl, PLATFORM_START_TIMEOUT_MS, startPlatform, stopPlatform, subgraphUrl, TOPIC_PREFIX } from './platform';

const DAU_TIENG_COMMUNES = [
  '25777', '25780', '25783', '25786', '25789', '25792', '25795', '25798', '25801', '25804', '25807', '25810',
];
/** The day before districts were abolished and Bình Dương joined Thành phố Hồ Chí Minh. */
const BEFORE_2025 = '2025-06-30';
const THANH_AN = '25807';
/** Another commune of Thành phố Hồ Chí Minh today (Phường Thủ Dầu Một). */
const THU_DAU_MOT = '25747';

const UNIT_WITH_ALL_FIELDS = `query Unit($code: ID!, $asOf: LocalDate) {
  unit(code: $code, asOf: $asOf) {
    code name tier headcount ratingSummary { year total } plans { id title }
    children { code name tier headcount ratingSummary { year total } plans { id } }
  }
}`;

interface UnitResult {
  unit: {
    code: string;
    name: string;
    headcount: number | null;
    ratingSummary: { year: number; total: number } | null;
    plans: Array<{ id: string; title?: string }>;
    children: Array<{ code: string; headcount: number | null; plans: unknown[] }>;
  } | null;
}

let platform: StartedProcess[] = [];

beforeAll(async () => {
  platform = await startPlatform();
  // The seeded territory (the demo story and both national trees) reaches the other services through Kafka.
  await everyServiceProjectedTheTerritory();
}, PLATFORM_START_TIMEOUT_MS);

afterAll(() => stopPlatform(platform));

const asUser = async (username: string) => ({ token: await tokenFor(username) });

describe('the gateway', () => {
  it('answers 401 with a GraphQL error, before planning, when the token is missing or invalid', async () => {
    const missing = await graphqlRequest(gatewayUrl, '{ unit(code: "25807") { code } }');
    expect(missing.status).toBe(401);
    expect(errorCodes(missing)).toEqual(['UNAUTHENTICATED']);
    expect(missing.data).toBeUndefined();

    const forged = await graphqlRequest(gatewayUrl, '{ unit(code: "25807") { code } }', {
      token: `${(await tokenFor(DEMO_USERS.thanhAnAdmin)).slice(0, -4)}AAAA`,
    });
    expect(forged.status).toBe(401);
    expect(errorCodes(forged)).toEqual(['UNAUTHENTICATED']);
  });

  it('gives the Thanh An admin its commune today, under Thành phố Hồ Chí Minh, with the fields of all four services', async () => {
    const response = await graphqlRequest<{ unit: Record<string, unknown> }>(
      gatewayUrl,
      `{ unit(code: "${THANH_AN}") { code name parentCode parent { code } predecessors { code kind } headcount ratingSummary { total } plans { id } } }`,
      await asUser(DEMO_USERS.thanhAnAdmin),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.unit).toEqual({
      code: THANH_AN,
      name: 'Xã Thanh An',
      parentCode: '79',
      parent: null, // above the commune: outside its admin's territory
      predecessors: ['25798', '25801', '25807'].map((code) => ({ code, kind: 'MERGE' })),
      headcount: 0,
      ratingSummary: null, // nobody rated yet
      plans: [],
    });
  });

  it('answers Huyện Dầu Tiếng as it stood before 2025 in every service, and says today that it ended and what replaced it', async () => {
    const dauTieng = await asUser(DEMO_USERS.districtAdmin);
    const then = await graphqlRequest<UnitResult>(gatewayUrl, UNIT_WITH_ALL_FIELDS, { ...dauTieng, variables: { code: '720', asOf: BEFORE_2025 } });
    expect(then.errors).toBeUndefined();
    expect(then.data?.unit).toMatchObject({ code: '720', name: 'Huyện Dầu Tiếng', tier: 'DISTRICT', headcount: 0, plans: [] });
    expect(then.data?.unit?.children.map((child) => child.code)).toEqual(DAU_TIENG_COMMUNES);
    // The other services answer as of the unit's date (not today, when none of these was in force).
    expect(then.data?.unit?.children.every((child) => child.headcount === 0 && Array.isArray(child.plans))).toBe(true);

    const today = await graphqlRequest<UnitResult>(gatewayUrl, '{ unit(code: "720") { code } }', dauTieng);
    expect(errorCodes(today)).toEqual(['NOT_IN_FORCE']);
    expect(today.errors?.[0].message).toMatch(/2025-07-01.*Thành phố Hồ Chí Minh \(79\)/);
  });
});

describe('territory', () => {
  it('kept the An Lập admin out of Định An and every other commune of the district', async () => {
    const anLap = await asUser(DEMO_USERS.anLapAdmin);
    for (const code of DAU_TIENG_COMMUNES.filter((c) => c !== '25801')) {
      const response = await graphqlRequest<UnitResult>(gatewayUrl, UNIT_WITH_ALL_FIELDS, { ...anLap, variables: { code, asOf: BEFORE_2025 } });
      expect({ code, errors: errorCodes(response), unit: response.data?.unit }).toEqual({ code, errors: ['FORBIDDEN'], unit: null });
    }
    const district = await graphqlRequest(gatewayUrl, `{ unit(code: "720", asOf: "${BEFORE_2025}") { code } }`, anLap);
    expect(errorCodes(district)).toEqual(['FORBIDDEN']);
    const siblings = await graphqlRequest<{ units: Array<{ code: string }> }>(gatewayUrl, `{ units(parentCode: "720", asOf: "${BEFORE_2025}") { code } }`, anLap);
    expect(siblings.data?.units.map((u) => u.code)).toEqual(['25801']);
    const own = await graphqlRequest<UnitResult>(gatewayUrl, UNIT_WITH_ALL_FIELDS, { ...anLap, variables: { code: '25801', asOf: BEFORE_2025 } });
    expect(own.data?.unit).toMatchObject({ code: '25801', headcount: 0 });
  });

  it('keeps the Thanh An admin out of the other communes of the city today, and gives the city admin all 168', async () => {
    const sibling = await graphqlRequest(gatewayUrl, `{ unit(code: "${THU_DAU_MOT}") { code headcount } }`, await asUser(DEMO_USERS.thanhAnAdmin));
    expect(errorCodes(sibling)).toEqual(['FORBIDDEN']);
    expect(sibling.data).toEqual({ unit: null });
    const city = await graphqlRequest<{ unit: { children: Array<{ code: string; headcount: number | null }> } }>(
      gatewayUrl,
      '{ unit(code: "79") { children { code headcount } } }',
      await asUser(DEMO_USERS.hcmcAdmin),
    );
    expect(city.errors).toBeUndefined();
    expect(city.data?.unit.children).toHaveLength(168);
    expect(city.data?.unit.children.every((child) => child.headcount === 0)).toBe(true);
  });

  it('holds in every subgraph when it is called directly with the same token', async () => {
    const thanhAn = await asUser(DEMO_USERS.thanhAnAdmin);
    const organization = await graphqlRequest(subgraphUrl('organization'), `{ unit(code: "${THU_DAU_MOT}") { code } }`, thanhAn);
    expect(errorCodes(organization)).toEqual(['FORBIDDEN']);

    const entities = `query ($codes: [_Any!]!) { _entities(representations: $codes) { ... on AdministrativeUnit { code FIELD } } }`;
    const representations = [THU_DAU_MOT, THANH_AN].map((code) => ({ __typename: 'AdministrativeUnit', code }));
    const ask = (service: 'personnel' | 'evaluation' | 'reform', field: string) =>
      graphqlRequest<{ _entities: Array<Record<string, unknown>> }>(subgraphUrl(service), entities.replace('FIELD', field), {
        ...thanhAn,
        variables: { codes: representations },
      });
    const personnel = await ask('personnel', 'headcount');
    expect(personnel.data?._entities).toEqual([{ code: THU_DAU_MOT, headcount: null }, { code: THANH_AN, headcount: 0 }]);
    const reform = await ask('reform', 'plans { id }');
    expect(reform.data?._entities).toEqual([{ code: THU_DAU_MOT, plans: [] }, { code: THANH_AN, plans: [] }]);
    const evaluation = await ask('evaluation', 'ratingSummary(year: 2025) { total }');
    expect(evaluation.data?._entities).toEqual([
      { code: THU_DAU_MOT, ratingSummary: null },
      { code: THANH_AN, ratingSummary: { total: 0 } },
    ]);

    const anonymous = await graphqlRequest(subgraphUrl('personnel'), `{ people(unitCode: "${THANH_AN}") { id } }`);
    expect(anonymous.status).toBe(401);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('writes', () => {
  const change = { effectiveDate: '2026-01-01', reason: 'Kiện toàn', decision: { number: '7/QĐ-UBND', date: '2025-12-20', signer: 'Chủ tịch UBND xã' } };
  const changeLiteral = `{ effectiveDate: "2026-01-01", reason: "Kiện toàn", decision: { number: "7/QĐ-UBND", date: "2025-12-20", signer: "Chủ tịch UBND xã" } }`;
  const register = `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id fullName unitCode } }`;
  const headcountOf = async (code: string) =>
    (await queryDatabase<{ n: number }>(databaseOf('personnel'), 'SELECT count(*)::int AS n FROM person WHERE unit_code = $1', [code]))[0].n;

  it('lets the city’s organization board register a commune cadre, the commune admin plan in their own commune, and the city sees it', async () => {
    const thanhAn = await asUser(DEMO_USERS.thanhAnAdmin);
    const input = {
      unitCode: THANH_AN, fullName: '  Nguyễn   Văn An ', birthYear: 1990, personalId: '079090000102', birthDate: '1990-05-01', gender: 'MALE',
      ethnicity: 'Kinh', homePlace: 'Thành phố Hồ Chí Minh', category: 'CADRE', change,
    };
    // A commune cadre's file is the city organization board's to open from 1 July 2025, not the commune admin's.
    const staffBefore = await headcountOf(THANH_AN);
    const refused = await graphqlRequest(gatewayUrl, register, { ...thanhAn, variables: { input } });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors?.[0].extensions?.details).toMatchObject({ reason: 'NOT_MANAGING_BODY', managedBy: [{ tier: 'PROVINCE', unitCode: '79', body: 'ORGANIZATION_BOARD' }] });
    expect(await headcountOf(THANH_AN)).toBe(staffBefore);
    const person = await graphqlRequest(gatewayUrl, register, { ...(await asUser(DEMO_USERS.hcmcOrganizationBoard)), variables: { input } });
    expect(person.errors).toBeUndefined();
    expect(person.data).toMatchObject({ registerPerson: { fullName: 'Nguyễn Văn An', unitCode: THANH_AN } });
    const plan = await graphqlRequest(
      gatewayUrl,
      `mutation { createReformPlan(input: { unitCode: "${THANH_AN}", title: "Sắp xếp bộ máy", resolutionRef: "18-NQ/TW", change: ${changeLiteral} }) { id status } }`,
      thanhAn,
    );
    expect(plan.data).toMatchObject({ createReformPlan: { status: 'DRAFT' } });

    const unit = await graphqlRequest<UnitResult>(gatewayUrl, UNIT_WITH_ALL_FIELDS, {
      ...(await asUser(DEMO_USERS.hcmcAdmin)),
      variables: { code: THANH_AN, asOf: '2026-06-30' },
    });
    // Registering opens an e-file; the headcount counts primary assignments, so the new person is listed, not counted.
    expect(unit.data?.unit).toMatchObject({ headcount: 0, ratingSummary: null, plans: [{ title: 'Sắp xếp bộ máy' }] });
    const staff = await graphqlRequest<{ people: Array<{ fullName: string }> }>(
      gatewayUrl, `{ people(unitCode: "${THANH_AN}", asOf: "2026-06-30") { fullName } }`, await asUser(DEMO_USERS.hcmcAdmin),
    );
    expect(staff.data?.people.map((person) => person.fullName)).toEqual(['Nguyễn Văn An']);
    // As of a date before the change, every service answers as of that date too.
    const before = await graphqlRequest<UnitResult>(gatewayUrl, UNIT_WITH_ALL_FIELDS, {
      ...(await asUser(DEMO_USERS.hcmcAdmin)),
      variables: { code: THANH_AN, asOf: '2025-12-31' },
    });
    expect(before.data?.unit).toMatchObject({ headcount: 0, plans: [] });
  });

  it('refuses writes outside the territory, by a ceased unit’s accounts, without the role, or with bad input, and changes nothing', async () => {
    const eFile = { personalId: '074185000201', birthDate: '1985-02-01', gender: 'FEMALE', ethnicity: 'Kinh', homePlace: 'Bình Dương', category: 'CIVIL_SERVANT' };
    const before = await headcountOf(THU_DAU_MOT);
    const outside = await graphqlRequest(gatewayUrl, register, {
      ...(await asUser(DEMO_USERS.thanhAnAdmin)),
      variables: { input: { ...eFile, unitCode: THU_DAU_MOT, fullName: 'Trần Thị Bình', change } },
    });
    expect(errorCodes(outside)).toEqual(['FORBIDDEN']);
    const ceased = await graphqlRequest(gatewayUrl, register, {
      ...(await asUser(DEMO_USERS.districtOfficer)),
      variables: { input: { ...eFile, unitCode: '25789', fullName: 'Trần Thị Bình', change: { ...change, effectiveDate: '2025-01-01' } } },
    });
    expect(ceased.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'UNIT_CEASED' } });
    const recorder = await graphqlRequest(gatewayUrl, register, {
      ...(await asUser(DEMO_USERS.nationalRecorder)),
      variables: { input: { ...eFile, unitCode: THU_DAU_MOT, fullName: 'Trần Thị Bình', change } },
    });
    expect(recorder.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'CAPABILITY' } });
    const blank = await graphqlRequest(gatewayUrl, register, {
      ...(await asUser(DEMO_USERS.hcmcAdmin)),
      variables: { input: { ...eFile, unitCode: THU_DAU_MOT, fullName: '   ', change } },
    });
    expect(errorCodes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(blank.errors?.[0].message).toMatch(/^Họ và tên .* \/ Full name/);
    expect(JSON.stringify(blank.errors)).not.toMatch(/stacktrace|at .*\.js/);
    expect(await headcountOf(THU_DAU_MOT)).toBe(before);
  });
});

describe('events', () => {
  const bus = new EventBus({
    brokers: infrastructure.kafkaBrokers,
    clientId: 'e2e-events',
    logger: pino({ level: 'silent' }),
    prefix: TOPIC_PREFIX,
  });
  afterAll(() => bus.disconnect());

  it('applies UnitCreated from organization exactly once in personnel, also when Kafka delivers it twice', async () => {
    const created = await graphqlRequest(
      gatewayUrl,
      `mutation { createUnit(input: {
        code: "25807_01", name: "Ấp Bến Củi", tier: HAMLET, parentCode: "25807",
        change: { effectiveDate: "2026-01-01", reason: "Chia tách ấp",
                  decision: { number: "5/NQ-HĐND", date: "2025-12-15", signer: "Chủ tịch HĐND Thành phố", issuer: PROVINCE_PEOPLES_COUNCIL } }
      }) { code path } }`,
      await asUser(DEMO_USERS.thanhAnAdmin),
    );
    expect(created.data).toEqual({ createUnit: { code: '25807_01', path: '79.25807.25807_01' } });
    await eventually(
      async () => {
        const unit = await graphqlRequest<UnitResult>(gatewayUrl, '{ unit(code: "25807_01") { headcount } }', await asUser(DEMO_USERS.thanhAnAdmin));
        return unit.data?.unit?.headcount === 0 ? true : undefined;
      },
      { what: 'personnel projected the new hamlet' },
    );

    const onTopic = (await bus.readAll(ORGANIZATION_TOPIC)).filter((message) => message.key === '25807_01');
    expect(onTopic).toHaveLength(1); // the event reached Kafka once
    const original = JSON.parse(onTopic[0].value ?? '{}');

    const projected = () =>
      queryDatabase<{ name: string; updated_at: Date }>(
        databaseOf('personnel'),
        'SELECT name, updated_at FROM territory_unit WHERE code = $1',
        ['25807_01'],
      );
    const [before] = await projected();

    // Deliver the very same message again and wait until personnel has consumed it.
    await bus.publish([{ topic: ORGANIZATION_TOPIC, key: '25807_01', value: onTopic[0].value ?? '' }]);
    await eventually(
      async () => ((await bus.consumerLag('personnel.territory', ORGANIZATION_TOPIC)) === 0 ? true : undefined),
      { what: 'personnel consumed the duplicate' },
    );
    const [after] = await projected();
    expect(after.updated_at).toEqual(before.updated_at); // the projection was not written again
    const inbox = await queryDatabase<{ consumer: string }>(
      databaseOf('personnel'),
      'SELECT consumer FROM inbox WHERE event_id = $1',
      [original.id],
    );
    expect(inbox).toEqual([{ consumer: 'personnel.territory' }]);
  });
});
