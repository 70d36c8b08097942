/** Nearest-rank percentile (p in 0–100) of a sample; with 5 samples p95 is the slowest run. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** p50 and p95 of a sample. */
export function spread(sample: readonly number[]): { p50: number; p95: number } {
  return { p50: percentile(sample, 50), p95: percentile(sample, 95) };
}

/** A markdown table from a header and rows of cells. */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
