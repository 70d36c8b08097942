import { randomUUID } from 'node:crypto';
import { ORGANIZATION_TOPIC } from '@ps/contracts';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import {
  DEMO_USERS,
  errorCodes,
  eventually,
  graphqlRequest,
  recreateTestDatabase,
  serviceTestEnv,
  tokenFor,
  type GraphQLResponse,
} from '@ps/testing';
import { QuotaService } from '../src/quota/quota.service';
import { seedDemoTerritory } from '../src/seed/demo-territory';
import { organizationService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('organization', 'ps_organization_quota_test'));
let service: RunningService;

/** Organizations of Huyện Dầu Tiếng (720) and Xã An Lập (25801), inserted as the organization model stores them. */
const ORGANIZATIONS = ['ubnd', 'noiVu', 'taiChinh', 'tuPhap', 'huyenUy', 'mttq', 'ubndAnLap'] as const;
const org = Object.fromEntries(ORGANIZATIONS.map((name) => [name, randomUUID()])) as Record<(typeof ORGANIZATIONS)[number], string>;

async function insertOrganization(id: string, unitCode: string, parentId: string | null, kind: string, name: string) {
  await service.dataSource.query(
    `INSERT INTO organization (id, unit_code, parent_id, kind, base, name, search_name, valid_from, reason, created_by)
     VALUES ($1, $2, $3, $4, 'UNIT', $5, lower($5), '1999-01-01', 'Dữ liệu thử / test data', 'system:test')`,
    [id, unitCode, parentId, kind, name],
  );
}

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(organizationService, env);
  await seedDemoTerritory(service.dataSource);
  await insertOrganization(org.ubnd, '720', null, 'PEOPLES_COMMITTEE', 'UBND huyện Dầu Tiếng');
  await insertOrganization(org.noiVu, '720', org.ubnd, 'DEPARTMENT', 'Phòng Nội vụ');
  await insertOrganization(org.taiChinh, '720', org.ubnd, 'DEPARTMENT', 'Phòng Tài chính – Kế hoạch');
  await insertOrganization(org.tuPhap, '720', org.ubnd, 'DEPARTMENT', 'Phòng Tư pháp');
  await insertOrganization(org.huyenUy, '720', null, 'PARTY_COMMITTEE', 'Huyện ủy Dầu Tiếng');
  await insertOrganization(org.mttq, '720', null, 'FATHERLAND_FRONT', 'Ủy ban MTTQ huyện Dầu Tiếng');
  await insertOrganization(org.ubndAnLap, '25801', null, 'PEOPLES_COMMITTEE', 'UBND xã An Lập');
});

afterAll(() => service?.stop());

const QUOTA =
  'holderKind holderId unitCode amount allocated available validFrom validTo reason asOf decision { number date: decidedOn signer }';

/** The fields the assertions read; the rest are compared with toMatchObject. */
interface Quota {
  amount: number;
  [field: string]: unknown;
}

const change = (effectiveDate: string, number = `${effectiveDate}/QĐ-UBND`) => ({
  effectiveDate,
  reason: 'Giao chỉ tiêu biên chế',
  decision: { number, date: '2025-01-01', signer: 'Nguyễn Văn Chủ tịch' },
});

const ask = async <Data>(username: string, query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<Data>(service.url, query, { token: await tokenFor(username), variables });

const setUnitQuota = (username: string, unitCode: string, amount: number, effective = change('2025-01-01')) =>
  ask<{ setUnitQuota: Quota }>(
    username,
    `mutation ($unitCode: ID!, $amount: Int!, $change: EffectiveChangeInput!) {
       setUnitQuota(unitCode: $unitCode, amount: $amount, change: $change) { ${QUOTA} } }`,
    { unitCode, amount, change: effective },
  );

const setOrganizationQuota = (username: string, organizationId: string, amount: number, effective = change('2025-01-01')) =>
  ask<{ setOrganizationQuota: Quota }>(
    username,
    `mutation ($organizationId: ID!, $amount: Int!, $change: EffectiveChangeInput!) {
       setOrganizationQuota(organizationId: $organizationId, amount: $amount, change: $change) { ${QUOTA} } }`,
    { organizationId, amount, change: effective },
  );

const moveQuota = (username: string, from: string, to: string, amount: number, effective: ReturnType<typeof change>) =>
  ask<{ moveQuota: { amount: number; from: Quota; to: Quota } }>(
    username,
    `mutation ($from: ID!, $to: ID!, $amount: Int!, $change: EffectiveChangeInput!) {
       moveQuota(fromOrganizationId: $from, toOrganizationId: $to, amount: $amount, change: $change) {
         amount from { ${QUOTA} } to { ${QUOTA} } } }`,
    { from, to, amount, change: effective },
  );

const organizationQuota = async (username: string, id: string, asOf: string) =>
  ask<{ organizationQuota: Quota | null }>(
    username,
    `query ($id: ID!, $asOf: LocalDate) { organizationQuota(organizationId: $id, asOf: $asOf) { ${QUOTA} } }`,
    { id, asOf },
  );

/** The district admin's view of a holder's quota on a date. */
const unitQuota = async (code: string, selection: string, asOf = '2025-06-01') =>
  (
    await ask<{ staffingQuota: Record<string, unknown> }>(
      DEMO_USERS.districtAdmin,
      `{ staffingQuota(holderKind: UNIT, holderId: "${code}", asOf: "${asOf}") { ${selection} } }`,
    )
  ).data?.staffingQuota;

const amountOf = async (id: string, asOf = '2099-01-01'): Promise<number | undefined> =>
  (await organizationQuota(DEMO_USERS.districtAdmin, id, asOf)).data?.organizationQuota?.amount;

const count = async (sql: string): Promise<number> => (await service.dataSource.query(sql))[0].n;

/** Quota rows (their content), decisions and outbox events: all must stay as they were when a change is refused. */
const written = async () =>
  (
    await service.dataSource.query(`SELECT
      (SELECT md5(string_agg(concat_ws('|', id, amount, valid_from, valid_to, decision_id), ',' ORDER BY id)) FROM staffing_quota) AS quotas,
      (SELECT count(*)::int FROM decision) AS decisions,
      (SELECT count(*)::int FROM outbox) AS events`)
  )[0];

async function expectRefused(response: Promise<GraphQLResponse<unknown>>, code: string) {
  const before = await written();
  const answer = await response;
  expect(errorCodes(answer)).toEqual([code]);
  expect(answer.errors?.[0].message).toMatch(/ \/ /); // Vietnamese / English
  expect(await written()).toEqual(before);
  return answer.errors?.[0].extensions?.details as Record<string, unknown>;
}

describe('unit quotas (from the tier above)', () => {
  it('lets the province admin set Dầu Tiếng’s quota and announces QuotaChanged', async () => {
    // The province has no tier above it on the platform: its admin records the centre's allocation.
    const province = await setUnitQuota(DEMO_USERS.provinceAdmin, '74', 2000, change('2024-01-01', '72/QĐ-BNV'));
    expect(province.errors).toBeUndefined();
    const response = await setUnitQuota(DEMO_USERS.provinceAdmin, '720', 120);
    expect(response.errors).toBeUndefined();
    expect(response.data?.setUnitQuota).toMatchObject({
      holderKind: 'UNIT',
      holderId: '720',
      unitCode: '720',
      amount: 120,
      allocated: 0,
      available: 120,
      validFrom: '2025-01-01',
      validTo: null,
      decision: { number: '2025-01-01/QĐ-UBND', date: '2025-01-01', signer: 'Nguyễn Văn Chủ tịch' },
    });
    const [event] = await service.dataSource.query(
      "SELECT envelope FROM outbox WHERE event_type = 'QuotaChanged' AND message_key = 'UNIT:720'",
    );
    expect(event.envelope).toMatchObject({
      version: 1,
      unitPath: '74.720',
      payload: {
        holderKind: 'UNIT',
        holderId: '720',
        unitCode: '720',
        previousAmount: null,
        amount: 120,
        effectiveDate: '2025-01-01',
      },
    });
  });

  it('refuses the district admin its own unit’s quota (same tier)', async () => {
    await expectRefused(setUnitQuota(DEMO_USERS.districtAdmin, '720', 500), 'FORBIDDEN');
  });

  it('lets the district admin set Xã An Lập’s quota, but not the An Lập admin', async () => {
    expect((await setUnitQuota(DEMO_USERS.districtAdmin, '25801', 20)).data?.setUnitQuota.amount).toBe(20);
    await expectRefused(setUnitQuota(DEMO_USERS.anLapAdmin, '25801', 25), 'FORBIDDEN');
  });

  it('shows AdministrativeUnit.staffingQuota as of the unit’s date, batched in one query', async () => {
    const spy = jest.spyOn(QuotaService.prototype, 'quotasOf');
    const response = await ask<{ before: { staffingQuota: null }; units: Array<{ code: string; staffingQuota: Quota | null }> }>(
      DEMO_USERS.provinceAdmin,
      `{ before: unit(code: "720", asOf: "2024-12-31") { staffingQuota { amount } }
         units(parentCode: "720", asOf: "2025-06-01") { code staffingQuota { amount asOf } } }`,
    );
    expect(response.data?.before.staffingQuota).toBeNull();
    expect(response.data?.units).toHaveLength(12);
    expect(response.data?.units.find((unit) => unit.code === '25801')?.staffingQuota).toEqual({ amount: 20, asOf: '2025-06-01' });
    expect(response.data?.units.filter((unit) => unit.staffingQuota !== null)).toHaveLength(1);
    expect(spy.mock.calls.filter(([, kind]) => kind === 'UNIT')).toHaveLength(2); // one per date, not one per unit
    spy.mockRestore();
  });
});

describe('organization quotas inside Dầu Tiếng', () => {
  it('lets the province admin (the tier above) allocate to Dầu Tiếng’s organizations, each within its parent', async () => {
    for (const [id, amount] of [[org.ubnd, 80], [org.noiVu, 10], [org.taiChinh, 12]] as const) {
      const response = await setOrganizationQuota(DEMO_USERS.provinceAdmin, id, amount);
      expect(response.errors).toBeUndefined();
    }
    expect(await unitQuota('720', 'amount allocated available')).toEqual({ amount: 120, allocated: 100, available: 20 });
    const ubnd = await organizationQuota(DEMO_USERS.districtAdmin, org.ubnd, '2025-06-01');
    expect(ubnd.data?.organizationQuota).toMatchObject({ unitCode: '720', amount: 80, allocated: 22, available: 58 });
  });

  it('refuses an allocation above the ceiling with QUOTA_EXCEEDED, naming holders by name and code, and changes nothing', async () => {
    const refused = await setOrganizationQuota(DEMO_USERS.provinceAdmin, org.huyenUy, 21);
    expect(refused.errors?.[0].message).toContain('Huyện ủy Dầu Tiếng (720) xin 21, Huyện Dầu Tiếng (720) được giao 120');
    expect(refused.errors?.[0].message).not.toContain(org.huyenUy);
    const details = await expectRefused(setOrganizationQuota(DEMO_USERS.provinceAdmin, org.huyenUy, 21), 'QUOTA_EXCEEDED');
    expect(details).toEqual({
      holder: `ORGANIZATION:${org.huyenUy}`,
      requested: 21,
      date: '2025-01-01',
      ceilingHolder: 'UNIT:720',
      ceiling: 120,
      allocatedToSiblings: 100,
    });
    await expectRefused(setOrganizationQuota(DEMO_USERS.provinceAdmin, org.tuPhap, 59), 'QUOTA_EXCEEDED');
  });

  it('refuses lowering a holder below what it has allocated', async () => {
    const lowered = setOrganizationQuota(DEMO_USERS.districtAdmin, org.ubnd, 21, change('2025-03-01'));
    const details = await expectRefused(lowered, 'QUOTA_EXCEEDED');
    expect(details).toMatchObject({ holder: `ORGANIZATION:${org.ubnd}`, requested: 21, allocatedToChildren: 22 });
    await expectRefused(setUnitQuota(DEMO_USERS.provinceAdmin, '720', 99, change('2025-03-01')), 'QUOTA_EXCEEDED');
  });

  it.each([
    ['a negative amount', () => setOrganizationQuota(DEMO_USERS.districtAdmin, org.tuPhap, -1)],
    ['a move of nothing', () => moveQuota(DEMO_USERS.districtAdmin, org.noiVu, org.taiChinh, 0, change('2025-07-01'))],
    ['a move to another unit', () => moveQuota(DEMO_USERS.provinceAdmin, org.noiVu, org.ubndAnLap, 1, change('2025-07-01'))],
  ])('refuses %s as BAD_USER_INPUT', async (_case, request) => {
    await expectRefused(request(), 'BAD_USER_INPUT');
  });

  it('refuses an unknown organization as NOT_FOUND, the code every mutation gives for it', async () => {
    await expectRefused(setOrganizationQuota(DEMO_USERS.districtAdmin, randomUUID(), 1), 'NOT_FOUND');
  });

  it('refuses a change dated before the current version', async () => {
    const retroactive = setOrganizationQuota(DEMO_USERS.districtAdmin, org.ubnd, 90, change('2024-06-01'));
    expect(await expectRefused(retroactive, 'BAD_USER_INPUT')).toMatchObject({
      reason: 'RETROACTIVE_CHANGE',
      currentFrom: '2025-01-01',
    });
  });

  it('replaces the version when changed again on its first day', async () => {
    const response = await setOrganizationQuota(DEMO_USERS.districtAdmin, org.taiChinh, 11);
    expect(response.data?.setOrganizationQuota).toMatchObject({ amount: 11, validFrom: '2025-01-01', validTo: null });
    expect(await count(`SELECT count(*)::int AS n FROM staffing_quota WHERE holder_id = '${org.taiChinh}'`)).toBe(1);
    await setOrganizationQuota(DEMO_USERS.provinceAdmin, org.taiChinh, 12);
  });

  it('refuses the district admin raising its own organizations (a proposal or the tier above decides), but lets it lower them', async () => {
    const details = await expectRefused(setOrganizationQuota(DEMO_USERS.districtAdmin, org.taiChinh, 13), 'FORBIDDEN');
    expect(details).toMatchObject({ reason: 'INCREASE_NEEDS_PROPOSAL', unitCode: '720', callerTier: 'DISTRICT', current: 12, requested: 13 });
    expect((await setOrganizationQuota(DEMO_USERS.districtAdmin, org.taiChinh, 11)).data?.setOrganizationQuota.amount).toBe(11);
    expect((await setOrganizationQuota(DEMO_USERS.provinceAdmin, org.taiChinh, 12)).data?.setOrganizationQuota.amount).toBe(12);
  });
});

describe('moveQuota', () => {
  it('moves quota between two departments with one decision and two events, dated', async () => {
    const decisions = await count('SELECT count(*)::int AS n FROM decision');
    const response = await moveQuota(DEMO_USERS.districtAdmin, org.noiVu, org.taiChinh, 4, change('2025-07-01', '15/QĐ-UBND'));
    expect(response.errors).toBeUndefined();
    expect(response.data?.moveQuota).toMatchObject({
      amount: 4,
      from: { amount: 6, validFrom: '2025-07-01', decision: { number: '15/QĐ-UBND' } },
      to: { amount: 16, validFrom: '2025-07-01', decision: { number: '15/QĐ-UBND' } },
    });
    expect(await count('SELECT count(*)::int AS n FROM decision')).toBe(decisions + 1);
    const events: Array<{ envelope: { correlationId: string; payload: Record<string, unknown> } }> = await service.dataSource.query(
      "SELECT envelope FROM outbox WHERE event_type = 'QuotaChanged' AND envelope->'payload'->>'effectiveDate' = '2025-07-01'",
    );
    expect(events.map((event) => event.envelope.payload)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ holderId: org.noiVu, previousAmount: 10, amount: 6 }),
        expect.objectContaining({ holderId: org.taiChinh, previousAmount: 12, amount: 16 }),
      ]),
    );
    expect(new Set(events.map((event) => event.envelope.correlationId)).size).toBe(1);

    expect(await amountOf(org.noiVu, '2025-06-30')).toBe(10);
    expect(await amountOf(org.noiVu, '2025-07-01')).toBe(6);
    expect(await amountOf(org.taiChinh, '2025-06-30')).toBe(12);
    expect(await amountOf(org.taiChinh, '2025-07-01')).toBe(16);
    const ubnd = await organizationQuota(DEMO_USERS.districtAdmin, org.ubnd, '2025-07-01');
    expect(ubnd.data?.organizationQuota).toMatchObject({ amount: 80, allocated: 22 });
    const history = await ask<{ quotaHistory: Quota[] }>(
      DEMO_USERS.districtAdmin,
      `{ quotaHistory(holderKind: ORGANIZATION, holderId: "${org.noiVu}") { amount validFrom validTo asOf } }`,
    );
    expect(history.data?.quotaHistory).toEqual([
      { amount: 10, validFrom: '2025-01-01', validTo: '2025-07-01', asOf: '2025-01-01' },
      { amount: 6, validFrom: '2025-07-01', validTo: null, asOf: '2025-07-01' },
    ]);
    await eventually(async () => {
      const published = (await service.bus.readAll(ORGANIZATION_TOPIC)).filter((m) => m.key === `ORGANIZATION:${org.noiVu}`);
      return published.length === 2 ? true : undefined;
    }, { what: 'QuotaChanged published' });
  });

  it('lets only one of two concurrent moves that do not fit together succeed, conserving the total', async () => {
    const before = await Promise.all([org.noiVu, org.taiChinh, org.tuPhap].map((id) => amountOf(id)));
    expect(before).toEqual([6, 16, undefined]);
    const [first, second] = await Promise.all([
      moveQuota(DEMO_USERS.districtAdmin, org.noiVu, org.taiChinh, 4, change('2025-08-01', '16/QĐ-UBND')),
      moveQuota(DEMO_USERS.districtAdmin, org.noiVu, org.tuPhap, 4, change('2025-08-01', '17/QĐ-UBND')),
    ]);
    expect([...errorCodes(first), ...errorCodes(second)]).toEqual(['QUOTA_EXCEEDED']);
    const after = await Promise.all([org.noiVu, org.taiChinh, org.tuPhap].map(async (id) => (await amountOf(id)) ?? 0));
    expect(after[0]).toBe(2);
    expect(after.reduce((sum, amount) => sum + amount, 0)).toBe(22);
  });

  it('lets only one of two concurrent first allocations that do not fit together under the unit succeed', async () => {
    const [first, second] = await Promise.all([
      setOrganizationQuota(DEMO_USERS.provinceAdmin, org.huyenUy, 15, change('2025-09-01', '18/QĐ-UBND')),
      setOrganizationQuota(DEMO_USERS.provinceAdmin, org.mttq, 15, change('2025-09-01', '19/QĐ-UBND')),
    ]);
    expect([...errorCodes(first), ...errorCodes(second)]).toEqual(['QUOTA_EXCEEDED']);
    expect(await unitQuota('720', 'allocated available', '2025-09-01')).toEqual({ allocated: 115, available: 5 });
  });
});

describe('territory', () => {
  it('keeps the An Lập admin out of Dầu Tiếng’s organizations, reading and writing', async () => {
    const admin = DEMO_USERS.anLapAdmin;
    expect(errorCodes(await organizationQuota(admin, org.ubnd, '2025-06-01'))).toEqual(['FORBIDDEN']);
    const read = await ask(admin, `{ staffingQuota(holderKind: ORGANIZATION, holderId: "${org.ubnd}") { amount } }`);
    expect(errorCodes(read)).toEqual(['FORBIDDEN']);
    const history = await ask(admin, `{ quotaHistory(holderKind: ORGANIZATION, holderId: "${org.noiVu}") { amount } }`);
    expect(errorCodes(history)).toEqual(['FORBIDDEN']);
    await expectRefused(setOrganizationQuota(admin, org.noiVu, 1, change('2025-10-01')), 'FORBIDDEN');
    await expectRefused(moveQuota(admin, org.taiChinh, org.noiVu, 1, change('2025-10-01')), 'FORBIDDEN');
  });

  it('lets the An Lập admin read its own commune’s quota, and the district (not the commune) allocate to its organization', async () => {
    const own = await ask<{ staffingQuota: Quota }>(
      DEMO_USERS.anLapAdmin,
      '{ staffingQuota(holderKind: UNIT, holderId: "25801") { amount available } }',
    );
    expect(own.data?.staffingQuota).toEqual({ amount: 20, available: 20 });
    const refused = await expectRefused(setOrganizationQuota(DEMO_USERS.anLapAdmin, org.ubndAnLap, 18, change('2025-10-01')), 'FORBIDDEN');
    expect(refused).toMatchObject({ reason: 'INCREASE_NEEDS_PROPOSAL', current: 0, requested: 18 });
    const response = await setOrganizationQuota(DEMO_USERS.districtAdmin, org.ubndAnLap, 18, change('2025-10-01'));
    expect(response.data?.setOrganizationQuota).toMatchObject({ unitCode: '25801', amount: 18 });
  });

  it('refuses viewers and officers any change', async () => {
    await expectRefused(setOrganizationQuota(DEMO_USERS.districtOfficer, org.tuPhap, 1, change('2025-10-01')), 'FORBIDDEN');
  });
});
