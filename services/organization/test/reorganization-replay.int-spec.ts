import { inForceOn } from '@ps/effective-dating';
import { createLogger, loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { DEMO_USERS, errorCodes, graphqlRequest, recreateTestDatabase, serviceTestEnv, tokenFor } from '@ps/testing';
import { organizationService } from '../src/service';
import { planProvinceReorganization } from '../src/territory-load/province-reorganization.plan';
import type { ProvinceReorganizationPlan, ReorganizationStep } from '../src/territory-load/province-reorganization.steps';
import { loadTerritory, readTerritoryData } from '../src/territory-load/territory-load.service';
import { TERRITORY_DATA_DIR } from '../src/territory-load/official-tree.parser';
import { readMappingFile } from '../src/territory-load/ward-mapping.parser';

/**
 * Thành phố Hồ Chí Minh's 2025 reorganization (74 Bình Dương + 77 Bà Rịa - Vũng Tàu + 79 → 79;
 * 441 old communes → 168; 38 districts abolished) replayed through the API, as the centre's
 * recorder and the city's administrator would record it, from the official mapping; the end
 * state is checked against the official two-tier tree.
 */
const env = loadEnv(serviceEnvSchema, serviceTestEnv('organization', 'ps_organization_replay_test'));
const PROVINCE = '79';
let service: RunningService;
let plan: ProvinceReorganizationPlan;

const ask = async <T>(username: string, query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<T>(service.url, query, { token: await tokenFor(username), variables });

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(organizationService, env);
  // Before the reorganization: the official 2024 three-tier list (an operator's load, not part of the replay).
  await loadTerritory(service.dataSource, { threeTierFrom: '2024-01-01', only: 'three-tier' }, createLogger('replay-test', 'silent'));
  const { threeTier, twoTier } = readTerritoryData();
  plan = planProvinceReorganization({ threeTier, twoTier, rows: readMappingFile(TERRITORY_DATA_DIR) }, PROVINCE);
}, 120_000);

afterAll(() => service?.stop());

/** One step as the mutation that records it, by the user who may record it. */
function mutationOf(step: ReorganizationStep): { username: string; mutation: string; input: Record<string, unknown> }[] {
  const change = {
    effectiveDate: step.effectiveDate,
    reason: step.decision.title,
    decision: { number: step.decision.number, date: step.decision.date, signer: step.decision.signer, issuer: step.decision.issuer },
  };
  const admin: string = DEMO_USERS.hcmcAdmin;
  const merge = (predecessorCodes: string[], code: string, name: string, parentCode: string | null, username = admin) => ({
    username,
    mutation: 'mergeUnits',
    input: { predecessorCodes, successorCode: code, successorName: name, ...(parentCode ? { parentCode } : {}), change },
  });
  switch (step.kind) {
    case 'PROVINCE_MERGER':
      return [merge(step.predecessors, step.successor.code, step.successor.name, null, DEMO_USERS.nationalRecorder)];
    case 'PROVINCE_RENAME':
      return [{ username: DEMO_USERS.nationalRecorder, mutation: 'renameUnit', input: { code: step.code, name: step.name, change } }];
    case 'MERGE':
      return [merge(step.predecessors, step.successor.code, step.successor.name, step.parentCode)];
    case 'REPLACE':
      return [merge([step.predecessor], step.successor.code, step.successor.name, step.parentCode)];
    case 'CONTINUE':
      return [
        { username: admin, mutation: 'moveUnit', input: { code: step.code, parentCode: step.parentCode, change } },
        ...(step.renamed ? [{ username: admin, mutation: 'renameUnit', input: { code: step.code, name: step.name, change } }] : []),
      ];
    case 'ESTABLISH':
      return [{ username: admin, mutation: 'createUnit', input: { code: step.successor.code, name: step.successor.name, tier: 'COMMUNE', parentCode: step.parentCode, change } }];
    case 'DISSOLVE':
      return [{ username: admin, mutation: 'dissolveUnit', input: { code: step.code, change } }];
    case 'BOUNDARY_ADJUSTMENT':
      return [{ username: admin, mutation: 'adjustBoundary', input: { fromCode: step.from, toCode: step.to, area: `Một phần địa bàn (bảng ánh xạ, dòng ${step.rows.join(', ')})`, unitCodes: [], change } }];
    case 'DISTRICT_ABOLITION':
      return [{ username: admin, mutation: 'dissolveUnit', input: { code: step.code, successorCode: step.successor, change } }];
    case 'SPLIT':
      throw new Error(`the replay of ${PROVINCE} has no split; ${step.predecessor} would need one`);
  }
}

const INPUT_TYPE: Record<string, string> = {
  mergeUnits: 'MergeUnitsInput',
  renameUnit: 'UnitChangeInput',
  moveUnit: 'UnitChangeInput',
  dissolveUnit: 'UnitChangeInput',
  createUnit: 'CreateUnitInput',
  adjustBoundary: 'AdjustBoundaryInput',
};

describe(`replaying ${PROVINCE}'s 2025 reorganization through the API`, () => {
  it('records every step of the plan, each accepted, in the plan’s order', async () => {
    expect(plan.communes).toHaveLength(168);
    const refused: string[] = [];
    let recorded = 0;
    for (const step of plan.order) {
      for (const { username, mutation, input } of mutationOf(step)) {
        recorded += 1;
        const field = mutation === 'createUnit' ? `${mutation}(input: $input) { code }` : `${mutation}(input: $input) { effectiveDate }`;
        const response = await ask(username, `mutation ($input: ${INPUT_TYPE[mutation]}!) { ${field} }`, { input });
        if (response.errors) refused.push(`${step.kind} ${JSON.stringify(input).slice(0, 120)}: ${response.errors[0].message}`);
      }
    }
    expect(refused).toEqual([]);
    // Each accepted mutation is one audited write; the national recorder's and the city admin's.
    const audited = await service.dataSource.query("SELECT username, count(*)::int AS n FROM audit_log WHERE username <> 'system:territory-load' GROUP BY username ORDER BY username");
    expect(audited).toEqual([
      { username: DEMO_USERS.hcmcAdmin, n: recorded - 1 },
      { username: DEMO_USERS.nationalRecorder, n: 1 },
    ]);
  }, 600_000);

  it('ends with the official two-tier tree: every new commune with its official name, parent and predecessors', async () => {
    const query = plan.expected
      .map((commune) => `c${commune.code}: unit(code: "${commune.code}", asOf: "2025-07-01") { code name parentCode predecessors { code } }`)
      .join('\n');
    const response = await ask<Record<string, { code: string; name: string; parentCode: string; predecessors: Array<{ code: string }> }>>(
      DEMO_USERS.hcmcAdmin,
      `{ ${query} }`,
    );
    expect(response.errors).toBeUndefined();
    const actual = Object.values(response.data ?? {}).map((unit) => ({
      code: unit.code,
      name: unit.name,
      parentCode: unit.parentCode,
      predecessors: [...new Set(unit.predecessors.map((link) => link.code))].sort(),
    }));
    expect(actual.sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      [...plan.expected].sort((a, b) => a.code.localeCompare(b.code)).map(({ code, name, parentCode, predecessors }) => ({ code, name, parentCode, predecessors })),
    );
    const children = await ask<{ units: unknown[] }>(DEMO_USERS.hcmcAdmin, `{ units(parentCode: "${PROVINCE}", asOf: "2025-07-01") { code } }`);
    expect(children.data?.units).toHaveLength(168);
    expect(actual.find((unit) => unit.code === '25807')).toEqual({ code: '25807', name: 'Xã Thanh An', parentCode: '79', predecessors: ['25798', '25801', '25807'] });
  });

  it('leaves nothing in force under a ceased unit: every old district and merged province answers NOT_IN_FORCE', async () => {
    for (const code of [...plan.districtAbolitions.map((district) => district.code), '74', '77']) {
      const answer = await ask(DEMO_USERS.hcmcAdmin, `{ unit(code: "${code}", asOf: "2025-07-01") { code } }`);
      expect({ code, errors: errorCodes(answer) }).toEqual({ code, errors: ['NOT_IN_FORCE'] });
    }
    const orphans = await service.dataSource.query(
      `SELECT child.code FROM administrative_unit child
        WHERE ${inForceOn('child', '$1')} AND child.path <@ $2::ltree AND child.parent_code IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM administrative_unit parent WHERE parent.code = child.parent_code AND ${inForceOn('parent', '$1')})`,
      ['2025-07-01', PROVINCE],
    );
    expect(orphans).toEqual([]);
  });
});
