import type { Change } from '@graphql-inspector/core';
import { MIN_DEPRECATION_DAYS, type CompatibilityVerdict } from './schema-compatibility';

const line = (change: Change) => `${change.path ?? '(schema)'}: ${change.message} [${change.type}]`;

/** The verdict in words, for the terminal and CI logs: what failed, why, and how to declare it. */
export function describeVerdict(verdict: CompatibilityVerdict): string {
  const out = [`API schema compared with release ${verdict.since.version} (${verdict.since.date}):`];
  out.push(`  ${verdict.safe.length} safe, ${verdict.dangerous.length} dangerous, ${verdict.accepted.length + verdict.refused.length} breaking (${verdict.accepted.length} declared and past their deprecation period, ${verdict.refused.length} refused)`);
  if (verdict.refused.length > 0) {
    out.push('', `THAY ĐỔI PHÁ VỠ BỊ TỪ CHỐI / REFUSED BREAKING CHANGES (client apps built on ${verdict.since.version} would break):`);
    for (const { change, why } of verdict.refused) out.push(`  ✗ ${line(change)}`, `    ${why}`);
    out.push('', `  The rule: a breaking change ships only after what it breaks was @deprecated in a release for ${MIN_DEPRECATION_DAYS} days and it is declared in gateway/schema/breaking-changes.json.`);
  }
  if (verdict.accepted.length > 0) out.push('', 'Declared breaking changes (allowed):', ...verdict.accepted.map(({ change, declaration }) => `  ✓ ${line(change)} (${declaration.reason})`));
  if (verdict.dangerous.length > 0) {
    out.push('', 'Dangerous changes (allowed; check client apps handle them):');
    out.push(...verdict.dangerous.map((change) => `  ! ${line(change)}${change.criticality.reason ? ` (${change.criticality.reason})` : ''}`));
  }
  if (verdict.unused.length > 0) out.push('', 'Declarations matching no change (remove them):', ...verdict.unused.map((declaration) => `  - ${declaration.coordinate} ${declaration.change}`));
  return out.join('\n');
}
