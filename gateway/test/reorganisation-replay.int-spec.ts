import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { infrastructure, queryDatabase, repositoryRoot } from '@ps/testing';

/**
 * The 2025 reorganisation replayed over a generated national workforce at scale 0.001, as the
 * benchmark runs it at any scale (`bench/reorganisation-replay.mjs`): four services on databases
 * of their own, the 2024 territory loaded and projected, the workforce generated, the two-tier
 * load run twice. The script reports what it counted; this suite checks the report against the
 * acceptance and looks into the databases itself. Scale 0.001 (2,700 people in posts, 5,300 Party
 * members): the bodies of every unit are generated at any scale, so the ~74,000 closings and their
 * events are the same as at 1.0; 0.01 (27,000 and 53,000) takes about 25 minutes here, too long for CI.
 */
interface ReplayReport {
  workforce: { people: { total: number; workforce: number }; organizations: number };
  timings: Record<string, number>;
  inForce: Record<string, Record<string, number>>;
  successions: { held: number; people: number; leftBehind: number };
  secondRun: { rowsWritten: number; eventsWritten: number };
  events: { unpublished: number; deadLetters: number; messaging: Record<string, { backlog: number; lag: number }> };
}

const database = (service: string): string => infrastructure.databaseUrl(`ps_${service}_national_replay_test`);
const reportFile = join(tmpdir(), `reorganisation-replay-${process.pid}.json`);
let report: ReplayReport;

beforeAll(() => {
  execFileSync(process.execPath, ['reorganisation-replay.mjs', '--scale', '0.001', '--no-results', '--report', reportFile], {
    cwd: join(repositoryRoot(), 'bench'),
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 2_400_000,
  });
  report = JSON.parse(readFileSync(reportFile, 'utf8')) as ReplayReport;
}, 2_500_000);

const twoTierFile = (): Array<{ Wards: unknown[] | null }> =>
  JSON.parse(readFileSync(join(repositoryRoot(), 'services/organization/data/vn-admin-units/units-2026-two-tier.json'), 'utf8'));

describe('the 2025 reorganisation replayed over a generated workforce (scale 0.001)', () => {
  it('ends with 34 provinces, no district and every commune of the 2026 list in force', () => {
    const communes = twoTierFile().reduce((sum, province) => sum + (province.Wards?.length ?? 0), 0);
    expect(report.inForce['2025-06-30']).toMatchObject({ province: 63, district: 696 });
    expect(report.inForce['2025-07-01']).toMatchObject({ province: 34, commune: communes });
    expect(report.inForce['2025-07-01'].district).toBeUndefined();
    expect(communes).toBe(3321);
  });

  it('carries every post and Party membership of a ceased unit’s body to a body of its successor', () => {
    expect(report.workforce.people.workforce).toBeGreaterThan(2000);
    expect(report.successions.held).toBeGreaterThan(1000);
    expect(report.successions.leftBehind).toBe(0);
  });

  it('loses no event: every outbox published, every group caught up, nothing dead-lettered', () => {
    expect(report.events.unpublished).toBe(0);
    expect(report.events.deadLetters).toBe(0);
    for (const state of Object.values(report.events.messaging)) expect(state).toEqual({ backlog: 0, lag: 0 });
  });

  it('writes nothing when run a second time', () => {
    expect(report.secondRun).toEqual({ rowsWritten: 0, eventsWritten: 0 });
  });

  it('moves the Party members and posts of a merged commune to the bodies of the commune it merged into', async () => {
    // The first commune (by code) that merged into another one and whose bodies held someone on its last day.
    const merges = await queryDatabase<{ from: string; to: string }>(
      database('organization'),
      `SELECT predecessor_code AS "from", successor_code AS "to" FROM unit_lineage
        WHERE kind = 'MERGE' AND effective_date = '2025-07-01' AND predecessor_code <> successor_code AND length(predecessor_code) = 5
        ORDER BY predecessor_code`,
    );
    const bodies = await queryDatabase<{ id: string; unit_code: string }>(
      database('organization'),
      "SELECT DISTINCT id::text, unit_code FROM organization WHERE unit_code = ANY($1::text[]) AND base = 'UNIT'",
      [[...new Set(merges.flatMap((merge) => [merge.from, merge.to]))]],
    );
    const bodiesOf = (code: string) => bodies.filter((body) => body.unit_code === code).map((body) => body.id);
    const eve = (alias: string) => `${alias}.valid_from <= '2025-06-30' AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > '2025-06-30')`;
    const day = (alias: string) => `${alias}.valid_from <= '2025-07-01' AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > '2025-07-01')`;
    const heldBy = (ids: string[]) => queryDatabase<{ kind: string; after: string | null }>(
      database('personnel'),
      `SELECT 'post' AS kind, day.organization_id::text AS after FROM assignment held
         LEFT JOIN assignment day ON day.id = held.id AND ${day('day')}
        WHERE held.organization_id = ANY($1::uuid[]) AND ${eve('held')}
       UNION ALL
       SELECT 'membership', day.party_organization_id::text FROM party_membership held
         LEFT JOIN party_membership day ON day.id = held.id AND ${day('day')}
        WHERE held.party_organization_id = ANY($1::uuid[]) AND ${eve('held')}`,
      [ids],
    );
    let checked = 0;
    for (const merge of merges) {
      const held = await heldBy(bodiesOf(merge.from));
      if (held.length === 0) continue;
      const successorBodies = new Set(bodiesOf(merge.to));
      for (const entry of held) expect(successorBodies.has(entry.after ?? '')).toBe(true);
      checked += 1;
      if (checked === 5) break;
    }
    expect(checked).toBe(5);
  });
});
