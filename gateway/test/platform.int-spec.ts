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
import { databaseOf, gatewayUrl, projectedUnits, startPlatform, stopPlatform, subgraphUrl, TOPIC_PREFIX } from './platform';

const DAU_TIENG_COMMUNES = [
  '25777', '25780', '25783', '25786', '25789', '25792', '25795', '25798', '25801', '25804', '25807', '25810',
];

const UNIT_WITH_ALL_FIELDS = `query Unit($code: ID!) {
  unit(code: $code) {
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
  // The seeded territory reaches the other services through Kafka.
  for (const service of ['personnel', 'evaluation', 'reform'] as const) {
    await eventually(async () => ((await projectedUnits(service)) === 14 ? true : undefined), {
      what: `${service} projected the demo territory`,
    });
  }
}, 180_000);

afterAll(() => stopPlatform(platform));

const asUser = async (username: string) => ({ token: await tokenFor(username) });

describe('the gateway', () => {
  it('answers 401 with a GraphQL error, before planning, when the token is missing or invalid', async () => {
    const missing = await graphqlRequest(gatewayUrl, '{ unit(code: "720") { code } }');
    expect(missing.status).toBe(401);
    expect(errorCodes(missing)).toEqual(['UNAUTHENTICATED']);
    expect(missing.data).toBeUndefined();

    const forged = await graphqlRequest(gatewayUrl, '{ unit(code: "720") { code } }', {
      token: `${(await tokenFor(DEMO_USERS.districtAdmin)).slice(0, -4)}AAAA`,
    });
    expect(forged.status).toBe(401);
    expect(errorCodes(forged)).toEqual(['UNAUTHENTICATED']);
  });

  it('gives the Dầu Tiếng admin unit 720, its 12 communes and the fields of all four services in one response', async () => {
    const response = await graphqlRequest<UnitResult>(gatewayUrl, UNIT_WITH_ALL_FIELDS, {
      ...(await asUser(DEMO_USERS.districtAdmin)),
      variables: { code: '720' },
    });
    expect(response.errors).toBeUndefined();
    const unit = response.data?.unit;
    expect(unit).toMatchObject({ code: '720', name: 'Huyện Dầu Tiếng', tier: 'DISTRICT', headcount: 0, plans: [] });
    expect(unit?.children.map((child) => child.code)).toEqual(DAU_TIENG_COMMUNES);
    expect(unit?.children.every((child) => child.headcount === 0 && Array.isArray(child.plans))).toBe(true);
  });
});

describe('territory', () => {
  it('keeps the An Lập admin out of Định An and every other commune of the district', async () => {
    const anLap = await asUser(DEMO_USERS.anLapAdmin);
    for (const code of DAU_TIENG_COMMUNES.filter((c) => c !== '25801')) {
      const response = await graphqlRequest<UnitResult>(gatewayUrl, UNIT_WITH_ALL_FIELDS, { ...anLap, variables: { code } });
      expect({ code, errors: errorCodes(response), unit: response.data?.unit }).toEqual({
        code,
        errors: ['FORBIDDEN'],
        unit: null,
      });
    }
    const district = await graphqlRequest(gatewayUrl, '{ unit(code: "720") { code } }', anLap);
    expect(errorCodes(district)).toEqual(['FORBIDDEN']);
    const siblings = await graphqlRequest<{ units: Array<{ code: string }> }>(
      gatewayUrl,
      '{ units(parentCode: "720") { code } }',
      anLap,
    );
    expect(siblings.data?.units.map((u) => u.code)).toEqual(['25801']);
    const own = await graphqlRequest<UnitResult>(gatewayUrl, UNIT_WITH_ALL_FIELDS, { ...anLap, variables: { code: '25801' } });
    expect(own.data?.unit).toMatchObject({ code: '25801', headcount: 0 });
  });

  it('lets the province admin read the province, the district and all of its communes', async () => {
    const response = await graphqlRequest<{ unit: { children: Array<{ code: string; children: Array<{ code: string; headcount: number }> }> } }>(
      gatewayUrl,
      '{ unit(code: "74") { code children { code children { code headcount } } } }',
      await asUser(DEMO_USERS.provinceAdmin),
    );
    expect(response.errors).toBeUndefined();
    const district = response.data?.unit.children.find((child) => child.code === '720');
    expect(district?.children.map((c) => c.code)).toEqual(DAU_TIENG_COMMUNES);
    expect(district?.children.every((c) => c.headcount === 0)).toBe(true);
  });

  it('holds in every subgraph when it is called directly with the same token', async () => {
    const anLap = await asUser(DEMO_USERS.anLapAdmin);
    const organization = await graphqlRequest(subgraphUrl('organization'), '{ unit(code: "25789") { code } }', anLap);
    expect(errorCodes(organization)).toEqual(['FORBIDDEN']);

    const entities = `query ($codes: [_Any!]!) { _entities(representations: $codes) { ... on AdministrativeUnit { code FIELD } } }`;
    const representations = ['25789', '25801'].map((code) => ({ __typename: 'AdministrativeUnit', code }));
    const ask = (service: 'personnel' | 'evaluation' | 'reform', field: string) =>
      graphqlRequest<{ _entities: Array<Record<string, unknown>> }>(subgraphUrl(service), entities.replace('FIELD', field), {
        ...anLap,
        variables: { codes: representations },
      });
    const personnel = await ask('personnel', 'headcount');
    expect(personnel.data?._entities).toEqual([{ code: '25789', headcount: null }, { code: '25801', headcount: 0 }]);
    const reform = await ask('reform', 'plans { id }');
    expect(reform.data?._entities).toEqual([{ code: '25789', plans: [] }, { code: '25801', plans: [] }]);
    const evaluation = await ask('evaluation', 'ratingSummary(year: 2025) { total }');
    expect(evaluation.data?._entities).toEqual([
      { code: '25789', ratingSummary: null },
      { code: '25801', ratingSummary: { total: 0 } },
    ]);

    const anonymous = await graphqlRequest(subgraphUrl('personnel'), '{ people(unitCode: "25801") { id } }');
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

  it('lets an officer register staff, rate and plan in their own commune, and the fields show it', async () => {
    const officer = await asUser(DEMO_USERS.anLapOfficer);
    const person = await graphqlRequest(gatewayUrl, register, {
      ...officer,
      variables: { input: { unitCode: '25801', fullName: '  Nguyễn   Văn An ', birthYear: 1990, change } },
    });
    expect(person.errors).toBeUndefined();
    expect(person.data).toMatchObject({ registerPerson: { fullName: 'Nguyễn Văn An', unitCode: '25801' } });
    const rating = await graphqlRequest(
      gatewayUrl,
      `mutation { recordRating(input: { unitCode: "25801", subjectName: "Nguyễn Văn An", year: 2025, level: HTT, change: ${changeLiteral} }) { id level } }`,
      officer,
    );
    expect(rating.errors).toBeUndefined();
    const plan = await graphqlRequest(
      gatewayUrl,
      `mutation { createReformPlan(input: { unitCode: "25801", title: "Sắp xếp bộ máy", resolutionRef: "18-NQ/TW", change: ${changeLiteral} }) { id status } }`,
      officer,
    );
    expect(plan.data).toMatchObject({ createReformPlan: { status: 'DRAFT' } });

    const unit = await graphqlRequest<UnitResult>(gatewayUrl, UNIT_WITH_ALL_FIELDS, {
      ...(await asUser(DEMO_USERS.districtAdmin)),
      variables: { code: '25801' },
    });
    expect(unit.data?.unit).toMatchObject({
      headcount: 1,
      ratingSummary: { year: 2025, total: 1 },
      plans: [{ title: 'Sắp xếp bộ máy' }],
    });
  });

  it('refuses writes outside the territory, without the role, or with bad input, and changes nothing', async () => {
    const before = await headcountOf('25789');
    const outside = await graphqlRequest(gatewayUrl, register, {
      ...(await asUser(DEMO_USERS.anLapAdmin)),
      variables: { input: { unitCode: '25789', fullName: 'Trần Thị Bình', change } },
    });
    expect(errorCodes(outside)).toEqual(['FORBIDDEN']);
    const viewer = await graphqlRequest(gatewayUrl, register, {
      ...(await asUser(DEMO_USERS.districtViewer)),
      variables: { input: { unitCode: '25789', fullName: 'Trần Thị Bình', change } },
    });
    expect(errorCodes(viewer)).toEqual(['FORBIDDEN']);
    const blank = await graphqlRequest(gatewayUrl, register, {
      ...(await asUser(DEMO_USERS.districtOfficer)),
      variables: { input: { unitCode: '25789', fullName: '   ', change } },
    });
    expect(errorCodes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(blank.errors?.[0].message).toMatch(/^Họ và tên .* \/ Full name/);
    expect(JSON.stringify(blank.errors)).not.toMatch(/stacktrace|at .*\.js/);
    expect(await headcountOf('25789')).toBe(before);
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
        code: "25801_01", name: "Ấp Bến Củi", tier: HAMLET, parentCode: "25801",
        change: { effectiveDate: "2026-01-01", reason: "Chia tách ấp", decision: { number: "5/QĐ-UBND", date: "2025-12-15", signer: "Chủ tịch UBND xã" } }
      }) { code path } }`,
      await asUser(DEMO_USERS.anLapAdmin),
    );
    expect(created.data).toEqual({ createUnit: { code: '25801_01', path: '74.720.25801.25801_01' } });
    await eventually(
      async () => {
        const unit = await graphqlRequest<UnitResult>(gatewayUrl, '{ unit(code: "25801_01") { headcount } }', await asUser(DEMO_USERS.anLapAdmin));
        return unit.data?.unit?.headcount === 0 ? true : undefined;
      },
      { what: 'personnel projected the new hamlet' },
    );

    const onTopic = (await bus.readAll(ORGANIZATION_TOPIC)).filter((message) => message.key === '25801_01');
    expect(onTopic).toHaveLength(1); // the event reached Kafka once
    const original = JSON.parse(onTopic[0].value ?? '{}');

    const projected = () =>
      queryDatabase<{ name: string; updated_at: Date }>(
        databaseOf('personnel'),
        'SELECT name, updated_at FROM territory_unit WHERE code = $1',
        ['25801_01'],
      );
    const [before] = await projected();

    // Deliver the very same message again and wait until personnel has consumed it.
    await bus.publish([{ topic: ORGANIZATION_TOPIC, key: '25801_01', value: onTopic[0].value ?? '' }]);
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
