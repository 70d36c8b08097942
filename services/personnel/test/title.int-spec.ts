import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { DEMO_USERS, graphqlRequest, recreateTestDatabase, serviceTestEnv, tokenFor } from '@ps/testing';
import { personnelService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('personnel'));
let service: RunningService;

interface TitleRow { code: string; name: string; tier: string; positionGroup: string; keyPost: boolean; source: string }
const titles = async (asOf: string, tier: string | null) => {
  const response = await graphqlRequest<{ titles: TitleRow[] }>(
    service.url,
    'query ($asOf: LocalDate, $tier: Tier) { titles(asOf: $asOf, tier: $tier) { code name tier positionGroup keyPost source } }',
    { token: await tokenFor(DEMO_USERS.anLapOfficer), variables: { asOf, tier } },
  );
  expect(response.errors).toBeUndefined();
  return response.data?.titles ?? [];
};

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(personnelService, env);
});

afterAll(async () => {
  await service?.stop();
});

describe('the title catalogue', () => {
  it('lists the commune titles in force on a date, key posts marked, each with its source', async () => {
    const commune = await titles('2013-09-16', 'COMMUNE');
    expect(commune.map((title) => title.tier)).toEqual(commune.map(() => 'COMMUNE'));
    expect(commune.find((title) => title.code === 'COMMUNE_PARTY_SECRETARY')).toMatchObject({
      name: 'Bí thư Đảng ủy xã', positionGroup: 'LEADERSHIP', keyPost: true, source: expect.stringContaining('92/2009'),
    });
    expect(commune.find((title) => title.code === 'COMMUNE_OFFICE_STATISTICS')).toMatchObject({ positionGroup: 'PROFESSIONAL', keyPost: false });
    expect((await titles('2013-09-16', null)).length).toBeGreaterThan(commune.length);
  });

  it('has no titles before the catalogue began', async () => {
    expect(await titles('1998-12-31', null)).toEqual([]);
  });

  it('refuses a second version of a title in force on the same days', async () => {
    await expect(service.dataSource.query(
      "INSERT INTO title (code, valid_from, name, tier, organization_kind, position_group, key_post, source) VALUES ('COMMUNE_PARTY_SECRETARY', '2020-01-01', 'x', 'COMMUNE', 'PARTY_COMMITTEE', 'LEADERSHIP', true, 'x')",
    )).rejects.toMatchObject({ driverError: { constraint: 'title_no_overlap' } });
  });
});
