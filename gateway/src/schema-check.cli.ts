import { apiSchemaSdl } from './api-schema';
import { composeSupergraph } from './compose';
import { checkCompatibility, type CompatibilityVerdict } from './schema-compatibility';
import { readDeclarations } from './schema-declarations';
import { SchemaReleaseError } from './schema-release.errors';
import { readReleases, todayUtc } from './schema-releases';
import { describeVerdict } from './schema-report';

/** The API schema composed from the subgraphs now, judged against the last release and the committed declarations. */
export async function checkCurrentSchema(today = todayUtc()): Promise<CompatibilityVerdict> {
  const releases = readReleases();
  if (releases.length === 0) {
    throw new SchemaReleaseError('SCHEMA_RELEASE_MISSING', {
      vi: 'Chưa có lược đồ nào được phát hành trong gateway/schema/releases (chạy schema:release <phiên bản>)',
      en: 'no released schema in gateway/schema/releases (run schema:release <version>)',
    });
  }
  return checkCompatibility(apiSchemaSdl(composeSupergraph()), releases, readDeclarations(), today);
}

/** Writes why a check or release stopped, with its report; the exit code. */
export function reportFailure(error: unknown): number {
  const report = error instanceof SchemaReleaseError ? error.extensions.details : undefined;
  const detail = report && typeof report === 'object' && 'report' in report ? `\n\n${String(report.report)}` : '';
  const code = error instanceof SchemaReleaseError ? `${error.code}: ` : '';
  process.stderr.write(`${code}${error instanceof Error ? error.message : String(error)}${detail}\n`);
  return 1;
}

if (require.main === module) {
  checkCurrentSchema().then(
    (verdict) => {
      process.stdout.write(`${describeVerdict(verdict)}\n`);
      process.exitCode = verdict.refused.length > 0 ? 1 : 0;
    },
    (error: unknown) => (process.exitCode = reportFailure(error)),
  );
}
