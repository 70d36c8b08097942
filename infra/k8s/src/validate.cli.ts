// `pnpm --filter @ps/k8s validate`: the offline validation of infra/k8s, ending with
// "validate: N passed, M failed"; exits 1 when anything failed, 2 when it cannot render.
import { RenderError } from './render';
import { validateManifests } from './validate';

function main(): number {
  try {
    const { checks, summary } = validateManifests();
    const failed = checks.filter((c) => !c.ok);
    for (const line of summary) process.stdout.write(`  ${line}\n`);
    for (const f of failed) process.stdout.write(`FAIL ${f.message}\n`);
    process.stdout.write(`validate: ${checks.length - failed.length} passed, ${failed.length} failed\n`);
    return failed.length ? 1 : 0;
  } catch (e) {
    if (!(e instanceof RenderError)) throw e;
    process.stderr.write(`validate: ${e.message}\n`);
    return 2;
  }
}

process.exitCode = main();
