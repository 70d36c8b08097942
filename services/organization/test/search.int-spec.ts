import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { DEMO_USERS, errorCodes, graphqlRequest, recreateTestDatabase, serviceTestEnv, tokenFor } from '@ps/testing';
import { seedDemoTerritory } from '../src/seed/demo-territory';
import { organizationService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('organization', 'ps_organization_search_test'));
let service: RunningService;

const change = (effectiveDate: string) => ({
  effectiveDate,
  reason: 'Thành lập theo Quy định 298-QĐ/TW',
  decision: { number: '05-QĐ/TU', date: '2025-06-30', signer: 'Lê Văn Bí thư' },
});

const gql = async <Data>(username: string, query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<Data>(service.url, query, { token: await tokenFor(username), variables });

async function established(unitCode: string, name: string, kind: string, parentId: string | null = null): Promise<string> {
  const response = await gql<{ createOrganization: { id: string } }>(
    DEMO_USERS.districtAdmin,
    'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    { input: { unitCode, kind, name, parentId, change: change('2025-07-01') } },
  );
  expect(response.errors).toBeUndefined();
  return response.data?.createOrganization.id ?? '';
}

const searchUnits = (username: string, text: string, asOf?: string, first?: number) =>
  gql<{ searchUnits: Array<{ code: string; name: string; asOf: string }> }>(
    username,
    'query ($text: String!, $asOf: LocalDate, $first: Int) { searchUnits(text: $text, asOf: $asOf, first: $first) { code name asOf } }',
    { text, asOf, first },
  );
const searchOrganizations = (username: string, text: string, options: { asOf?: string; unitCode?: string } = {}) =>
  gql<{ searchOrganizations: Array<{ name: string; unitCode: string }> }>(
    username,
    `query ($text: String!, $asOf: LocalDate, $unitCode: ID) {
       searchOrganizations(text: $text, asOf: $asOf, unitCode: $unitCode) { name unitCode } }`,
    { text, ...options },
  );

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(organizationService, env);
  await seedDemoTerritory(service.dataSource);
  await established('25801', 'Đảng bộ xã An Lập', 'PARTY_GRASSROOTS');
  await established('25801', 'Ủy ban nhân dân xã An Lập', 'PEOPLES_COMMITTEE');
  await established('25789', 'Đảng bộ xã Định An', 'PARTY_GRASSROOTS');
});

afterAll(() => service?.stop());

describe('searchUnits', () => {
  it('finds "Xã Định An" from "dinh an" for the district admin, as of the date asked', async () => {
    const response = await searchUnits(DEMO_USERS.districtAdmin, 'dinh an', '2025-01-01');
    expect(response.errors).toBeUndefined();
    expect(response.data?.searchUnits).toEqual([{ code: '25789', name: 'Xã Định An', asOf: '2025-01-01' }]);
    expect((await searchUnits(DEMO_USERS.districtAdmin, 'ĐỊNH AN')).data?.searchUnits.map((unit) => unit.code)).toEqual(['25789']);
  });

  it('does not find it for the An Lập admin, whose territory is An Lập', async () => {
    expect((await searchUnits(DEMO_USERS.anLapAdmin, 'dinh an')).data?.searchUnits).toEqual([]);
    expect((await searchUnits(DEMO_USERS.anLapAdmin, 'an lap')).data?.searchUnits.map((unit) => unit.code)).toEqual(['25801']);
  });

  it('finds nothing before the units existed', async () => {
    expect((await searchUnits(DEMO_USERS.provinceAdmin, 'dinh an', '1998-12-31')).data?.searchUnits).toEqual([]);
  });

  it('matches every name containing the text, and stops at `first`', async () => {
    const all = (await searchUnits(DEMO_USERS.provinceAdmin, 'dinh')).data!.searchUnits;
    expect(all.map((unit) => unit.name).sort()).toEqual(['Xã Định An', 'Xã Định Hiệp', 'Xã Định Thành']);
    expect((await searchUnits(DEMO_USERS.provinceAdmin, 'xa dinh hiep')).data?.searchUnits.map((unit) => unit.name)).toEqual([
      'Xã Định Hiệp',
    ]);
    expect((await searchUnits(DEMO_USERS.provinceAdmin, 'dinh', undefined, 2)).data?.searchUnits).toHaveLength(2);
  });

  it.each([
    ['a text shorter than 2 characters', 'a', undefined],
    ['a text of punctuation only', ' -- ', undefined],
    ['a page size of 0', 'dinh an', 0],
  ])('refuses %s', async (_case, text, first) => {
    const response = await searchUnits(DEMO_USERS.districtAdmin, text, undefined, first);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('searchOrganizations', () => {
  it('finds "Đảng bộ xã An Lập" from "dang bo" inside the caller’s territory', async () => {
    const anLap = await searchOrganizations(DEMO_USERS.anLapAdmin, 'dang bo');
    expect(anLap.errors).toBeUndefined();
    expect(anLap.data?.searchOrganizations).toEqual([{ name: 'Đảng bộ xã An Lập', unitCode: '25801' }]);
    const district = await searchOrganizations(DEMO_USERS.districtAdmin, 'dang bo');
    expect(district.data?.searchOrganizations.map((organization) => organization.name).sort()).toEqual([
      'Đảng bộ xã An Lập',
      'Đảng bộ xã Định An',
    ]);
  });

  it('narrows to a unit and the units below it, and answers as of the date', async () => {
    const dinhAn = await searchOrganizations(DEMO_USERS.districtAdmin, 'dang bo', { unitCode: '25789' });
    expect(dinhAn.data?.searchOrganizations).toEqual([{ name: 'Đảng bộ xã Định An', unitCode: '25789' }]);
    const district = await searchOrganizations(DEMO_USERS.districtAdmin, 'xa an lap', { unitCode: '720' });
    expect(district.data?.searchOrganizations.map((organization) => organization.name).sort()).toEqual([
      'Đảng bộ xã An Lập',
      'Ủy ban nhân dân xã An Lập',
    ]);
    expect((await searchOrganizations(DEMO_USERS.districtAdmin, 'dang bo', { asOf: '2025-06-30' })).data?.searchOrganizations).toEqual([]);
  });

  it('puts the most similar name first', async () => {
    const [{ id: party }] = await service.dataSource.query("SELECT id FROM organization WHERE name = 'Đảng bộ xã An Lập'");
    await established('25801', 'Chi bộ Cơ quan Đảng bộ xã An Lập', 'PARTY_CELL', party);
    const found = await searchOrganizations(DEMO_USERS.anLapAdmin, 'dang bo xa an lap');
    // By name alone "Chi bộ…" would come first; the exact name is the more similar one.
    expect(found.data?.searchOrganizations.map((organization) => organization.name)).toEqual([
      'Đảng bộ xã An Lập',
      'Chi bộ Cơ quan Đảng bộ xã An Lập',
    ]);
  });

  it('refuses a unit outside the caller’s territory', async () => {
    expect(errorCodes(await searchOrganizations(DEMO_USERS.anLapAdmin, 'dang bo', { unitCode: '25789' }))).toEqual(['FORBIDDEN']);
  });
});
