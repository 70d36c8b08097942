import { demoTerritoryAnnouncements, EVALUATION_TOPIC, UnitsMerged } from '@ps/contracts';
import { auditTrailId } from '@ps/effective-dating';
import { eventMessage } from '@ps/events';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import {
  auditSectionPage,
  changeOn,
  DEMO_USERS,
  errorCodes,
  eventually,
  graphqlRequest,
  publishAndAwait,
  queryEntities,
  recreateTestDatabase,
  rowCounts,
  serviceTestEnv,
  tokenFor,
  WRITE_TRAIL_TABLES,
} from '@ps/testing';
import { evaluationService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('evaluation'));
let service: RunningService;

/** A rating the officer of Xã An Lập may record; each refusal below changes one thing. */
const valid = { unitCode: '25801', subjectName: 'X', year: 2025, level: 'HTT', change: changeOn('2026-01-15', { number: '99/QĐ-UBND' }) };
const written = () => rowCounts((sql) => service.dataSource.query(sql), ['rating', ...WRITE_TRAIL_TABLES]);
const record = async (username: string, input: Record<string, unknown>) =>
  graphqlRequest<{ recordRating: { id: string; level: string; validFrom: string; decision: { number: string } | null } }>(
    service.url,
    'mutation ($input: RecordRatingInput!) { recordRating(input: $input) { id level validFrom decision { number } } }',
    { token: await tokenFor(username), variables: { input } },
  );
const summaries = async (username: string, asOf?: string) => {
  const on = asOf ? `asOf: "${asOf}"` : null;
  const selection = `code latest: ratingSummary${on ? `(${on})` : ''} { year excellent good completed notCompleted total }
    y2024: ratingSummary(year: 2024${on ? `, ${on}` : ''}) { excellent good total }`;
  const response = await queryEntities(service.url, 'AdministrativeUnit', [{ code: '25801' }, { code: '25789' }], selection, await tokenFor(username));
  expect(response.errors).toBeUndefined();
  return response.data?._entities;
};

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(evaluationService, env);
  await publishAndAwait(
    demoTerritoryAnnouncements(),
    (messages) => service.bus.publish(messages),
    async () => (await service.dataSource.query('SELECT count(DISTINCT code)::int AS n FROM territory_unit'))[0].n,
    'demo territory projected',
  );
});

afterAll(() => service?.stop());

describe('ratings', () => {
  it('records a rating on its decision, with one audit row and an event carrying the change', async () => {
    const before = await written();
    const response = await record(DEMO_USERS.anLapOfficer, {
      unitCode: '25801', subjectName: 'Lê Thị Hoa', year: 2024, level: 'HTXS', change: changeOn('2025-01-15', { number: '05/QĐ-UBND', decidedOn: '2025-01-10' }),
    });
    expect(response.data?.recordRating).toMatchObject({ level: 'HTXS', validFrom: '2025-01-15', decision: { number: '05/QĐ-UBND' } });
    const id = response.data?.recordRating.id;
    expect(await written()).toEqual({ rating: before.rating + 1, decision: before.decision + 1, audit_log: before.audit_log + 1, outbox: before.outbox + 1 });
    const [audit] = await service.dataSource.query(
      `SELECT user_id, operation, target_label, unit_paths::text[] AS unit_paths, before, after, decision, correlation_id::text
         FROM audit_log WHERE target_id = $1`,
      [id],
    );
    expect(audit).toMatchObject({
      operation: 'recordRating', target_label: 'Xếp loại năm 2024: Lê Thị Hoa – Xã An Lập (25801)', unit_paths: ['74.720.25801'], before: null,
      after: { id, subjectName: 'Lê Thị Hoa', unitCode: '25801', year: 2024, level: 'HTXS', validFrom: '2025-01-15', validTo: null },
      decision: { number: '05/QĐ-UBND', date: '2025-01-10' },
    });
    const message = await eventually(async () => (await service.bus.readAll(EVALUATION_TOPIC)).find((m) => m.key === id), {
      what: 'RatingRecorded on Kafka',
    });
    expect(JSON.parse(message.value ?? '{}')).toMatchObject({
      type: 'RatingRecorded', actor: audit.user_id, correlationId: audit.correlation_id,
      payload: { ratingId: id, year: 2024, level: 'HTXS', effectiveDate: '2025-01-15', decision: { number: '05/QĐ-UBND', date: '2025-01-10' } },
    });
  });

  it('summarises a unit’s ratings in force on a date per year, the latest year by default, and only inside the territory', async () => {
    const ratings: Array<[number, string]> = [[2024, 'HTT'], [2025, 'HTT'], [2025, 'HTT'], [2025, 'KHTNV']];
    for (const [year, level] of ratings) {
      const response = await record(DEMO_USERS.anLapOfficer, {
        unitCode: '25801', subjectName: `Cán bộ ${year}-${level}`, year, level, change: changeOn(`${year + 1}-01-15`, { number: `${year}/QĐ-UBND`, decidedOn: '2025-01-10' }),
      });
      expect(response.errors).toBeUndefined();
    }
    expect(await summaries(DEMO_USERS.anLapOfficer)).toEqual([
      {
        code: '25801',
        latest: { year: 2025, excellent: 0, good: 2, completed: 0, notCompleted: 1, total: 3 },
        y2024: { excellent: 1, good: 1, total: 2 },
      },
      { code: '25789', latest: null, y2024: null },
    ]);
    // On 2025-06-30 the 2025 ratings (in force from 2026-01-15) did not exist yet.
    expect(await summaries(DEMO_USERS.anLapOfficer, '2025-06-30')).toEqual([
      { code: '25801', latest: { year: 2024, excellent: 1, good: 1, completed: 0, notCompleted: 0, total: 2 }, y2024: { excellent: 1, good: 1, total: 2 } },
      { code: '25789', latest: null, y2024: null },
    ]);
    const recorded = async () =>
      (await service.bus.readAll(EVALUATION_TOPIC)).filter((m) => JSON.parse(m.value ?? '{}').type === 'RatingRecorded');
    await eventually(async () => ((await recorded()).length >= 5 ? true : undefined), { what: 'RatingRecorded on Kafka' });
    expect(await recorded()).toHaveLength(5);
  });

  it.each([
    ['a year before 1990', DEMO_USERS.anLapOfficer, { year: 1800 }, 'BAD_USER_INPUT'],
    ['an unknown level', DEMO_USERS.anLapOfficer, { level: 'GOOD' }, 'BAD_USER_INPUT'],
    ['a rating in force before its year', DEMO_USERS.anLapOfficer, { change: changeOn('2024-12-31', { number: '99/QĐ-UBND' }) }, 'BAD_USER_INPUT'],
    ['a viewer', DEMO_USERS.districtViewer, {}, 'FORBIDDEN'],
    ['a unit outside the territory', DEMO_USERS.anLapOfficer, { unitCode: '25789' }, 'FORBIDDEN'],
    ['a unit that does not exist', DEMO_USERS.anLapOfficer, { unitCode: '99999' }, 'NOT_FOUND'],
    ['a date before the unit was in force', DEMO_USERS.anLapOfficer, { year: 1998, change: changeOn('1998-12-31', { number: '99/QĐ-UBND' }) }, 'NOT_IN_FORCE'],
  ])('refuses %s and writes nothing: no rating, decision, audit row or event', async (_case, username, input, code) => {
    const before = await written();
    expect(errorCodes(await record(username, { ...valid, ...input }))).toEqual([code]);
    expect(await written()).toEqual(before);
  });
});

describe('the audit trail’s evaluation page', () => {
  const page = async (username: string, unitCode: string, first: number, after?: string | null) =>
    auditSectionPage(service.url, 'evaluation', auditTrailId({ unitCode, from: '2020-01-01', to: '2999-12-31', operation: 'recordRating' }),
      await tokenFor(username), { first, after });

  it('answers newest first with a cursor, cut to the caller', async () => {
    const first = await page(DEMO_USERS.districtAdmin, '720', 3);
    expect(first.errors).toEqual([]);
    expect(first.page).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    const rest = await page(DEMO_USERS.districtAdmin, '720', 3, first.page?.pageInfo.endCursor);
    const labels = [...(first.page?.entries ?? []), ...(rest.page?.entries ?? [])].map((entry) => entry.target.label);
    expect(labels).toHaveLength(5);
    expect(labels[4]).toBe('Xếp loại năm 2024: Lê Thị Hoa – Xã An Lập (25801)');
    expect(rest.page?.pageInfo.hasNextPage).toBe(false);
    expect((await page(DEMO_USERS.anLapAdmin, '25789', 3)).errors).toEqual(['FORBIDDEN']);
  });
});

// Last: after the merge, Xã An Lập has no current version any more.
describe('after a merge of the caller’s commune', () => {
  it('keeps the commune’s ratings readable as they stood, and today’s successor out of reach', async () => {
    const successor = { code: '25789', name: 'Xã Định An', tier: 'COMMUNE' as const, path: '74.720.25789', parentCode: '720', validFrom: '2025-07-01', validTo: null, decision: null };
    await service.bus.publish([
      eventMessage(
        UnitsMerged,
        { predecessors: ['25801', '25789'], successor, rehomed: [], endedOrganizations: [], effectiveDate: '2025-07-01', reason: 'Sắp xếp', decision: null },
        { aggregateId: '25789', actor: 'system:test' },
      ),
    ]);
    await eventually(
      async () => ((await service.dataSource.query("SELECT count(*)::int AS n FROM territory_unit WHERE code = '25789'"))[0].n === 2 ? true : undefined),
      { what: 'merge projected' },
    );
    expect((await summaries(DEMO_USERS.anLapAdmin, '2025-06-30'))?.[0]).toMatchObject({ code: '25801', latest: { year: 2024, total: 2 } });
    expect(await summaries(DEMO_USERS.anLapAdmin)).toEqual([{ code: '25801', latest: null, y2024: null }, { code: '25789', latest: null, y2024: null }]);
    const late = await record(DEMO_USERS.districtOfficer, { ...valid, change: changeOn('2026-01-15', { number: '98/QĐ-UBND' }) });
    expect(late.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_IN_FORCE', details: { endedOn: '2025-07-01' } } });
    const ceased = await record(DEMO_USERS.anLapOfficer, { ...valid, change: changeOn('2025-01-15', { number: '98/QĐ-UBND' }) });
    expect(ceased.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', details: { reason: 'UNIT_CEASED' } } });
  });
});
