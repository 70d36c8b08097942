import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { infrastructure, queryDatabase, repositoryRoot } from '@ps/testing';

/**
 * The 2025 reorganisation replayed over a generated national workforce at scale 0.01, as the
 * benchmark runs it at any scale (`bench/reorganisation-replay.mjs`): four services on databases
 * of their own, the 2024 territory loaded and projected, the workforce generated, the two-tier
 * load run twice. The script reports what it counted; this suite checks the report against the
 * acceptance and looks into the databases itself for the seed story's communes.
 */
interface ReplayReport {
  workforce: { people: { total: number; workforce: number }; organizations: number };
  timings: Record<string, number>;
  inForce: Record<string, Record<string, number>>;
  successions: { held: number; people: number; leftBehind: number };
  secondRun: { rowsWritten: number; eventsWritten: number };
  events: { unpublished: number; deadLetters: number; messaging: Record<string, { backlog: number; lag: number }> };
}

const database = (service: string): string => infrastructure.databaseUrl(`ps_${service}_replay_test`);
const reportFile = join(tmpdir(), `reorganisation-replay-${process.pid}.json`);
let report: ReplayReport;

beforeAll(() => {
  execFileSync(process.execPath, ['reorganisation-replay.mjs', '--scale', '0.01', '--no-results', '--report', reportFile], {
    cwd: join(repositoryRoot(), 'bench'),
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 2_400_000,
  });
  report = JSON.parse(readFileSync(reportFile, 'utf8')) as ReplayReport;
}, 2_500_000);

const twoTierFile = (): Array<{ Wards: unknown[] | null }> =>
  JSON.parse(readFileSync(join(repositoryRoot(), 'services/organization/data/vn-admin-units/units-2026-two-tier.json'), 'utf8'));

describe('the 2025 reorganisation replayed over a generated workforce (scale 0.01)', () => {
  it('ends with 34 provinces, no district and every commune of the 2026 list in force', () => {
    const communes = twoTierFile().reduce((sum, province) => sum + (province.Wards?.length ?? 0), 0);
    expect(report.inForce['2025-06-30']).toMatchObject({ province: 63, district: 696 });
    expect(report.inForce['2025-07-01']).toMatchObject({ province: 34, commune: communes });
    expect(report.inForce['2025-07-01'].district).toBeUndefined();
    expect(communes).toBe(3321);
  });

  it('carries every post and Party membership of a ceased unit’s body to a body of its successor', () => {
    expect(report.workforce.people.workforce).toBeGreaterThan(20_000);
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

  it('moves the Party members and posts of An Lập (25801) to the bodies of Thanh An (25807), which it merged into', async () => {
    const bodies = await queryDatabase<{ id: string; unit_code: string }>(
      database('organization'),
      "SELECT DISTINCT id::text, unit_code FROM organization WHERE unit_code IN ('25801', '25807') AND base = 'UNIT'",
    );
    const anLap = bodies.filter((body) => body.unit_code === '25801').map((body) => body.id);
    const thanhAn = new Set(bodies.filter((body) => body.unit_code === '25807').map((body) => body.id));
    const eve = (alias: string) => `${alias}.valid_from <= '2025-06-30' AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > '2025-06-30')`;
    const day = (alias: string) => `${alias}.valid_from <= '2025-07-01' AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > '2025-07-01')`;
    const held = await queryDatabase<{ kind: string; after: string | null }>(
      database('personnel'),
      `SELECT 'post' AS kind, day.organization_id::text AS after FROM assignment held
         LEFT JOIN assignment day ON day.id = held.id AND ${day('day')}
        WHERE held.organization_id = ANY($1::uuid[]) AND ${eve('held')}
       UNION ALL
       SELECT 'membership', day.party_organization_id::text FROM party_membership held
         LEFT JOIN party_membership day ON day.id = held.id AND ${day('day')}
        WHERE held.party_organization_id = ANY($1::uuid[]) AND ${eve('held')}`,
      [anLap],
    );
    expect(anLap.length).toBeGreaterThan(0);
    expect(held.length).toBeGreaterThan(0);
    for (const entry of held) expect(thanhAn.has(entry.after ?? '')).toBe(true);
  });
});
