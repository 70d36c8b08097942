import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_USERS, graphqlRequest, queryDatabase, repositoryRoot, tokenFor, type StartedProcess } from '@ps/testing';
import { databaseOf, everyServiceProjectedTheTerritory, gatewayUrl, startPlatform, stopPlatform } from './platform';

const COMMUNES = ['25777', '25780', '25783', '25786', '25789', '25792', '25795', '25798', '25801', '25804', '25807', '25810'];
/** The communes whose Party secretary is also People's Committee chair in the seed story. */
const SECRETARY_CHAIRS = ['25780', '25795', '25810'];
const STORY_DATE = '2013-09-16';

const HOLDERS = `{
  concurrentTitleHolders(unitCode: "720", titleCodes: ["COMMUNE_PARTY_SECRETARY", "COMMUNE_COMMITTEE_CHAIR"], asOf: "${STORY_DATE}") {
    unitCode unitName titleCodes person { fullName }
  }
}`;
const FIGURES = `code headcount staff concurrentPosts vacancies partyMemberCount`;
const UNITS = `{
  district: unit(code: "720", asOf: "${STORY_DATE}") { ${FIGURES} }
  ${COMMUNES.map((code) => `c${code}: unit(code: "${code}", asOf: "${STORY_DATE}") { ${FIGURES} }`).join('\n  ')}
}`;

interface Figures {
  code: string;
  headcount: number | null;
  staff: number | null;
  concurrentPosts: number | null;
  vacancies: number | null;
  partyMemberCount: number | null;
}
interface Holder {
  unitCode: string;
  unitName: string;
  titleCodes: string[];
  person: { fullName: string };
}

let platform: StartedProcess[] = [];

/** Seeds the Party members and the posts as `npm start` does, once the services run. */
function seedPersonnel(): void {
  execFileSync(process.execPath, ['dist/seed/seed.js'], {
    cwd: join(repositoryRoot(), 'services', 'personnel'),
    env: { ...process.env, DATABASE_URL: databaseOf('personnel'), LOG_LEVEL: 'warn' },
  });
}

const demoRows = async () =>
  (await queryDatabase<{ assignments: number; concurrent: number; audit: number }>(
    databaseOf('personnel'),
    `SELECT (SELECT count(DISTINCT id)::int FROM assignment) AS assignments, (SELECT count(DISTINCT id)::int FROM assignment WHERE concurrent) AS concurrent,
            (SELECT count(*)::int FROM audit_log WHERE operation = 'seedDauTiengAssignments') AS audit`,
  ))[0];

beforeAll(async () => {
  platform = await startPlatform();
  await everyServiceProjectedTheTerritory();
  seedPersonnel();
}, 600_000);

afterAll(() => stopPlatform(platform));

describe('the seed story’s posts', () => {
  it('finds the three communes whose Party secretary is also People’s Committee chair, in one query', async () => {
    const response = await graphqlRequest<{ concurrentTitleHolders: Holder[] }>(gatewayUrl, HOLDERS, { token: await tokenFor(DEMO_USERS.districtAdmin) });
    expect(response.errors).toBeUndefined();
    const holders = response.data?.concurrentTitleHolders ?? [];
    expect(holders.map((holder) => holder.unitCode)).toEqual(SECRETARY_CHAIRS);
    expect(holders.every((holder) => / Mẫu \d{4}$/.test(holder.person.fullName))).toBe(true);
    process.stdout.write(`[posts] ${holders.map((holder) => `${holder.unitName}: ${holder.person.fullName}`).join('; ')}\n`);
  });

  it('answers headcount and partyMemberCount of 720 and its twelve communes, the district counting everything below it', async () => {
    const response = await graphqlRequest<Record<string, Figures>>(gatewayUrl, UNITS, { token: await tokenFor(DEMO_USERS.districtAdmin) });
    expect(response.errors).toBeUndefined();
    const { district, ...communes } = response.data ?? {};
    const headcounts = Object.fromEntries(Object.values(communes).map((unit) => [unit.code, unit.headcount]));
    // Ten posts a commune; where the secretary chairs the committee too, nine people hold them.
    expect(headcounts).toEqual(Object.fromEntries(COMMUNES.map((code) => [code, SECRETARY_CHAIRS.includes(code) ? 9 : 10])));
    expect(district).toMatchObject({ headcount: 117 + 5, staff: 117 + 5, concurrentPosts: 3, vacancies: null, partyMemberCount: 2320 });
    const members = Object.values(communes).map((unit) => unit.partyMemberCount ?? 0);
    expect(Object.values(communes).every((unit) => (unit.partyMemberCount ?? 0) >= (unit.headcount ?? 0))).toBe(true);
    expect(members.reduce((sum, count) => sum + count, 0)).toBeLessThan(2320);
    process.stdout.write(`[posts] 720: ${JSON.stringify(district)}; communes: ${JSON.stringify(Object.values(communes).map((unit) => [unit.code, unit.headcount, unit.partyMemberCount]))}\n`);
  });

  it('gives a commune admin their own commune only', async () => {
    const response = await graphqlRequest<{ concurrentTitleHolders: Holder[] }>(gatewayUrl, HOLDERS, { token: await tokenFor(DEMO_USERS.anLapAdmin) });
    expect(response.errors).toBeUndefined();
    expect(response.data?.concurrentTitleHolders).toEqual([]);
  });

  it('is seeded once: a second run adds no assignment or audit row', async () => {
    const before = await demoRows();
    expect(before).toEqual({ assignments: 12 * 10 + 5, concurrent: 3, audit: 1 });
    seedPersonnel();
    expect(await demoRows()).toEqual(before);
  });
});
