import { demoTerritoryAnnouncements, REFORM_TOPIC, UnitsMerged } from '@ps/contracts';
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
import { reformService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('reform'));
let service: RunningService;

/** A plan the officer of Xã An Lập may draft; each refusal below changes one thing. */
const valid = { unitCode: '25801', title: 'Kế hoạch', resolutionRef: '18-NQ/TW', change: changeOn('2025-03-01', { number: '99/KH-UBND' }) };
const written = () => rowCounts((sql) => service.dataSource.query(sql), ['reform_plan', ...WRITE_TRAIL_TABLES]);
const createPlan = async (username: string, input: Record<string, unknown>) =>
  graphqlRequest<{ createReformPlan: { id: string; status: string; validFrom: string; decision: { number: string } | null } }>(
    service.url,
    'mutation ($input: CreateReformPlanInput!) { createReformPlan(input: $input) { id status validFrom decision { number } } }',
    { token: await tokenFor(username), variables: { input } },
  );
const plansOf = async (username: string, asOf?: string) => {
  const response = await queryEntities<{ code: string; plans: Array<{ title: string }> }>(
    service.url, 'AdministrativeUnit', [{ code: '25801' }, { code: '25789' }],
    `code plans${asOf ? `(asOf: "${asOf}")` : ''} { title }`, await tokenFor(username),
  );
  expect(response.errors).toBeUndefined();
  return response.data?._entities.map(({ code, plans }) => [code, plans.map((plan) => plan.title)]);
};

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(reformService, env);
  await publishAndAwait(
    demoTerritoryAnnouncements(),
    (messages) => service.bus.publish(messages),
    async () => (await service.dataSource.query('SELECT count(DISTINCT code)::int AS n FROM territory_unit'))[0].n,
    'demo territory projected',
  );
});

afterAll(() => service?.stop());

describe('reform plans', () => {
  it('drafts a plan on the decision that adopted it, with one audit row and an event carrying the change', async () => {
    const before = await written();
    const response = await createPlan(DEMO_USERS.anLapOfficer, {
      ...valid, title: 'Sắp xếp tổ chức bộ máy', change: changeOn('2025-01-02', { number: '01/KH-UBND' }),
    });
    expect(response.data?.createReformPlan).toMatchObject({ status: 'DRAFT', validFrom: '2025-01-02', decision: { number: '01/KH-UBND' } });
    const id = response.data?.createReformPlan.id;
    expect(await written()).toEqual({
      reform_plan: before.reform_plan + 1, decision: before.decision + 1, audit_log: before.audit_log + 1, outbox: before.outbox + 1,
    });
    const [audit] = await service.dataSource.query(
      'SELECT user_id, operation, target_label, unit_paths::text[] AS unit_paths, before, after, decision, correlation_id::text FROM audit_log WHERE target_id = $1',
      [id],
    );
    expect(audit).toMatchObject({
      operation: 'createReformPlan', target_label: 'Sắp xếp tổ chức bộ máy (18-NQ/TW) – Xã An Lập (25801)', unit_paths: ['74.720.25801'],
      before: null, after: { id, title: 'Sắp xếp tổ chức bộ máy', status: 'DRAFT', validFrom: '2025-01-02' }, decision: { number: '01/KH-UBND' },
    });
    const message = await eventually(async () => (await service.bus.readAll(REFORM_TOPIC)).find((m) => m.key === id), {
      what: 'ReformPlanCreated on Kafka',
    });
    expect(JSON.parse(message.value ?? '{}')).toMatchObject({
      type: 'ReformPlanCreated', actor: audit.user_id, correlationId: audit.correlation_id,
      payload: { planId: id, effectiveDate: '2025-01-02', decision: { number: '01/KH-UBND' } },
    });
  });

  it('lists a unit’s plans in force on a date, in order, only inside the territory', async () => {
    const later = await createPlan(DEMO_USERS.anLapOfficer, { ...valid, title: 'Tinh giản biên chế 2025', change: changeOn('2025-03-01') });
    expect(later.errors).toBeUndefined();
    expect(await plansOf(DEMO_USERS.anLapAdmin)).toEqual([
      ['25801', ['Sắp xếp tổ chức bộ máy', 'Tinh giản biên chế 2025']],
      ['25789', []],
    ]);
    expect(await plansOf(DEMO_USERS.anLapAdmin, '2025-02-01')).toEqual([['25801', ['Sắp xếp tổ chức bộ máy']], ['25789', []]]);
    expect(await plansOf(DEMO_USERS.anLapAdmin, '2024-12-31')).toEqual([['25801', []], ['25789', []]]);
    const titles = async () => (await service.bus.readAll(REFORM_TOPIC)).map((m) => JSON.parse(m.value ?? '{}').payload.title);
    await eventually(async () => ((await titles()).length >= 2 ? true : undefined), { what: 'ReformPlanCreated on Kafka' });
    expect((await titles()).sort()).toEqual(['Sắp xếp tổ chức bộ máy', 'Tinh giản biên chế 2025']);
  });

  it.each([
    ['a blank title', DEMO_USERS.anLapOfficer, { title: ' ' }, 'BAD_USER_INPUT'],
    ['a missing resolution', DEMO_USERS.anLapOfficer, { resolutionRef: '' }, 'BAD_USER_INPUT'],
    ['a viewer', DEMO_USERS.districtViewer, {}, 'FORBIDDEN'],
    ['another commune', DEMO_USERS.anLapOfficer, { unitCode: '25789' }, 'FORBIDDEN'],
    ['a unit that does not exist', DEMO_USERS.anLapOfficer, { unitCode: '99999' }, 'NOT_FOUND'],
    ['a date before the unit was in force', DEMO_USERS.anLapOfficer, { change: changeOn('1990-01-01', { number: '99/KH-UBND' }) }, 'NOT_IN_FORCE'],
  ])('refuses %s and writes nothing: no plan, decision, audit row or event', async (_case, username, input, code) => {
    const before = await written();
    expect(errorCodes(await createPlan(username, { ...valid, ...input }))).toEqual([code]);
    expect(await written()).toEqual(before);
  });
});

describe('the audit trail’s reform page', () => {
  const page = async (username: string, unitCode: string, first: number, after?: string | null) =>
    auditSectionPage(service.url, 'reform', auditTrailId({ unitCode, from: '2020-01-01', to: '2999-12-31', operation: null }),
      await tokenFor(username), { first, after });

  it('answers newest first with a cursor, cut to the caller', async () => {
    const first = await page(DEMO_USERS.anLapAdmin, '25801', 1);
    expect(first.page).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    expect(first.page?.entries.map((entry) => entry.target.label)).toEqual(['Tinh giản biên chế 2025 (18-NQ/TW) – Xã An Lập (25801)']);
    const rest = await page(DEMO_USERS.anLapAdmin, '25801', 1, first.page?.pageInfo.endCursor);
    expect(rest.page?.entries.map((entry) => entry.effectiveDate)).toEqual(['2025-01-02']);
    expect(rest.page?.pageInfo.hasNextPage).toBe(false);
    expect((await page(DEMO_USERS.dinhAnAdmin, '720', 5)).errors).toEqual(['FORBIDDEN']);
    expect((await page(DEMO_USERS.dinhAnAdmin, '25789', 5)).page?.totalCount).toBe(0);
  });
});

// Last: after the merge, Xã An Lập has no current version any more.
describe('after a merge of the caller’s commune', () => {
  it('keeps the commune’s plans readable as they stood, carries them to the successor from the merger date, and keeps today’s successor out of reach', async () => {
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
    const successorPlan = await createPlan(DEMO_USERS.districtOfficer, { ...valid, unitCode: '25789', title: 'Kiện toàn xã mới', change: changeOn('2025-07-01') });
    expect(successorPlan.errors).toBeUndefined();
    expect(await plansOf(DEMO_USERS.anLapAdmin, '2025-06-30')).toEqual([
      ['25801', ['Sắp xếp tổ chức bộ máy', 'Tinh giản biên chế 2025']],
      ['25789', []],
    ]);
    expect(await plansOf(DEMO_USERS.anLapAdmin)).toEqual([['25801', []], ['25789', []]]);
    await eventually(
      async () => ((await service.dataSource.query("SELECT count(*)::int AS n FROM reform_plan WHERE unit_code = '25789' AND valid_from = '2025-07-01'"))[0].n === 3 ? true : undefined),
      { what: 'the commune’s plans carried to its successor' },
    );
    // The carried plans' versions begin the same day as the new one: compared as a set.
    const today = await plansOf(DEMO_USERS.districtAdmin);
    expect(today?.[0]).toEqual(['25801', []]);
    expect([...(today?.[1][1] ?? [])].sort()).toEqual(['Kiện toàn xã mới', 'Sắp xếp tổ chức bộ máy', 'Tinh giản biên chế 2025']);
    expect(await plansOf(DEMO_USERS.districtAdmin, '2025-06-30')).toEqual([['25801', ['Sắp xếp tổ chức bộ máy', 'Tinh giản biên chế 2025']], ['25789', []]]);
  });
});
