import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { DEMO_USERS, errorCodes, graphqlRequest, recreateTestDatabase, serviceTestEnv, tokenFor } from '@ps/testing';
import { seedDauTiengStory } from '../src/seed/dau-tieng-story';
import { seedDemoTerritory } from '../src/seed/demo-territory';
import { organizationService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('organization', 'ps_organization_statistics_test'));
let service: RunningService;

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(organizationService, env);
  await seedDemoTerritory(service.dataSource);
  await seedDauTiengStory(service.dataSource);
});

afterAll(() => service?.stop());

const ask = async <T>(username: string, query: string) => graphqlRequest<T>(service.url, query, { token: await tokenFor(username) });
const grassroots = (figures: { organizationsByKind: Array<{ kind: string; count: number }> }) =>
  figures.organizationsByKind.find((row) => row.kind === 'PARTY_GRASSROOTS')?.count;

interface Figures {
  organizationsByKind: Array<{ kind: string; count: number }>;
  unitsByTier: Array<{ tier: string; count: number }>;
  quota: { unit: number | null; organizations: number; subunits: number };
}

describe('the Dầu Tiếng story told with data', () => {
  it('counts 22 grassroots Party organizations at the end of 1999 and 51 on 16 Sep 2013: +29', async () => {
    const response = await ask<{ y1999: Figures; y2013: Figures; compareStatistics: { changes: Array<{ measure: string; organizationKind: string | null; from: number; to: number; change: number }> } }>(
      DEMO_USERS.districtAdmin,
      `{
        y1999: statistics(code: "720", asOf: "1999-12-31") { organizationsByKind { kind count } unitsByTier { tier count } quota { unit organizations subunits } }
        y2013: statistics(code: "720", asOf: "2013-09-16") { organizationsByKind { kind count } unitsByTier { tier count } quota { unit organizations subunits } }
        compareStatistics(code: "720", from: "1999-12-31", to: "2013-09-16") { changes { measure organizationKind from to change } }
      }`,
    );
    expect(response.errors).toBeUndefined();
    expect(grassroots(response.data!.y1999)).toBe(22);
    expect(grassroots(response.data!.y2013)).toBe(51);
    expect(response.data?.y1999.unitsByTier).toEqual([{ tier: 'COMMUNE', count: 12 }]);
    expect(response.data?.compareStatistics.changes).toContainEqual({
      measure: 'ORGANIZATIONS',
      organizationKind: 'PARTY_GRASSROOTS',
      from: 22,
      to: 51,
      change: 29,
    });
  });

  it('says the district was not in force before it was re-established, and when it was', async () => {
    const response = await ask<{ statistics: Figures | null }>(DEMO_USERS.provinceAdmin, '{ statistics(code: "720", asOf: "1998-06-30") { unitsByTier { tier } } }');
    expect(errorCodes(response)).toEqual(['NOT_IN_FORCE']);
    expect(response.errors?.[0].extensions?.details).toMatchObject({ startsOn: '1999-01-01' });
  });

  it('compares the caller’s own unit across a date it was not in force with NOT_IN_FORCE, not FORBIDDEN', async () => {
    const response = await ask(DEMO_USERS.districtAdmin, '{ compareStatistics(code: "720", from: "1998-06-30", to: "2013-09-16") { changes { measure } } }');
    expect(errorCodes(response)).toEqual(['NOT_IN_FORCE']);
    expect(response.errors?.[0].message).toContain('Huyện Dầu Tiếng (720) không có hiệu lực vào ngày 1998-06-30');
  });

  it('totals staffing quotas of the unit, its organizations and its communes', async () => {
    await service.dataSource.query(`
      INSERT INTO staffing_quota (holder_kind, holder_id, amount, valid_from, created_by)
      SELECT 'UNIT', '720', 120, date '2013-01-01', 'test' UNION ALL
      SELECT 'UNIT', '25801', 20, '2013-01-01', 'test' UNION ALL
      SELECT 'UNIT', '25789', 21, '2014-01-01', 'test' UNION ALL
      SELECT 'ORGANIZATION', id::text, 15, '2013-01-01', 'test' FROM organization WHERE kind = 'PEOPLES_COMMITTEE' AND unit_code = '720'`);
    const response = await ask<{ statistics: Figures }>(DEMO_USERS.districtAdmin, '{ statistics(code: "720", asOf: "2013-09-16") { quota { unit organizations subunits } } }');
    expect(response.data?.statistics.quota).toEqual({ unit: 120, organizations: 15, subunits: 20 });
  });

  it('answers only inside the caller’s territory', async () => {
    const district = await ask(DEMO_USERS.anLapAdmin, '{ statistics(code: "720", asOf: "2013-09-16") { code } }');
    expect(errorCodes(district)).toEqual(['FORBIDDEN']);
    const own = await ask<{ statistics: Figures }>(DEMO_USERS.anLapAdmin, '{ statistics(code: "25801", asOf: "2013-09-16") { organizationsByKind { kind count } unitsByTier { tier count } } }');
    expect(own.data?.statistics.organizationsByKind).toEqual([
      { kind: 'PARTY_COMMITTEE', count: 1 },
      { kind: 'PARTY_GRASSROOTS', count: 2 },
      { kind: 'PEOPLES_COMMITTEE', count: 1 },
      { kind: 'MASS_ORGANIZATION', count: 1 },
    ].sort((a, b) => a.kind.localeCompare(b.kind)));
    expect(own.data?.statistics.unitsByTier).toEqual([]);
  });
});
