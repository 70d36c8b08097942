import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { DEMO_USERS, errorCodes, graphqlRequest, recreateTestDatabase, serviceTestEnv, tokenFor } from '@ps/testing';
import { seedDemoTerritory } from '../src/seed/demo-territory';
import { organizationService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('organization', 'ps_organization_duty_test'));
let service: RunningService;

const AN_LAP = '25801';
const DINH_AN = '25789';
const LAND = 'Quản lý nhà nước về đất đai';
const change = (effectiveDate: string) => ({
  effectiveDate,
  reason: 'Quy định chức năng, nhiệm vụ',
  decision: { number: '21/QĐ-UBND', date: '2025-06-30', signer: 'Trần Văn Chủ tịch' },
});

const gql = async <Data>(username: string, query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<Data>(service.url, query, { token: await tokenFor(username), variables });

async function established(unitCode: string, name: string, kind = 'DEPARTMENT', subtype?: string): Promise<string> {
  const response = await gql<{ createOrganization: { id: string } }>(
    DEMO_USERS.districtAdmin,
    'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    { input: { unitCode, kind, subtype, name, change: change('2025-07-01') } },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.createOrganization.id;
}

const ADD_DUTY = 'mutation ($id: ID!, $input: AddDutyInput!) { addDuty(organizationId: $id, input: $input) { id text } }';
async function addDuty(organizationId: string, text: string, effectiveDate: string, username: string = DEMO_USERS.anLapOfficer) {
  const response = await gql<{ addDuty: { id: string } }>(username, ADD_DUTY, {
    id: organizationId,
    input: { kind: 'DUTY', text, change: change(effectiveDate) },
  });
  expect(response.errors).toBeUndefined();
  return response.data!.addDuty.id;
}

interface Overlap {
  unitCode: string;
  matchedText: string;
  first: { id: string; text: string; organization: { id: string } };
  second: { id: string; text: string; organization: { id: string } };
}
const overlaps = (username: string, unitCode: string, asOf: string, includeSubunits = false) =>
  gql<{ dutyOverlaps: Overlap[] }>(
    username,
    `query ($unitCode: ID!, $asOf: LocalDate, $sub: Boolean) { dutyOverlaps(unitCode: $unitCode, asOf: $asOf, includeSubunits: $sub) {
       unitCode matchedText first { id text organization { id } } second { id text organization { id } } } }`,
    { unitCode, asOf, sub: includeSubunits },
  );
const holders = (pair: Overlap) => [pair.first.organization.id, pair.second.organization.id].sort();

interface ScoredOverlap {
  unitCode: string;
  matchedText: string | null;
  similarity: number;
  exact: boolean;
  first: { id: string; text: string };
  second: { id: string; text: string };
}
const scored = (username: string, unitCode: string, asOf: string, minSimilarity?: number, includeSubunits = false) =>
  gql<{ dutyOverlaps: ScoredOverlap[] }>(
    username,
    `query ($unitCode: ID!, $asOf: LocalDate, $sub: Boolean, $min: Float) {
       dutyOverlaps(unitCode: $unitCode, asOf: $asOf, includeSubunits: $sub, minSimilarity: $min) {
         unitCode matchedText similarity exact first { id text } second { id text } } }`,
    { unitCode, asOf, sub: includeSubunits, min: minSimilarity },
  );
const pairIds = (pairs: ScoredOverlap[] | undefined) => (pairs ?? []).map((pair) => [pair.first.id, pair.second.id]);

// From 1 November An Lập's Farmers' Union, People's Committee and Youth Union hold these (pg_trgm similarity of the folded texts).
const FARMERS = 'Vận động hội viên nông dân tham gia phát triển kinh tế hộ gia đình';
const REWORDED = 'Tuyên truyền, vận động hội viên nông dân phát triển kinh tế hộ'; // 0.709 with FARMERS
const YOUTH = 'Tập hợp, đoàn kết thanh niên tham gia phát triển kinh tế - xã hội'; // 0.515 with FARMERS: another duty
const CHILDREN = 'Bảo vệ, chăm sóc và giáo dục trẻ em';
const CHILDREN_REORDERED = 'Chăm sóc, giáo dục và bảo vệ trẻ em'; // 1 with CHILDREN: same words, not the same text

const state = async (): Promise<Record<string, string>> =>
  (
    await service.dataSource.query(`
      SELECT (SELECT md5(coalesce(string_agg(d::text, ',' ORDER BY d.version_id), '')) FROM duty d) AS duties,
             (SELECT count(*)::text FROM decision) AS decisions,
             (SELECT count(*)::text FROM outbox) AS events`)
  )[0];

const org: Record<string, string> = {};
const duty: Record<string, string> = {};

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(organizationService, env);
  await seedDemoTerritory(service.dataSource);
  org.economy = await established(AN_LAP, 'Phòng Kinh tế');
  org.office = await established(AN_LAP, 'Văn phòng HĐND và UBND xã');
  org.culture = await established(AN_LAP, 'Phòng Văn hóa - Xã hội');
  org.dinhAnEconomy = await established(DINH_AN, 'Phòng Kinh tế');
  org.dinhAnOffice = await established(DINH_AN, 'Văn phòng HĐND và UBND xã');
  // The planted duplicate: the same duty in two departments of An Lập, a month apart.
  duty.economy = await addDuty(org.economy, LAND, '2025-07-01');
  duty.office = await addDuty(org.office, LAND, '2025-08-01');
  // Different duties, and one organization listing the same duty twice: not overlaps between organizations.
  await addDuty(org.culture, 'Quản lý nhà nước về văn hóa, thể thao', '2025-07-01');
  await addDuty(org.office, 'Tiếp công dân', '2025-07-01');
  await addDuty(org.office, 'Tiếp công dân.', '2025-07-01');
  // The same duty in Định An's departments pairs within Định An only.
  duty.dinhAnEconomy = await addDuty(org.dinhAnEconomy, LAND, '2025-07-01', DEMO_USERS.districtAdmin);
  duty.dinhAnOffice = await addDuty(org.dinhAnOffice, 'quản lý Nhà nước về Đất đai', '2025-07-01', DEMO_USERS.districtAdmin);
  // Reworded duties from November (a day apart, so the earlier holder is first), leaving the cases above their dates.
  org.farmers = await established(AN_LAP, 'Hội Nông dân xã', 'MASS_ORGANIZATION', 'FARMERS_UNION');
  org.committee = await established(AN_LAP, 'Ủy ban nhân dân xã', 'PEOPLES_COMMITTEE');
  org.youth = await established(AN_LAP, 'Đoàn Thanh niên xã', 'MASS_ORGANIZATION', 'YOUTH_UNION');
  duty.farmers = await addDuty(org.farmers, FARMERS, '2025-11-01');
  duty.reworded = await addDuty(org.committee, REWORDED, '2025-11-03');
  duty.youth = await addDuty(org.youth, YOUTH, '2025-11-04');
  duty.children = await addDuty(org.committee, CHILDREN, '2025-11-01');
  duty.childrenReordered = await addDuty(org.culture, CHILDREN_REORDERED, '2025-11-02');
});

afterAll(() => service?.stop());

describe('dutyOverlaps', () => {
  it('reports the planted duplicate as one pair, the earlier holder first', async () => {
    const response = await overlaps(DEMO_USERS.anLapAdmin, AN_LAP, '2025-08-15');
    expect(response.errors).toBeUndefined();
    expect(response.data?.dutyOverlaps).toEqual([
      {
        unitCode: AN_LAP,
        matchedText: 'quan ly nha nuoc ve dat dai',
        first: { id: duty.economy, text: LAND, organization: { id: org.economy } },
        second: { id: duty.office, text: LAND, organization: { id: org.office } },
      },
    ]);
  });

  it('reports a near-duplicate that differs only in diacritics: three holders make three pairs', async () => {
    duty.culture = await addDuty(org.culture, 'quan ly nha nuoc ve dat dai', '2025-09-01');
    const pairs = (await overlaps(DEMO_USERS.anLapAdmin, AN_LAP, '2025-09-15')).data!.dutyOverlaps;
    expect(pairs).toHaveLength(3);
    expect(pairs.map(holders).sort()).toEqual(
      [
        [org.economy, org.office].sort(),
        [org.economy, org.culture].sort(),
        [org.office, org.culture].sort(),
      ].sort(),
    );
    expect(new Set(pairs.map((pair) => pair.matchedText))).toEqual(new Set(['quan ly nha nuoc ve dat dai']));
    expect(pairs.find((pair) => pair.second.id === duty.culture)?.second.text).toBe('quan ly nha nuoc ve dat dai');
  });

  it('answers as of the date: nothing before the second holder took the duty, fewer pairs after one closed', async () => {
    expect((await overlaps(DEMO_USERS.anLapAdmin, AN_LAP, '2025-07-15')).data?.dutyOverlaps).toEqual([]);
    const closed = await gql(
      DEMO_USERS.anLapOfficer,
      'mutation ($id: ID!, $change: EffectiveChangeInput!) { closeDuty(id: $id, change: $change) { validTo asOf } }',
      { id: duty.office, change: change('2025-10-01') },
    );
    expect(closed.data).toEqual({ closeDuty: { validTo: '2025-10-01', asOf: '2025-09-30' } });
    const after = (await overlaps(DEMO_USERS.anLapAdmin, AN_LAP, '2025-10-01')).data!.dutyOverlaps;
    expect(after.map(holders)).toEqual([[org.economy, org.culture].sort()]);
    expect((await overlaps(DEMO_USERS.anLapAdmin, AN_LAP, '2025-09-30')).data?.dutyOverlaps).toHaveLength(3);
  });

  it('looks into every unit below with includeSubunits, pairing only within one unit', async () => {
    const district = await overlaps(DEMO_USERS.districtAdmin, '720', '2025-09-15', true);
    expect(district.errors).toBeUndefined();
    const pairs = district.data!.dutyOverlaps;
    expect(pairs.map((pair) => pair.unitCode)).toEqual([DINH_AN, AN_LAP, AN_LAP, AN_LAP]);
    expect(holders(pairs[0])).toEqual([org.dinhAnEconomy, org.dinhAnOffice].sort());
    expect((await overlaps(DEMO_USERS.districtAdmin, '720', '2025-09-15')).data?.dutyOverlaps).toEqual([]);
  });

  it('is cut to the caller’s territory', async () => {
    expect(errorCodes(await overlaps(DEMO_USERS.anLapAdmin, '720', '2025-09-15', true))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await overlaps(DEMO_USERS.dinhAnAdmin, AN_LAP, '2025-09-15'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await overlaps(DEMO_USERS.anLapAdmin, AN_LAP, '1990-01-01'))).toEqual(['NOT_IN_FORCE']);
  });

  it('matches on the folded text stored beside each duty', async () => {
    const stored = await service.dataSource.query('SELECT normalized_text FROM duty WHERE id = $1', [duty.dinhAnOffice]);
    expect(stored).toEqual([{ normalized_text: 'quan ly nha nuoc ve dat dai' }]);
  });
});

describe('dutyOverlaps by similarity', () => {
  // On 15 November An Lập also holds LAND twice (economy since July, culture since September; office closed in October).
  const ON = '2025-11-15';

  it('reports a reworded pair with its score after the exact pairs, and not an unrelated pair', async () => {
    const response = await scored(DEMO_USERS.anLapAdmin, AN_LAP, ON);
    expect(response.errors).toBeUndefined();
    const pairs = response.data!.dutyOverlaps;
    expect(pairIds(pairs)).toEqual([
      [duty.economy, duty.culture],
      [duty.children, duty.childrenReordered],
      [duty.farmers, duty.reworded],
    ]);
    expect(pairs[0]).toMatchObject({ unitCode: AN_LAP, exact: true, similarity: 1, matchedText: 'quan ly nha nuoc ve dat dai' });
    // Same words reordered score 1 as well; the exact pair still comes first although "bao ve …" sorts before "quan ly …".
    expect(pairs[1]).toMatchObject({ exact: false, similarity: 1, matchedText: null });
    expect(pairs[2]).toMatchObject({ unitCode: AN_LAP, exact: false, matchedText: null, first: { text: FARMERS }, second: { text: REWORDED } });
    expect(pairs[2].similarity).toBeCloseTo(0.709, 3);
  });

  it('reports what minSimilarity lets through: lower adds the unrelated pair, higher keeps the closest', async () => {
    const lower = (await scored(DEMO_USERS.anLapAdmin, AN_LAP, ON, 0.51)).data!.dutyOverlaps;
    expect(pairIds(lower)).toEqual([
      [duty.economy, duty.culture],
      [duty.children, duty.childrenReordered],
      [duty.farmers, duty.reworded],
      [duty.farmers, duty.youth],
    ]);
    expect(lower[3].similarity).toBeCloseTo(0.515, 3);
    const higher = await scored(DEMO_USERS.anLapAdmin, AN_LAP, ON, 0.8);
    expect(pairIds(higher.data?.dutyOverlaps)).toEqual([
      [duty.economy, duty.culture],
      [duty.children, duty.childrenReordered],
    ]);
    // SET LOCAL: the pooled connection (reused last-in, first-out) keeps no threshold after the query.
    const [setting] = await service.dataSource.query("SELECT current_setting('pg_trgm.similarity_threshold', true) AS value");
    expect(['0.3', null]).toContain(setting.value);
  });

  it.each([0, -0.3, 1.2])('refuses minSimilarity %p with a typed error and changes nothing', async (minSimilarity) => {
    const before = await state();
    const response = await scored(DEMO_USERS.anLapAdmin, AN_LAP, ON, minSimilarity);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).toBe(
      'Ngưỡng tương đồng phải lớn hơn 0 và không quá 1 / minSimilarity must be greater than 0 and at most 1',
    );
    expect(response.data).toBeNull();
    expect(await state()).toEqual(before);
  });

  it('pairs reworded duties only within one unit, inside the caller’s territory', async () => {
    const district = await scored(DEMO_USERS.districtAdmin, '720', ON, 0.51, true);
    expect(district.errors).toBeUndefined();
    const pairs = district.data!.dutyOverlaps;
    expect(pairs.map((pair) => [pair.unitCode, pair.exact])).toEqual([
      [DINH_AN, true],
      [AN_LAP, true],
      [AN_LAP, false],
      [AN_LAP, false],
      [AN_LAP, false],
    ]);
    expect(pairIds(pairs)[0].sort()).toEqual([duty.dinhAnEconomy, duty.dinhAnOffice].sort());
    expect(errorCodes(await scored(DEMO_USERS.dinhAnAdmin, AN_LAP, ON, 0.51))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await scored(DEMO_USERS.anLapAdmin, '720', ON, 0.51, true))).toEqual(['FORBIDDEN']);
  });
});

describe('writing duties', () => {
  it('announces each added duty with DutyChanged, keyed by its organization', async () => {
    const [row] = await service.dataSource.query(
      "SELECT message_key, envelope FROM outbox WHERE event_type = 'DutyChanged' AND envelope->'payload'->'duty'->>'id' = $1",
      [duty.economy],
    );
    expect(row.message_key).toBe(org.economy);
    expect(row.envelope.payload).toMatchObject({
      action: 'ADDED',
      organizationId: org.economy,
      unitCode: AN_LAP,
      duty: { text: LAND, normalizedText: 'quan ly nha nuoc ve dat dai', validFrom: '2025-07-01' },
      decision: { number: '21/QĐ-UBND' },
    });
  });

  it.each([
    ['a viewer', DEMO_USERS.districtViewer, () => org.economy, LAND, '2025-11-01', 'FORBIDDEN'],
    ['an officer of another commune’s organization', DEMO_USERS.anLapOfficer, () => org.dinhAnEconomy, LAND, '2025-11-01', 'FORBIDDEN'],
    ['an organization not yet in force', DEMO_USERS.anLapOfficer, () => org.economy, LAND, '2025-06-01', 'NOT_IN_FORCE'],
    ['an unknown organization', DEMO_USERS.anLapOfficer, () => 'not-an-id', LAND, '2025-11-01', 'NOT_FOUND'],
    ['a text without letters', DEMO_USERS.anLapOfficer, () => org.economy, ' -- ', '2025-11-01', 'BAD_USER_INPUT'],
  ])('refuses %s with a typed error and writes nothing', async (_case, username, organizationId, text, date, code) => {
    const before = await state();
    const response = await gql(username, ADD_DUTY, { id: organizationId(), input: { kind: 'DUTY', text, change: change(date) } });
    expect(errorCodes(response)).toEqual([code]);
    expect(response.errors?.[0].message).toMatch(/ \/ /);
    expect(await state()).toEqual(before);
  });

  it('refuses closing a duty that is already closed, or on its first day', async () => {
    const CLOSE = 'mutation ($id: ID!, $change: EffectiveChangeInput!) { closeDuty(id: $id, change: $change) { id } }';
    const before = await state();
    expect(errorCodes(await gql(DEMO_USERS.anLapOfficer, CLOSE, { id: duty.office, change: change('2025-11-01') }))).toEqual([
      'NOT_IN_FORCE',
    ]);
    expect(errorCodes(await gql(DEMO_USERS.anLapOfficer, CLOSE, { id: '00000000-0000-4000-8000-000000000000', change: change('2025-11-01') }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await gql(DEMO_USERS.anLapOfficer, CLOSE, { id: duty.culture, change: change('2025-09-01') }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(await state()).toEqual(before);
  });
});
