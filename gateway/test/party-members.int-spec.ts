import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_USERS, graphqlRequest, queryDatabase, repositoryRoot, tokenFor, type StartedProcess } from '@ps/testing';
import { databaseOf, everyServiceProjectedTheTerritory, gatewayUrl, startPlatform, stopPlatform } from './platform';

/** The seed story's figures: Huyện Dầu Tiếng when re-established, and in September 2013. */
const STORY = `{
  then: unit(code: "720", asOf: "1999-12-31") { name partyMemberCount }
  now: unit(code: "720", asOf: "2013-09-16") { name partyMemberCount }
  thenOrganizations: statistics(code: "720", asOf: "1999-12-31") { organizationsByKind { kind count } }
  nowOrganizations: statistics(code: "720", asOf: "2013-09-16") { organizationsByKind { kind count } }
}`;

interface Story {
  then: { name: string; partyMemberCount: number | null };
  now: { name: string; partyMemberCount: number | null };
  thenOrganizations: { organizationsByKind: Array<{ kind: string; count: number }> };
  nowOrganizations: { organizationsByKind: Array<{ kind: string; count: number }> };
}

let platform: StartedProcess[] = [];
let seedSeconds = 0;

/** Seeds the Party members as `npm start` does, once the services run. */
function seedPartyMembers(): number {
  const started = Date.now();
  execFileSync(process.execPath, ['dist/seed/seed.js'], {
    cwd: join(repositoryRoot(), 'services', 'personnel'),
    env: { ...process.env, DATABASE_URL: databaseOf('personnel'), LOG_LEVEL: 'warn' },
  });
  return (Date.now() - started) / 1000;
}

const demoRows = async () =>
  (await queryDatabase<{ people: number; personVersions: number; memberships: number; versions: number; audit: number; followed: number; planned: number; rotations: number }>(
    databaseOf('personnel'),
    `SELECT (SELECT count(DISTINCT id)::int FROM person WHERE personal_id LIKE '000%') AS people,
            (SELECT count(*)::int FROM person WHERE personal_id LIKE '000%') AS "personVersions", (SELECT count(DISTINCT id)::int FROM party_membership) AS memberships,
            (SELECT count(*)::int FROM party_membership) AS versions,
            (SELECT count(*)::int FROM audit_log WHERE operation = 'seedDauTiengPartyMembers') AS audit,
            (SELECT count(*)::int FROM audit_log WHERE operation = 'followSuccession') AS followed,
            (SELECT count(*)::int FROM cadre_planning) AS planned, (SELECT count(*)::int FROM rotation) AS rotations`,
  ))[0];

beforeAll(async () => {
  platform = await startPlatform();
  await everyServiceProjectedTheTerritory();
  seedSeconds = seedPartyMembers();
}, 600_000);

afterAll(() => stopPlatform(platform));

describe('the seed story’s cadre planning', () => {
  it('answers the district’s 2015–2020 planning list and the two young cadres rotated to communes', async () => {
    const response = await graphqlRequest<{ cadrePlanning: { entries: Array<{ titleCode: string }> }; anLap: Array<{ titleCode: string }>; dinhAn: Array<{ titleCode: string }> }>(
      gatewayUrl,
      `{ cadrePlanning(unitCode: "720", term: "2015-2020", asOf: "2014-06-30") { entries { titleCode } }
         anLap: rotations(unitCode: "25801", asOf: "2015-01-01") { titleCode } dinhAn: rotations(unitCode: "25789", asOf: "2015-01-01") { titleCode } }`,
      { token: await tokenFor(DEMO_USERS.districtAdmin) },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.cadrePlanning.entries).toHaveLength(12);
    expect([response.data?.anLap, response.data?.dinhAn]).toEqual([[{ titleCode: 'COMMUNE_PARTY_SECRETARY' }], [{ titleCode: 'COMMUNE_COMMITTEE_CHAIR' }]]);
  });
});

describe('the seed story’s Party members', () => {
  it('answers Huyện Dầu Tiếng with 742 Party members in 1999 and 2,320 in 2013, beside its 22 and 51 grassroots Party organizations', async () => {
    const response = await graphqlRequest<Story>(gatewayUrl, STORY, { token: await tokenFor(DEMO_USERS.districtAdmin) });
    expect(response.errors).toBeUndefined();
    const grassroots = (statistics: Story['nowOrganizations']) => statistics.organizationsByKind.find((row) => row.kind === 'PARTY_GRASSROOTS')?.count;
    expect({
      then: [response.data?.then.partyMemberCount, response.data && grassroots(response.data.thenOrganizations)],
      now: [response.data?.now.partyMemberCount, response.data && grassroots(response.data.nowOrganizations)],
    }).toEqual({ then: [742, 22], now: [2320, 51] });
    process.stdout.write(`[party members] seeded in ${seedSeconds.toFixed(1)} s\n`);
  });

  it('is seeded once: a second run adds no person, membership or audit row', async () => {
    const before = await demoRows();
    // 2,320 Party members and the planning story's eight cadres, twelve places on its list, two rotations.
    expect(before).toMatchObject({ people: 2328, memberships: 2320, audit: 1, planned: 12, rotations: 2 });
    seedPartyMembers();
    expect(await demoRows()).toEqual(before);
  });

  it('gives a commune admin the members of their own commune only, a part of the district’s', async () => {
    const own = await graphqlRequest<{ unit: { partyMemberCount: number | null } }>(
      gatewayUrl, '{ unit(code: "25801", asOf: "2013-09-16") { partyMemberCount } }', { token: await tokenFor(DEMO_USERS.anLapAdmin) },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data?.unit.partyMemberCount).toBeGreaterThan(0);
    expect(own.data?.unit.partyMemberCount).toBeLessThan(2320);
  });

  it('carries the members of An Lập and Định Hiệp to Xã Thanh An on the 2025 merger, each once, also after the seed runs again', async () => {
    const count = async (username: string, code: string, asOf: string) =>
      (await graphqlRequest<{ unit: { partyMemberCount: number } }>(gatewayUrl, `{ unit(code: "${code}", asOf: "${asOf}") { partyMemberCount } }`, { token: await tokenFor(username) }))
        .data?.unit.partyMemberCount ?? -1;
    const predecessors: number[] = [];
    for (const code of ['25801', '25798', '25807']) predecessors.push(await count(DEMO_USERS.provinceAdmin, code, '2025-06-30'));
    expect(predecessors.every((members) => members > 0)).toBe(true);
    const successor = await count(DEMO_USERS.thanhAnAdmin, '25807', '2025-07-01');
    expect(successor).toBe(predecessors.reduce((sum, members) => sum + members, 0));
    // Nothing of An Lập's or Định Hiệp's closed bodies is still held after the merger: members and posts alike.
    const stranded = await queryDatabase<{ members: number; posts: number }>(databaseOf('personnel'), `
      WITH closed AS (SELECT o.id FROM organization o WHERE o.unit_code IN ('25801', '25798') AND o.valid_to = '2025-07-01'
                        AND NOT EXISTS (SELECT 1 FROM organization later WHERE later.id = o.id AND later.valid_from = '2025-07-01'))
      SELECT (SELECT count(*)::int FROM party_membership m WHERE m.party_organization_id IN (SELECT id FROM closed) AND (m.valid_to IS NULL OR m.valid_to > '2025-07-01')) AS members,
             (SELECT count(*)::int FROM assignment a WHERE a.organization_id IN (SELECT id FROM closed) AND (a.valid_to IS NULL OR a.valid_to > '2025-07-01')) AS posts`);
    expect(stranded[0]).toEqual({ members: 0, posts: 0 });
    const surplus = await graphqlRequest<{ restructuringSurplus: Array<{ organizationName: string; predecessors: unknown[]; headcountBefore: number; headcountAfter: number; titles: Array<{ titleCode: string; holders: number }> }> }>(
      gatewayUrl, '{ restructuringSurplus(unitCode: "25807", date: "2025-07-01") { organizationName predecessors { name } headcountBefore headcountAfter titles { titleCode holders } } }',
      { token: await tokenFor(DEMO_USERS.thanhAnAdmin) },
    );
    expect(surplus.errors).toBeUndefined();
    const committee = surplus.data?.restructuringSurplus.find((line) => line.organizationName === 'Ủy ban nhân dân xã Thanh An');
    expect(committee?.predecessors).toHaveLength(2);
    expect(committee?.headcountAfter).toBe(committee?.headcountBefore);
    expect(committee?.titles).toContainEqual({ titleCode: 'COMMUNE_COMMITTEE_CHAIR', holders: 3 });
    const before = await demoRows();
    seedPartyMembers();
    expect(await demoRows()).toEqual(before);
    expect(await count(DEMO_USERS.thanhAnAdmin, '25807', '2025-07-01')).toBe(successor);
  });
});
