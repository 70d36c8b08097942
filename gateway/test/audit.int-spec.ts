import { DEMO_USERS, errorCodes, eventually, graphqlRequest, queryDatabase, tokenFor, type StartedProcess } from '@ps/testing';
import { city, commune, composedMutations, decisionOf, FIXTURES, ids, local, THANH_AN, TODAY } from './audit.fixtures';
import { prepareThanhAn } from './audit.thanh-an';
import { databaseOf, everyServiceProjectedTheTerritory, gatewayUrl, PLATFORM_START_TIMEOUT_MS, SERVICES, startPlatform, stopPlatform, type ServiceName } from './platform';

interface AuditRow {
  id: string;
  operation: string;
  username: string;
  before: unknown;
  after: unknown;
  decision: { number: string } | null;
}

const lastAuditId = async (service: ServiceName): Promise<string> =>
  (await queryDatabase<{ last: string }>(databaseOf(service), 'SELECT coalesce(max(id), 0)::text AS last FROM audit_log'))[0].last;
const auditRowsAfter = (service: ServiceName, id: string) =>
  queryDatabase<AuditRow>(databaseOf(service), 'SELECT id::text, operation, username, before, after, decision FROM audit_log WHERE id > $1 ORDER BY id', [id]);

const TRAIL = `query ($unitCode: ID!, $from: LocalDate!, $to: LocalDate!, $operation: String) {
  auditTrail(unitCode: $unitCode, from: $from, to: $to, operation: $operation) {
    organization { entries { id operation decision { number } } }
    personnel { entries { id operation decision { number } } }
    evaluation { entries { id operation decision { number } } }
    reform { entries { id operation decision { number } } }
  }
}`;
type Section = { entries: Array<{ id: string; operation: string; decision: { number: string } | null }> } | null;
const trail = async (username: string, unitCode: string, operation: string | null = null) =>
  graphqlRequest<{ auditTrail: Record<ServiceName, Section> | null }>(gatewayUrl, TRAIL, {
    token: await tokenFor(username),
    variables: { unitCode, from: '2026-01-01', to: TODAY, operation },
  });

let platform: StartedProcess[] = [];

beforeAll(async () => {
  platform = await startPlatform();
  await everyServiceProjectedTheTerritory();
  await prepareThanhAn();
}, PLATFORM_START_TIMEOUT_MS);

afterAll(() => stopPlatform(platform));

describe('every mutation of the composed schema', () => {
  it('has a fixture here (a new mutation without one fails this test)', () => {
    expect(FIXTURES.map(([name]) => name).sort()).toEqual(composedMutations());
  });

  it.each(FIXTURES)('%s writes exactly one audit row, with before, after and the decision, that its caller reads back', async (name, fixture) => {
    await fixture.prepare?.();
    const variables = fixture.variables();
    const since = await Promise.all(SERVICES.map(({ name: service }) => lastAuditId(service)));
    const response = await graphqlRequest<Record<string, { id?: string }>>(gatewayUrl, fixture.query, { token: await tokenFor(fixture.user), variables });
    expect(response.errors).toBeUndefined();
    fixture.keep?.(response.data!);

    const follows = fixture.follows ?? [];
    const isFollowUp = (service: ServiceName, row: AuditRow) => follows.some((step) => step.service === service && step.operation === row.operation);
    /** Each service's rows since the call, the call's own apart from what it set off ("<service> <operation>"). */
    const readWritten = async () => {
      const found = await Promise.all(SERVICES.map(({ name: service }, index) => auditRowsAfter(service, since[index])));
      return {
        own: SERVICES.map(({ name: service }, index) => found[index].filter((row) => !isFollowUp(service, row))),
        followUps: SERVICES.flatMap(({ name: service }, index) => found[index].filter((row) => isFollowUp(service, row)).map((row) => `${service} ${row.operation}`)),
      };
    };
    // The follow-ups arrive through Kafka, now or a moment later: wait for each before counting.
    const { own, followUps } = await eventually(async () => {
      const written = await readWritten();
      return written.followUps.length >= follows.length ? written : undefined;
    }, { timeoutMs: 20_000, what: `the audit rows ${name} sets off` });
    expect(followUps.sort()).toEqual(follows.map((step) => `${step.service} ${step.operation}`).sort());
    const rows = own.flat();
    expect(rows).toHaveLength(1);
    expect(own[SERVICES.findIndex((service) => service.name === fixture.service)]).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ operation: name, username: fixture.user, decision: { number: decisionOf(variables) } });
    expect(row.after).not.toBeNull();
    if (fixture.creates) expect(row.before).toBeNull();
    else expect(row.before).not.toBeNull();

    const read = await trail(fixture.user, fixture.unitCode, name);
    expect(read.errors).toBeUndefined();
    expect(read.data?.auditTrail?.[fixture.service]?.entries[0]).toEqual({ id: row.id, operation: name, decision: { number: decisionOf(variables) } });
  });
});

describe('personal data through the gateway', () => {
  // As of a day the father recorded above was on the file (he was ended on 1 May 2026).
  const PERSONAL_DATA = `query ($id: ID!) { person(id: $id, asOf: "2026-04-15") {
    fullName personalData { masked personalId birthDate homePlace family { relation fullName birthYear occupation residence } } managedBy { tier unitCode body } managedByMe
  } }`;
  const personalData = async (username: string) =>
    graphqlRequest<{ person: { personalData: Record<string, unknown>; managedBy: unknown[]; managedByMe: boolean } | null }>(gatewayUrl, PERSONAL_DATA, {
      token: await tokenFor(username), variables: { id: ids.person },
    });
  const reads = async () =>
    queryDatabase<{ username: string; fields: string[] }>(databaseOf('personnel'), "SELECT username, fields FROM audit_log WHERE kind = 'READ' AND target_id = $1 ORDER BY id", [ids.person]);

  it('masks a commune cadre for the commune’s admin and reads nothing into the trail', async () => {
    const response = await personalData(commune);
    expect(response.errors).toBeUndefined();
    expect(response.data?.person?.personalData).toEqual({
      masked: true, personalId: '0********101', birthDate: '1990', homePlace: '***',
      family: [{ relation: 'FATHER', fullName: 'Nguyễn V. B.', birthYear: null, occupation: '***', residence: 'Thành phố Hồ Chí Minh' }],
    });
    expect(response.data?.person?.managedByMe).toBe(false);
    expect(response.data?.person?.managedBy).toEqual([{ tier: 'PROVINCE', unitCode: '79', body: 'ORGANIZATION_BOARD' }]);
    expect(await reads()).toEqual([]);
  });

  it('gives the city’s organization board the cadre in full, and the read is in the personnel audit trail', async () => {
    const response = await personalData(DEMO_USERS.hcmcOrganizationBoard);
    expect(response.errors).toBeUndefined();
    expect(response.data?.person?.personalData).toEqual({
      masked: false, personalId: '079090000101', birthDate: '1990-05-01', homePlace: 'Thành phố Hồ Chí Minh',
      family: [{ relation: 'FATHER', fullName: 'Nguyễn Văn Ba', birthYear: 1960, occupation: 'Cựu chiến binh', residence: 'Xã Thạnh An, Thành phố Hồ Chí Minh' }],
    });
    expect(response.data?.person?.managedByMe).toBe(true);
    expect(await reads()).toEqual([{ username: 'tochuc.tphcm', fields: ['personalId', 'birthDate', 'homePlace', 'ethnicity', 'family'] }]);
    const read = await trail(commune, THANH_AN, 'readPersonalData');
    expect(read.errors).toBeUndefined();
    expect(read.data?.auditTrail?.personnel?.entries.map((entry) => [entry.operation, entry.decision])).toEqual([['readPersonalData', null]]);
  });
});

describe('acting on a person’s file through the gateway', () => {
  const REWARD = 'mutation ($input: RecordRewardInput!) { recordReward(input: $input) { id } }';
  const reward = async (username: string, number: string) =>
    graphqlRequest<{ recordReward: { id: string } | null }>(gatewayUrl, REWARD, {
      token: await tokenFor(username),
      variables: { input: { personId: ids.person, form: 'COMMENDATION', title: 'Giấy khen', change: local(number, '2026-08-01') } },
    });

  it.each([
    ['the commune’s admin, in no managing body', commune],
    ['the city’s admin, in no managing body', city],
    ['the city’s home-affairs office, which manages civil servants, not cadres', DEMO_USERS.hcmcHomeAffairs],
  ])('refuses %s with the body that manages the cadre, and writes nothing', async (_case, username) => {
    const since = await lastAuditId('personnel');
    const refused = await reward(username, `90/${username}`);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors?.[0].message).toMatch(/^Người này không thuộc diện bạn quản lý vào ngày 2026-08-01; theo phân cấp quản lý, Ban Tổ chức – /);
    expect(refused.errors?.[0].extensions?.details).toMatchObject({
      reason: 'NOT_MANAGING_BODY', personId: ids.person, managedBy: [{ tier: 'PROVINCE', unitCode: '79', body: 'ORGANIZATION_BOARD' }],
    });
    expect(refused.data?.recordReward ?? null).toBeNull();
    expect(await auditRowsAfter('personnel', since)).toEqual([]);
  });
});

describe('the audit table', () => {
  it.each(SERVICES.map(({ name }) => name))('refuses UPDATE, DELETE and TRUNCATE in %s', async (service) => {
    const database = databaseOf(service);
    const [before] = await queryDatabase<{ rows: number }>(database, 'SELECT count(*)::int AS rows FROM audit_log');
    expect(before.rows).toBeGreaterThan(0);
    await expect(queryDatabase(database, "UPDATE audit_log SET operation = 'rewritten'")).rejects.toThrow(/append-only|chỉ được thêm/i);
    await expect(queryDatabase(database, 'DELETE FROM audit_log')).rejects.toThrow(/append-only|chỉ được thêm/i);
    await expect(queryDatabase(database, 'TRUNCATE audit_log')).rejects.toThrow(/append-only|chỉ được thêm/i);
    const [after] = await queryDatabase<{ rows: number; rewritten: number }>(
      database,
      "SELECT count(*)::int AS rows, count(*) FILTER (WHERE operation = 'rewritten')::int AS rewritten FROM audit_log",
    );
    expect(after).toEqual({ rows: before.rows, rewritten: 0 });
  });
});

describe('who reads whose audit trail', () => {
  it('lets the district admin read the trail of a commune below it, and the An Lập admin not Định An’s', async () => {
    const district = await trail(DEMO_USERS.districtAdmin, '25801');
    expect(district.errors).toBeUndefined();
    // The demo story and the 2025 reorganization that ended An Lập were recorded with the seed.
    expect(district.data?.auditTrail?.organization?.entries.map((entry) => entry.operation)).toEqual(
      expect.arrayContaining(['seedDauTiengStory', 'loadTwoTierTerritory']),
    );
    const neighbour = await trail(DEMO_USERS.anLapAdmin, '25789');
    expect(errorCodes(neighbour)).toEqual(['FORBIDDEN']);
    expect(neighbour.errors?.[0].extensions?.details).toMatchObject({ reason: 'OUTSIDE_TERRITORY' });
    expect(neighbour.data?.auditTrail ?? null).toBeNull();
  });

  it('lets the city admin read what the Thanh An admin and the city’s board recorded, in all four services, and keeps the commune admin out of the city and its other communes', async () => {
    const cityRead = await trail(city, THANH_AN);
    expect(cityRead.errors).toBeUndefined();
    const operations = (section: ServiceName) => cityRead.data?.auditTrail?.[section]?.entries.map((entry) => entry.operation) ?? [];
    expect(operations('organization')).toEqual(expect.arrayContaining(['createOrganization', 'addSeat', 'closeDuty', 'setUnitQuota']));
    // The approval's answer from organization is recorded by reform when it arrives: checked on its own below.
    const reformSteps = operations('reform').filter((operation) => operation !== 'applyStaffingProposal');
    expect([operations('personnel'), operations('evaluation'), reformSteps]).toEqual([
      [
        'readPersonalData', 'importAssignments', 'importPartyMemberships', 'importPeople', 'recordCircumstance', 'decideDownsizing', 'removeFromCadrePlanning', 'completeRotation',
        'extendRotation', 'startRotation', 'addToCadrePlanning', 'endAssignment', 'transferAssignment', 'assign', 'endPartyMembership',
        'transferPartyMembership', 'admitPartyMember', 'endFamilyMember', 'correctFamilyMember', 'recordFamilyMember', 'recordReward', 'recordDiscipline', 'recordQualifications', 'registerPerson',
      ],
      [
        'resolveRatingAppeal', 'fileRatingAppeal', 'decideRatings', 'proposeRating', 'recordStaffMeetingComments', 'recordSelfAssessment', 'openEvaluation',
        'closeEvaluationCycle', 'scoreWorkProducts', 'openEvaluationCycle', 'recordResponsibilityRule',
      ],
      [
        'approveStaffingProposal', 'rejectStaffingProposal', 'submitStaffingProposal', 'draftStaffingProposal', 'withdrawStaffingProposal', 'draftStaffingProposal',
        'appraiseStaffingProposal', 'submitStaffingProposal', 'draftStaffingProposal',
        'recordIndicatorActual', 'addReformIndicator', 'reportTaskProgress', 'assignReformTask', 'recordSourceDocument', 'createReformPlan',
      ],
    ]);
    await eventually(async () => {
      const read = await trail(city, THANH_AN, 'applyStaffingProposal');
      return (read.data?.auditTrail?.reform?.entries.length ?? 0) === 1 ? true : undefined;
    }, { what: 'the approved proposal APPLIED in reform once organization answered' });
    for (const unitCode of ['79', '25747']) {
      const refused = await trail(commune, unitCode);
      expect({ unitCode, codes: errorCodes(refused) }).toEqual({ unitCode, codes: ['FORBIDDEN'] });
    }
    // Nothing the city recorded about other communes (a merger, a split) reaches the commune's own trail.
    const own = await trail(commune, THANH_AN);
    expect(own.data?.auditTrail?.organization?.entries.map((entry) => entry.operation)).not.toEqual(
      expect.arrayContaining(['mergeUnits']),
    );
  });
});
