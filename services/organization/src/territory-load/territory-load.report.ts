import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Tier } from '../unit/unit.entity';
import { faultSummary, type TerritoryFault } from './territory-load.faults';
import type { KnownFaultCounts } from './ward-mapping.parser';

export type TreeName = 'three-tier' | 'two-tier';

export type TierCounts = Record<Tier, number>;

/** What one tree's transaction did. */
export interface TreeLoadResult {
  tree: TreeName;
  /** The date the tree's versions start from. */
  validFrom: string;
  inserted: TierCounts;
  alreadyPresent: TierCounts;
  closed: TierCounts;
  /** Organizations (with their seats, duties, quotas) ended because their unit ceased. */
  organizationsEnded: number;
  /** Lineage rows this run added, by kind (MERGE, SPLIT, ADJUST, MOVE, RENAME, DISSOLVE). */
  lineage: { added: number; byKind: Record<string, number> };
  events: Record<string, number>;
  /** Versions inserted + versions closed + lineage rows added (events not counted). */
  rowsWritten: number;
  seconds: number;
  rowsPerSecond: number;
}

/** The whole run: per tree, the README's fault categories as found, and every faulty row. */
export interface TerritoryLoadReport {
  startedAt: string;
  options: { threeTierFrom: string; only: TreeName | null };
  trees: TreeLoadResult[];
  knownFaults: KnownFaultCounts;
  faults: TerritoryFault[];
}

export function tierCounts(units: ReadonlyArray<{ tier: Tier }>): TierCounts {
  const counts: TierCounts = { [Tier.PROVINCE]: 0, [Tier.DISTRICT]: 0, [Tier.COMMUNE]: 0, [Tier.HAMLET]: 0 };
  for (const unit of units) counts[unit.tier] += 1;
  return counts;
}

const tiers = (counts: TierCounts): string =>
  `${counts.PROVINCE} tỉnh / ${counts.DISTRICT} huyện / ${counts.COMMUNE} xã` + (counts.HAMLET ? ` / ${counts.HAMLET} thôn` : '');

/** A few lines for the operator: per tree what changed, then the faults grouped by reason. */
export function reportSummary(report: TerritoryLoadReport, reportFile?: string): string {
  const lines = ['Nạp địa giới hành chính / territory load'];
  for (const tree of report.trees) {
    lines.push(
      `- ${tree.tree} (từ ${tree.validFrom}): thêm ${tiers(tree.inserted)}; đã có ${tiers(tree.alreadyPresent)}; ` +
        `đóng ${tiers(tree.closed)} (kết thúc ${tree.organizationsEnded} tổ chức); lineage +${tree.lineage.added} ${JSON.stringify(tree.lineage.byKind)}; ` +
        `sự kiện ${JSON.stringify(tree.events)}; ` +
        `${tree.rowsWritten} dòng trong ${tree.seconds.toFixed(2)} s (${Math.round(tree.rowsPerSecond)} dòng/s)`,
    );
  }
  lines.push(`Dòng không đặt được hoặc cần lưu ý / rows not placed or noted: ${report.faults.length}`);
  for (const group of faultSummary(report.faults)) {
    lines.push(`  ${String(group.count).padStart(5)}  ${group.reason} [${group.effect}] ${group.vi} / ${group.en}`);
  }
  lines.push(`Đối chiếu README / README fault categories: ${JSON.stringify(report.knownFaults)}`);
  if (reportFile) lines.push(`Báo cáo đầy đủ / full report: ${reportFile}`);
  return lines.join('\n');
}

/** `.local/territory-load/` at the repository root (git-ignored), or under `from` outside a checkout. */
export function defaultReportFile(startedAt: string, from = __dirname): string {
  let folder = from;
  while (!existsSync(join(folder, 'pnpm-workspace.yaml')) && dirname(folder) !== folder) folder = dirname(folder);
  const root = existsSync(join(folder, 'pnpm-workspace.yaml')) ? folder : process.cwd();
  return join(root, '.local', 'territory-load', `report-${startedAt.replace(/[:.]/g, '-')}.json`);
}

export function writeReport(report: TerritoryLoadReport, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
}
