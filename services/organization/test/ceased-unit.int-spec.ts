import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { DEMO_USERS, graphqlRequest, recreateTestDatabase, serviceTestEnv, tokenFor } from '@ps/testing';
import { seedDauTiengStory } from '../src/seed/dau-tieng-story';
import { seedDemoTerritory } from '../src/seed/demo-territory';
import { organizationService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('organization', 'ps_organization_ceased_test'));
let service: RunningService;

const ask = async <T>(username: string, query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<T>(service.url, query, { token: await tokenFor(username), variables });
const decided = (effectiveDate: string) => ({
  effectiveDate,
  reason: 'Sắp xếp đơn vị hành chính',
  decision: { number: '1685/NQ-UBTVQH15', date: '2025-06-16', signer: 'Chủ tịch Quốc hội', issuer: 'NA_STANDING_COMMITTEE' },
});
/** A hamlet's change: the provincial People's Council's resolution. */
const hamletDecided = (effectiveDate: string) => ({
  effectiveDate,
  reason: 'Thành lập, điều chỉnh ấp',
  decision: { number: '20/NQ-HĐND', date: '2024-12-10', signer: 'Chủ tịch HĐND tỉnh', issuer: 'PROVINCE_PEOPLES_COUNCIL' },
});
const local = (effectiveDate: string) => ({
  effectiveDate,
  reason: 'Kiện toàn tổ chức',
  decision: { number: '15/QĐ-UBND', date: '2025-01-10', signer: 'Chủ tịch UBND' },
});

const CREATE_ORGANIZATION = 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id unitCode validFrom } }';
const CREATE_UNIT = 'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { code validFrom } }';
const MOVE_UNIT = 'mutation ($input: UnitChangeInput!) { moveUnit(input: $input) { started { code path } } }';
const ADD_DUTY = 'mutation ($id: ID!, $input: AddDutyInput!) { addDuty(organizationId: $id, input: $input) { id } }';

/** Everything a refused write could have touched. */
const written = async () =>
  (
    await service.dataSource.query(`SELECT (SELECT count(*)::int FROM administrative_unit) AS units, (SELECT count(*)::int FROM organization) AS organizations,
       (SELECT count(*)::int FROM duty) AS duties, (SELECT count(*)::int FROM outbox) AS events, (SELECT count(*)::int FROM audit_log) AS audit,
       (SELECT count(*)::int FROM decision) AS decisions`)
  )[0];
const refusal = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => ({
  code: response.errors?.[0]?.extensions?.code,
  reason: (response.errors?.[0]?.extensions?.details as { reason?: string } | undefined)?.reason,
});

let anLapCommittee = '';

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(organizationService, env);
  await seedDemoTerritory(service.dataSource);
  await seedDauTiengStory(service.dataSource);
  const [committee] = await service.dataSource.query("SELECT id FROM organization WHERE unit_code = '25801' AND name = 'Ủy ban nhân dân xã An Lập'");
  anLapCommittee = committee.id;
  // A hamlet of Long Tân that may be moved about, then An Lập, Định Hiệp and Thanh An become Xã Thanh An.
  const hamlet = await ask(DEMO_USERS.districtAdmin, CREATE_UNIT, {
    input: { code: '25804_91', name: 'Ấp Thử', tier: 'HAMLET', parentCode: '25804', change: hamletDecided('2025-01-01') },
  });
  expect(hamlet.errors).toBeUndefined();
  const merged = await ask(DEMO_USERS.provinceAdmin, 'mutation ($input: MergeUnitsInput!) { mergeUnits(input: $input) { effectiveDate } }', {
    input: { predecessorCodes: ['25801', '25798', '25807'], successorCode: '25807', successorName: 'Xã Thanh An', change: decided('2025-07-01') },
  });
  expect(merged.errors).toBeUndefined();
});

afterAll(() => service?.stop());

describe('the accounts of a unit that has ceased', () => {
  it('read its history but record no change, whatever the date, before any other check', async () => {
    const before = await written();
    const history = await ask<{ organization: { name: string } }>(DEMO_USERS.anLapAdmin, 'query ($id: ID!) { organization(id: $id, asOf: "2025-06-30") { name } }', {
      id: anLapCommittee,
    });
    expect(history.data?.organization).toEqual({ name: 'Ủy ban nhân dân xã An Lập' });
    const earlier = await ask(DEMO_USERS.anLapAdmin, ADD_DUTY, { id: anLapCommittee, input: { kind: 'DUTY', text: 'Tiếp công dân', change: local('2025-03-01') } });
    const elsewhere = await ask(DEMO_USERS.anLapAdmin, CREATE_ORGANIZATION, {
      input: { unitCode: '25807', kind: 'DEPARTMENT', name: 'Phòng Kinh tế', change: local('2025-08-01') },
    });
    for (const response of [earlier, elsewhere]) {
      expect(refusal(response)).toEqual({ code: 'FORBIDDEN', reason: 'UNIT_CEASED' });
      expect(response.errors?.[0].message).toMatch(/^Xã An Lập \(25801\) đã hết hiệu lực từ 2025-07-01/);
    }
    expect(await written()).toEqual(before);
  });
});

describe('placing something new in a unit that a recorded restructuring ends later', () => {
  it.each([
    ['an organization', CREATE_ORGANIZATION, { input: { unitCode: '25801', kind: 'DEPARTMENT', name: 'Phòng Kinh tế', change: local('2025-03-01') } }],
    [
      'a hamlet',
      CREATE_UNIT,
      { input: { code: '25801_91', name: 'Ấp Mới', tier: 'HAMLET', parentCode: '25801', change: hamletDecided('2025-03-01') } },
    ],
    ['a hamlet moved there', MOVE_UNIT, { input: { code: '25804_91', parentCode: '25801', change: hamletDecided('2025-03-01') } }],
  ])('refuses %s, which would be left under the ceased unit, and writes nothing', async (_what, mutation, variables) => {
    const before = await written();
    const response = await ask(DEMO_USERS.districtAdmin, mutation, variables);
    expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', reason: 'UNIT_ENDS' });
    expect(response.errors?.[0].message).toMatch(/^Xã An Lập \(25801\) hết hiệu lực từ 2025-07-01/);
    expect(await written()).toEqual(before);
  });

  it('places it in the successor instead', async () => {
    const response = await ask<{ createOrganization: { unitCode: string; validFrom: string } }>(DEMO_USERS.districtAdmin, CREATE_ORGANIZATION, {
      input: { unitCode: '25807', kind: 'DEPARTMENT', name: 'Phòng Kinh tế', change: local('2025-08-01') },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.createOrganization).toMatchObject({ unitCode: '25807', validFrom: '2025-08-01' });
  });
});
