import { apiSchemaSdl } from './api-schema';
import { composeSupergraph, writeComposition } from './compose';
import { releaseSchema } from './schema-release';
import { reportFailure } from './schema-check.cli';
import { todayUtc } from './schema-releases';
import { describeVerdict } from './schema-report';

const USAGE = 'Phát hành lược đồ / release the API schema: pnpm --filter @ps/gateway schema:release <major.minor.patch>';

/** `schema:release <version>`: the release file, its changelog section, the supergraph and API.md. */
async function main(argv: readonly string[]): Promise<number> {
  if (argv.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const supergraph = composeSupergraph();
  const outcome = await releaseSchema(argv[0] ?? '', apiSchemaSdl(supergraph), todayUtc());
  writeComposition(supergraph);
  if (outcome.verdict) process.stdout.write(`${describeVerdict(outcome.verdict)}\n\n`);
  process.stdout.write(`wrote ${outcome.file}, gateway/schema/CHANGELOG.md:\n\n${outcome.section}`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => (process.exitCode = reportFailure(error)),
  );
}
