// node workforce/cli.mjs --scale 0.01 --seed 2025 [--database-prefix ps_ --database-suffix _gen_test]
// Generates the workforce into <prefix><service><suffix> on DATABASE_URL's server (default
// 127.0.0.1:5432); prints the counts as JSON. Refusals print one line and exit 2.
import { parseArgs } from 'node:util';
import { generateWorkforce, WorkforceRefusal } from './generate.mjs';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.01' },
    seed: { type: 'string', default: '2025' },
    'database-prefix': { type: 'string', default: 'ps_' },
    'database-suffix': { type: 'string', default: '_gen_test' },
    'no-ratings': { type: 'boolean', default: false },
  },
});
const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const urlOf = (service) => {
  const url = new URL(server);
  url.pathname = `/${values['database-prefix']}${service}${values['database-suffix']}`;
  return url.toString();
};
const scale = Number(values.scale);
try {
  const counts = await generateWorkforce({
    scale,
    seed: values.seed,
    databases: { organization: urlOf('organization'), personnel: urlOf('personnel'), evaluation: urlOf('evaluation'), reform: urlOf('reform') },
    progress: process.stderr.isTTY || process.env.PROGRESS === '1',
    ratings: !values['no-ratings'],
  });
  process.stdout.write(`${JSON.stringify(counts, null, 2)}\n`);
} catch (error) {
  if (error instanceof WorkforceRefusal) {
    process.stderr.write(`workforce: refused (${error.code}): ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
