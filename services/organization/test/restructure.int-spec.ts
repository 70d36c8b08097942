import { ORGANIZATION_TOPIC } from '@ps/contracts';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { DEMO_USERS, errorCodes, eventually, graphqlRequest, recreateTestDatabase, serviceTestEnv, tokenFor } from '@ps/testing';
import { seedDemoTerritory } from '../src/seed/demo-territory';
import { organizationService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('organization', 'ps_organization_restructure_test'));
let service: RunningService;

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(organizationService, env);
  await seedDemoTerritory(service.dataSource);
});

afterAll(() => service?.stop());

const change = (effectiveDate: string, number = '1/NQ-UBTVQH') => ({
  effectiveDate,
  reason: 'Sắp xếp đơn vị hành chính cấp xã',
  decision: { number, date: '2025-06-16', signer: 'Chủ tịch Ủy ban Thường vụ Quốc hội' },
});
const ask = async <T>(username: string, query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<T>(service.url, query, { token: await tokenFor(username), variables });
const rowCount = async (table: string): Promise<number> =>
  (await service.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

interface UnitView {
  code: string;
  validFrom?: string;
  path?: string;
  name?: string;
  successors?: Array<{ code: string; kind?: string }>;
  predecessors?: Array<Record<string, unknown>>;
}
type Units = Record<string, UnitView | null>;
interface Answer {
  anLap: UnitView | null;
  dinhHiep: UnitView | null;
  thanhAn: UnitView | null;
  communes: UnitView[];
}

const MERGE = `mutation ($input: MergeUnitsInput!) { mergeUnits(input: $input) { effectiveDate ended { code asOf } started { code name path } } }`;
const merger = {
  predecessorCodes: ['25801', '25798', '25807'],
  successorCode: '25807',
  successorName: 'Xã Thanh An',
  change: change('2025-07-01'),
};

describe('merging Xã An Lập, Xã Định Hiệp and Xã Thanh An into Xã Thanh An on 2025-07-01', () => {
  it('refuses a commune admin (only a tier above may restructure) and writes nothing', async () => {
    const before = await rowCount('administrative_unit');
    const response = await ask(DEMO_USERS.anLapAdmin, MERGE, { input: merger });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(await rowCount('administrative_unit')).toBe(before);
    expect(await rowCount('unit_lineage')).toBe(0);
  });

  it('merges for the district admin', async () => {
    const response = await ask<{ mergeUnits: { ended: Array<{ code: string; asOf: string }>; started: Array<{ code: string; path: string }> } }>(
      DEMO_USERS.districtAdmin,
      MERGE,
      { input: merger },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.mergeUnits.ended.map((u) => u.code).sort()).toEqual(['25798', '25801', '25807']);
    expect(response.data?.mergeUnits.ended[0].asOf).toBe('2025-06-30');
    expect(response.data?.mergeUnits.started).toEqual([{ code: '25807', name: 'Xã Thanh An', path: '74.720.25807' }]);
  });

  it('answers three units as of 2025-06-30 and one, with its predecessors, as of 2025-07-01', async () => {
    const query = `query ($asOf: LocalDate) {
      anLap: unit(code: "25801", asOf: $asOf) { code successors { code } }
      dinhHiep: unit(code: "25798", asOf: $asOf) { code }
      thanhAn: unit(code: "25807", asOf: $asOf) { code validFrom predecessors { code kind effectiveDate unit { name asOf } decision { number } } }
      communes: units(parentCode: "720", asOf: $asOf) { code }
    }`;
    const before = await ask<Answer>(DEMO_USERS.districtAdmin, query, { asOf: '2025-06-30' });
    expect(before.errors).toBeUndefined();
    expect([before.data?.anLap?.code, before.data?.dinhHiep?.code, before.data?.thanhAn?.code]).toEqual(['25801', '25798', '25807']);
    expect(before.data?.anLap?.successors).toEqual([{ code: '25807' }]);
    expect(before.data?.thanhAn?.predecessors).toEqual([]);
    expect(before.data?.communes).toHaveLength(12);

    const after = await ask<Answer>(DEMO_USERS.districtAdmin, query, { asOf: '2025-07-01' });
    expect(after.errors).toBeUndefined();
    expect(after.data?.anLap).toBeNull();
    expect(after.data?.dinhHiep).toBeNull();
    expect(after.data?.thanhAn?.validFrom).toBe('2025-07-01');
    expect(after.data?.thanhAn?.predecessors).toEqual(
      ['25798', '25801', '25807'].map((code) => ({
        code,
        kind: 'MERGE',
        effectiveDate: '2025-07-01',
        unit: { name: { '25798': 'Xã Định Hiệp', '25801': 'Xã An Lập', '25807': 'Xã Thanh An' }[code], asOf: '2025-06-30' },
        decision: { number: '1/NQ-UBTVQH' },
      })),
    );
    expect(after.data?.communes).toHaveLength(10);
  });

  it('publishes UnitsMerged to Kafka once', async () => {
    const merged = async () =>
      (await service.bus.readAll(ORGANIZATION_TOPIC)).filter((m) => JSON.parse(m.value ?? '{}').type === 'UnitsMerged');
    await eventually(async () => ((await merged()).length > 0 ? true : undefined), { what: 'UnitsMerged on Kafka' });
    const events = await merged();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].value ?? '{}').payload).toMatchObject({
      predecessors: ['25801', '25798', '25807'],
      successor: { code: '25807', path: '74.720.25807', validFrom: '2025-07-01' },
      effectiveDate: '2025-07-01',
    });
  });

  it('refuses to restructure the same units again on that date', async () => {
    const response = await ask(DEMO_USERS.districtAdmin, MERGE, { input: { ...merger, predecessorCodes: ['25807', '25810'] } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('other restructurings', () => {
  const CHANGE = `mutation ($input: UnitChangeInput!) { renameUnit(input: $input) { started { code name } } }`;

  it('renames with history: the old name before the date, the new one after', async () => {
    const renamed = await ask(DEMO_USERS.districtAdmin, CHANGE, {
      input: { code: '25810', name: 'Xã Thanh Tuyền Mới', change: change('2025-08-01', '2/QĐ-UBND') },
    });
    expect(renamed.errors).toBeUndefined();
    const names = await ask<Record<string, { name: string }>>(
      DEMO_USERS.districtAdmin,
      '{ before: unit(code: "25810", asOf: "2025-07-31") { name } after: unit(code: "25810", asOf: "2025-08-01") { name } }',
    );
    expect(names.data).toEqual({ before: { name: 'Xã Thanh Tuyền' }, after: { name: 'Xã Thanh Tuyền Mới' } });
  });

  it('splits a commune into two, with lineage both ways', async () => {
    const response = await ask(
      DEMO_USERS.districtAdmin,
      `mutation ($input: SplitUnitInput!) { splitUnit(input: $input) { started { code path } } }`,
      {
        input: {
          code: '25804',
          successors: [{ code: '25804', name: 'Xã Long Tân' }, { code: '25805', name: 'Xã Long Tân Bắc' }],
          change: change('2025-09-01', '3/NQ-HĐND'),
        },
      },
    );
    expect(response.errors).toBeUndefined();
    const lineage = await ask<Units>(
      DEMO_USERS.districtAdmin,
      '{ old: unit(code: "25804", asOf: "2025-08-31") { successors { code kind } } north: unit(code: "25805", asOf: "2025-09-01") { predecessors { code } } }',
    );
    expect(lineage.data?.old?.successors).toEqual([{ code: '25804', kind: 'SPLIT' }, { code: '25805', kind: 'SPLIT' }]);
    expect(lineage.data?.north?.predecessors).toEqual([{ code: '25804' }]);
  });

  it('moves a commune under another district (with the province admin) and dissolves one', async () => {
    await service.dataSource.query(
      `INSERT INTO administrative_unit (code, name, search_name, tier, parent_code, path, valid_from, created_by)
       VALUES ('721', 'Huyện Thử Nghiệm', 'huyen thu nghiem', 'DISTRICT', '74', '74.721', '2000-01-01', 'test')`,
    );
    const move = await ask(DEMO_USERS.provinceAdmin, `mutation ($input: UnitChangeInput!) { moveUnit(input: $input) { started { code path } } }`, {
      input: { code: '25777', parentCode: '721', change: change('2025-10-01', '4/NQ-UBTVQH') },
    });
    expect(move.data).toEqual({ moveUnit: { started: [{ code: '25777', path: '74.721.25777' }] } });
    const districtAdmin = await ask<Units>(
      DEMO_USERS.districtAdmin,
      '{ before: unit(code: "25777", asOf: "2025-09-30") { path } }',
    );
    expect(districtAdmin.data?.before).toEqual({ path: '74.720.25777' });
    const afterMove = await ask(DEMO_USERS.districtAdmin, '{ unit(code: "25777", asOf: "2025-10-01") { path } }');
    expect(errorCodes(afterMove)).toEqual(['FORBIDDEN']); // now outside Dầu Tiếng

    const dissolve = await ask(DEMO_USERS.districtAdmin, `mutation ($input: UnitChangeInput!) { dissolveUnit(input: $input) { ended { code } } }`, {
      input: { code: '25792', change: change('2025-10-01', '5/NQ-UBTVQH') },
    });
    expect(dissolve.data).toEqual({ dissolveUnit: { ended: [{ code: '25792' }] } });
    const gone = await ask(DEMO_USERS.districtAdmin, '{ unit(code: "25792", asOf: "2025-10-01") { code } }');
    expect(gone.data).toEqual({ unit: null });
  });
});
