import { execFileSync } from 'node:child_process';
import { InvariantViolation } from '@ps/errors';
import { join } from 'node:path';
import { DEMO_USERS, errorCodes, eventually, graphqlRequest, queryDatabase, repositoryRoot, tokenFor, type StartedProcess } from '@ps/testing';
import { databaseOf, everyServiceProjectedTheTerritory, gatewayUrl, startPlatform, stopPlatform } from './platform';
import { asCityBoard, districtReport, districtWorkbook, onDecision, rateSecretary, seedEvaluation, unratedSecretary, type Distribution } from './story-ratings';

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
let evaluationSeedSeconds = 0;

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
  evaluationSeedSeconds = seedEvaluation();
}, 900_000);

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

describe('the seed story’s ratings: work results as the yardstick', () => {
  const sum = (rows: Distribution[]) => rows.reduce((total, row) => total + row.total, 0);
  const figures = ({ total, excellent, good, completed, notCompleted }: Distribution) => [total, excellent, good, completed, notCompleted];

  it('answers Huyện Dầu Tiếng’s 2024 quality report per commune and per head, each commune’s People’s Committee named as it was then', async () => {
    const response = await districtReport();
    expect(response.errors).toBeUndefined();
    const report = response.data?.ratingReport;
    const communes = report?.units.filter((row) => !row.ownAgencies) ?? [];
    // the story's 108 People's Committee posts: 9 in each of the 12 communes, every holder rated through the workflow
    expect(communes).toHaveLength(12);
    expect(communes.map((row) => row.ratings.total)).toEqual(Array(12).fill(9));
    expect(report?.total.total).toBe(108);
    expect(sum(report?.units.map((row) => row.ratings) ?? [])).toBe(108);
    expect(report?.heads).toHaveLength(12);
    for (const head of report?.heads ?? []) {
      // named as the committee was called then (the organization service answers `organization` as of today: these closed on 1 July 2025)
      expect(head.organizationName).toMatch(/^Ủy ban nhân dân (xã|thị trấn) /);
      expect(head.leaders.length).toBeGreaterThan(0);
      expect(head.leaders.length + head.staff.total).toBe(9);
      expect(head.staffNotCompleted).toBe(head.staff.notCompleted > 0);
    }
    const summary = await graphqlRequest<{ unit: { ratingSummary: Distribution } }>(
      gatewayUrl, `{ unit(code: "720", asOf: "2025-01-31") { ratingSummary(year: 2024) { ${'excellent good completed notCompleted total'} } } }`,
      { token: await tokenFor(DEMO_USERS.districtAdmin) },
    );
    expect(summary.data?.unit.ratingSummary).toEqual(report?.total && { ...report.total });
    process.stdout.write(`[evaluation] seeded in ${evaluationSeedSeconds.toFixed(1)} s; 2024: ${JSON.stringify(report?.total)}\n`);
  });

  it('hands the same figures out as the official Excel workbook, opened and read back', async () => {
    const report = (await districtReport()).data?.ratingReport;
    const { fileName, sheets } = await districtWorkbook();
    expect(fileName).toBe('bieu-tong-hop-xep-loai-720-2024.xlsx');
    expect([...sheets.keys()]).toEqual(['Theo đơn vị', 'Theo tổ chức', 'Theo người đứng đầu']);
    const [header, ...lines] = sheets.get('Theo đơn vị') ?? [];
    expect(header.slice(0, 4)).toEqual(['STT', 'Đơn vị', 'Tổng số', 'Hoàn thành xuất sắc nhiệm vụ (số lượng)']);
    for (const commune of report?.units.filter((row) => !row.ownAgencies) ?? []) {
      const line = lines.find((cells) => cells[1] === commune.unitName);
      expect([line?.[2], line?.[3], line?.[5], line?.[7], line?.[9]]).toEqual(figures(commune.ratings));
    }
    expect(lines.at(-1)?.slice(1, 3)).toEqual(['Tổng cộng', 108]);
    const leaders = report?.heads.flatMap((head) => head.leaders) ?? [];
    const headLines = (sheets.get('Theo người đứng đầu') ?? []).slice(1);
    expect(headLines.map((cells) => cells[3]).sort()).toEqual(leaders.map((leader) => leader.fullName).sort());
    expect(headLines.every((cells) => String(cells[1]).startsWith('Ủy ban nhân dân'))).toBe(true);
  });

  it('shows 2026’s HTXS in personnel as reward proposals, through Kafka, and refuses the district’s report to a commune’s admin', async () => {
    const city = async <Data>(query: string) => graphqlRequest<Data>(gatewayUrl, query, { token: await tokenFor(DEMO_USERS.hcmcAdmin) });
    const excellent = (await city<{ ratingReport: { total: Distribution } }>('{ ratingReport(unitCode: "79", year: 2026) { total { excellent } } }')).data?.ratingReport.total.excellent ?? -1;
    expect(excellent).toBeGreaterThan(0);
    const proposals = async () => (await city<{ rewardProposals: unknown[] }>('{ rewardProposals(unitCode: "79", year: 2026) { status } }')).data?.rewardProposals.length;
    await eventually(async () => ((await proposals()) === excellent ? true : undefined), { what: `personnel lists the ${excellent} HTXS of 2026 as reward proposals`, timeoutMs: 60_000 });
    expect(errorCodes(await districtReport(DEMO_USERS.anLapAdmin))).toEqual(['FORBIDDEN']);
  });

  it('follows a discipline from personnel through evaluation and back: the head’s HTT becomes KHTNV naming the rule, and personnel lists a downsizing candidate under Decree 154/2025', async () => {
    const { secretary, seen } = await unratedSecretary();
    if (!secretary) throw new InvariantViolation(`no Party secretary of Thanh An managed by the city’s board and unrated for 2025 in the demo; seen: ${seen.join(' | ')}`);
    const discipline = await asCityBoard('mutation ($input: RecordDisciplineInput!) { recordDiscipline(input: $input) { id } }', {
      input: { personId: secretary.personId, system: 'PARTY', form: 'REPRIMAND', endsOn: null, change: onDecision('QĐ-KL-07/2025', '2025-09-15') },
    });
    expect(discipline.errors).toBeUndefined();
    await eventually(async () => ((await queryDatabase(databaseOf('evaluation'), 'SELECT 1 FROM discipline_fact WHERE person_id = $1', [secretary.personId])).length > 0 ? true : undefined), {
      what: 'evaluation learnt the discipline from personnel', timeoutMs: 60_000,
    });
    const { errors, decided } = await rateSecretary(secretary);
    expect(errors).toBeUndefined();
    expect(decided?.level).toBe('KHTNV');
    expect(decided?.appliedRules).toEqual([expect.objectContaining({ rule: 'DISCIPLINED_IN_YEAR', source: expect.stringContaining('366-QĐ/TW') })]);
    const candidates = async () =>
      (await asCityBoard<{ downsizingCandidates: Array<{ personId: string; groundCode: string; status: string }> }>('{ downsizingCandidates(unitCode: "25807", year: 2025) { personId groundCode status } }'))
        .data?.downsizingCandidates.filter((candidate) => candidate.personId === secretary.personId);
    const [candidate] = (await eventually(async () => ((await candidates())?.length ? candidates() : undefined), { what: 'personnel lists the candidate', timeoutMs: 60_000 })) ?? [];
    expect(candidate).toEqual({ personId: secretary.personId, groundCode: 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', status: 'CANDIDATE' });
    const history = await asCityBoard<{ person: { ratingHistory: Array<{ year: number; level: string; revision: number }> } }>(
      'query ($id: ID!) { person(id: $id) { ratingHistory { year level revision } } }', { id: secretary.personId },
    );
    expect(history.data?.person.ratingHistory).toContainEqual({ year: 2025, level: 'KHTNV', revision: 1 });
  });
});
