import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { DEMO_USERS, graphqlRequest, recreateTestDatabase, serviceTestEnv, tokenFor } from '@ps/testing';
import { seedDauTiengStory } from '../src/seed/dau-tieng-story';
import { seedDemoTerritory } from '../src/seed/demo-territory';
import { organizationService } from '../src/service';

/**
 * One code per condition, whichever mutation or query meets it: absent (NOT_FOUND), not in
 * force on the date (NOT_IN_FORCE), outside the territory (FORBIDDEN, checked before anything
 * that could reveal the record).
 */
const env = loadEnv(serviceEnvSchema, serviceTestEnv('organization', 'ps_organization_codes_test'));
let service: RunningService;

const ask = async (username: string, query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest(service.url, query, { token: await tokenFor(username), variables });
const local = (effectiveDate: string) => ({ effectiveDate, reason: 'Kiện toàn', decision: { number: '30/QĐ-UBND', date: '2025-01-02', signer: 'Chủ tịch UBND' } });
const central = (effectiveDate: string) => ({
  effectiveDate,
  reason: 'Sắp xếp',
  decision: { number: '1685/NQ-UBTVQH15', date: '2025-06-16', signer: 'Chủ tịch Quốc hội', issuer: 'NA_STANDING_COMMITTEE' },
});
const answer = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => ({
  code: response.errors?.[0]?.extensions?.code,
  details: response.errors?.[0]?.extensions?.details as Record<string, unknown> | undefined,
});

const ABSENT_ID = '00000000-0000-4000-8000-000000000000';
const ids: Record<string, string> = {};

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(organizationService, env);
  await seedDemoTerritory(service.dataSource);
  await seedDauTiengStory(service.dataSource);
  const [committee] = await service.dataSource.query("SELECT id FROM organization WHERE unit_code = '25801' AND name = 'Ủy ban nhân dân xã An Lập'");
  ids.committee = committee.id;
  // A later version of An Lập's committee, so that an early date would be refused as "before the current version".
  const renamed = await ask(DEMO_USERS.anLapAdmin, 'mutation ($id: ID!, $input: ChangeOrganizationInput!) { changeOrganization(id: $id, input: $input) { id } }', {
    id: ids.committee,
    input: { name: 'Ủy ban nhân dân xã An Lập', kind: 'PEOPLES_COMMITTEE', change: local('2025-03-01') },
  });
  expect(renamed.errors).toBeUndefined();
});

afterAll(() => service?.stop());

const CHANGE = 'mutation ($id: ID!, $input: ChangeOrganizationInput!) { changeOrganization(id: $id, input: $input) { id } }';

describe('what is absent', () => {
  it.each([
    ['changeOrganization', CHANGE, { id: ABSENT_ID, input: { name: 'X', change: local('2025-04-01') } }],
    ['addSeat', 'mutation ($id: ID!, $input: AddSeatInput!) { addSeat(organizationId: $id, input: $input) { id } }',
      { id: ABSENT_ID, input: { title: 'X', selection: 'ELECTED', capacity: 1, change: local('2025-04-01') } }],
    ['setOrganizationQuota', 'mutation ($id: ID!, $change: EffectiveChangeInput!) { setOrganizationQuota(organizationId: $id, amount: 1, change: $change) { amount } }',
      { id: ABSENT_ID, change: local('2025-04-01') }],
    ['createOrganization in an absent unit', 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: { unitCode: '99999', kind: 'DEPARTMENT', name: 'X', change: local('2025-04-01') } }],
    ['renameUnit of an absent unit', 'mutation ($input: UnitChangeInput!) { renameUnit(input: $input) { effectiveDate } }',
      { input: { code: '99999', name: 'X', change: central('2025-07-01') } }],
    ['statistics of an absent unit', '{ statistics(code: "99999") { asOf } }', {}],
  ])('is NOT_FOUND in %s', async (_where, query, variables) => {
    expect(answer(await ask(DEMO_USERS.provinceAdmin, query, variables)).code).toBe('NOT_FOUND');
  });
});

describe('what was not in force on the date', () => {
  it.each([
    ['createOrganization', 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: { unitCode: '25801', kind: 'DEPARTMENT', name: 'X', change: local('1990-01-01') } }],
    ['statistics', '{ statistics(code: "720", asOf: "1998-06-30") { asOf } }', {}],
    ['compareStatistics of the caller’s own unit (was: outside your territory)', '{ compareStatistics(code: "720", from: "1998-06-30", to: "2013-09-16") { changes { measure } } }', {}],
  ])('is NOT_IN_FORCE in %s, with the dates', async (_where, query, variables) => {
    const { code, details } = answer(await ask(DEMO_USERS.districtAdmin, query, variables));
    expect(code).toBe('NOT_IN_FORCE');
    expect(details).toMatchObject({ startsOn: '1999-01-01' });
  });
});

describe('what lies outside the territory', () => {
  it('is FORBIDDEN before any date check: another commune’s early change reveals nothing of the organization (was: BAD_USER_INPUT with its validFrom)', async () => {
    const early = await ask(DEMO_USERS.dinhAnAdmin, CHANGE, { id: ids.committee, input: { name: 'X', change: local('2025-01-01') } });
    const { code, details } = answer(early);
    expect(code).toBe('FORBIDDEN');
    expect(details).toMatchObject({ reason: 'OUTSIDE_TERRITORY' });
    expect(JSON.stringify(early.errors)).not.toMatch(/validFrom|2025-03-01/);
    // The same early date inside the territory is the input error it is.
    const own = answer(await ask(DEMO_USERS.anLapAdmin, CHANGE, { id: ids.committee, input: { name: 'X', change: local('2025-01-01') } }));
    expect(own).toMatchObject({ code: 'BAD_USER_INPUT', details: { validFrom: '2025-03-01' } });
  });

  it.each([
    ['an absent id', 'NOT_FOUND', ABSENT_ID],
    ['another commune’s organization', 'FORBIDDEN', 'committee'],
  ])('answers a query for %s with %s', async (_what, code, id) => {
    const response = await ask(DEMO_USERS.dinhAnAdmin, 'query ($id: ID!) { organization(id: $id, asOf: "2025-04-01") { id } }', { id: ids[id] ?? id });
    expect(answer(response).code).toBe(code);
  });
});
