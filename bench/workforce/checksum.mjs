// md5 of every generated table's rows, in order, per database: two runs of one seed and scale
// on fresh databases must print the same sums. CLI: node workforce/checksum.mjs [prefix suffix].
import pg from 'pg';
import { GENERATOR } from './generate.mjs';

const TABLES = {
  organization: { organization: `created_by = '${GENERATOR}'`, audit_log: "operation = 'generateWorkforce'" },
  personnel: { territory_unit: null, organization: null, person: null, assignment: null, party_membership: null, person_rating: null, audit_log: "operation = 'generateWorkforce'" },
  evaluation: { territory_unit: null, rated_organization: null, rated_person: null, rated_post: null, evaluation: null },
  reform: { territory_unit: null, reform_organization: null, reform_person: null },
};
/** audit_log's serial id is the database's, not the generation's. */
const rowText = (table) => (table === 'audit_log' ? "(t.occurred_at, t.operation, t.unit_paths, t.after, t.correlation_id)::text" : 't::text');

export async function workforceChecksums(databases) {
  const sums = {};
  for (const [service, tables] of Object.entries(TABLES)) {
    const client = new pg.Client({ connectionString: databases[service] });
    await client.connect();
    try {
      sums[service] = {};
      for (const [table, where] of Object.entries(tables)) {
        const { rows } = await client.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(${rowText(table)}, E'\\n' ORDER BY ${rowText(table)}), '')) AS md5 FROM ${table} t${where ? ` WHERE ${where}` : ''}`);
        sums[service][table] = `${rows[0].n} ${rows[0].md5}`;
      }
    } finally {
      await client.end();
    }
  }
  return sums;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [prefix = 'ps_', suffix = '_gen_test'] = process.argv.slice(2);
  const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const urlOf = (service) => Object.assign(new URL(server), { pathname: `/${prefix}${service}${suffix}` }).toString();
  process.stdout.write(`${JSON.stringify(await workforceChecksums(Object.fromEntries(Object.keys(TABLES).map((s) => [s, urlOf(s)]))), null, 2)}\n`);
}
