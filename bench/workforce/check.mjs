// `checkWorkforce(databases)`: what a generation left, counted and checked across the four
// databases. Throws on the first inconsistency; returns the counts. CLI: node workforce/check.mjs
// [prefix suffix] (default ps_ … _gen_test).
import pg from 'pg';
import { headcounts } from './people.mjs';
import { TITLES_OUTSIDE_CATALOGUE } from './posts.mjs';

async function one(url, sql, parameters = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows;
  } finally {
    await client.end();
  }
}

class InconsistentWorkforce extends Error {}
const expect = (condition, message) => {
  if (!condition) throw new InconsistentWorkforce(message);
};

/** Checks and counts; `scale` (from the audit row) sets the expected shape. */
export async function checkWorkforce(databases) {
  const [{ after }] = await one(databases.personnel, "SELECT after FROM audit_log WHERE operation = 'generateWorkforce'");
  const [audit] = await one(databases.organization, "SELECT after FROM audit_log WHERE operation = 'generateWorkforce'");
  expect(audit, 'organization has no generation audit row');
  // Organizations: organization's rows against personnel's projection, by id, start, unit, kind and parent.
  const fingerprint = "md5(string_agg(id::text || '|' || valid_from || '|' || unit_code || '|' || kind || '|' || coalesce(parent_id::text, ''), ',' ORDER BY id, valid_from))";
  const [source] = await one(databases.organization, `SELECT count(*)::int AS n, ${fingerprint} AS sum FROM organization`);
  const [projected] = await one(databases.personnel, `SELECT count(*)::int AS n, ${fingerprint} AS sum FROM organization`);
  expect(source.sum === projected.sum, `personnel's organization projection differs from organization (${projected.n} vs ${source.n} rows)`);
  for (const [service, table] of [['evaluation', 'rated_organization'], ['reform', 'reform_organization']]) {
    const [{ n }] = await one(databases[service], `SELECT count(*)::int AS n FROM ${table}`);
    expect(n === source.n, `${service}.${table} holds ${n} organizations, organization ${source.n}`);
  }
  // Every assignment's organization exists in organization with the same unit.
  const posts = await one(databases.personnel, 'SELECT DISTINCT a.organization_id::text AS id, o.unit_code FROM assignment a LEFT JOIN organization o ON o.id = a.organization_id');
  expect(posts.every((post) => post.unit_code !== null), 'an assignment names an organization personnel does not project');
  const units = new Map((await one(databases.organization, 'SELECT id::text, unit_code FROM organization WHERE id = ANY($1::uuid[])', [posts.map((p) => p.id)])).map((row) => [row.id, row.unit_code]));
  const strays = posts.filter((post) => units.get(post.id) !== post.unit_code);
  expect(strays.length === 0, `${strays.length} assignments' organizations missing from organization or in another unit there`);
  // Every person: exactly one main post, or a Party member outside the workforce.
  const [people] = await one(databases.personnel, `
    SELECT count(*)::int AS people,
           count(*) FILTER (WHERE main = 1)::int AS with_main_post,
           count(*) FILTER (WHERE main = 0 AND member)::int AS members_outside,
           count(*) FILTER (WHERE NOT (main = 1 OR (main = 0 AND member)))::int AS neither
      FROM (SELECT p.id, coalesce(a.main, 0) AS main, m.person_id IS NOT NULL AS member
              FROM person p
              LEFT JOIN (SELECT person_id, count(*) AS main FROM assignment WHERE NOT concurrent GROUP BY person_id) a ON a.person_id = p.id
              LEFT JOIN (SELECT DISTINCT person_id FROM party_membership) m ON m.person_id = p.id) per_person`);
  expect(people.neither === 0, `${people.neither} people have neither exactly one main post nor a Party membership`);
  // Shape: main posts per tier against the plan (±1 %), Party members against the national total.
  const tiers = await one(databases.personnel, `
    SELECT CASE WHEN o.kind = 'PUBLIC_SERVICE_UNIT' THEN 'PUBLIC_SERVICE_UNIT' ELSE u.tier END AS tier, count(*)::int AS n
      FROM assignment a JOIN organization o ON o.id = a.organization_id JOIN territory_unit u ON u.code = o.unit_code AND u.valid_from <= '2024-01-01' AND (u.valid_to IS NULL OR u.valid_to > '2024-01-01')
     WHERE NOT a.concurrent GROUP BY 1`);
  const plan = headcounts(after.scale ?? audit.after.scale);
  const byTier = Object.fromEntries(tiers.map((row) => [row.tier, row.n]));
  for (const { tier, count } of plan.tiers) expect(Math.abs((byTier[tier] ?? 0) - count) <= Math.max(1, count * 0.01), `${tier}: ${byTier[tier] ?? 0} main posts, planned ${count}`);
  const [party] = await one(databases.personnel, 'SELECT count(*)::int AS members FROM party_membership');
  expect(Math.abs(party.members - plan.partyTarget) <= Math.max(1, plan.partyTarget * 0.01), `${party.members} Party members, ${plan.partyTarget} planned`);
  const [concurrent] = await one(databases.personnel, 'SELECT count(*) FILTER (WHERE concurrent)::int AS concurrent, count(*) FILTER (WHERE title_code = ANY($1::text[]))::int AS outside_catalogue FROM assignment', [[...TITLES_OUTSIDE_CATALOGUE]]);
  const [rated] = await one(databases.evaluation, 'SELECT (SELECT count(*) FROM rated_person)::int AS people, (SELECT count(*) FROM rated_post)::int AS posts');
  const [reformed] = await one(databases.reform, 'SELECT count(*)::int AS people FROM reform_person');
  expect(rated.people === people.people && reformed.people === people.people, 'evaluation or reform projects another number of people');
  const ratings = await one(databases.evaluation, "SELECT year, level, count(*)::int AS n FROM evaluation GROUP BY 1, 2 ORDER BY 1, 2");
  const [history] = await one(databases.personnel, 'SELECT count(*)::int AS n FROM person_rating');
  const decided = ratings.reduce((sum, row) => sum + row.n, 0);
  expect(history.n === decided, `personnel keeps ${history.n} ratings, evaluation decided ${decided}`);
  const levelShare = Object.fromEntries(['HTXS', 'HTT', 'HTNV', 'KHTNV'].map((level) => [level, decided ? Math.round((1000 * ratings.filter((row) => row.level === level).reduce((sum, row) => sum + row.n, 0)) / decided) / 10 : 0]));
  const categories = await one(databases.personnel, 'SELECT coalesce(category, \'(outside the workforce)\') AS category, count(*)::int AS n FROM person GROUP BY 1 ORDER BY 1');
  const [women] = await one(databases.personnel, "SELECT round(100.0 * count(*) FILTER (WHERE gender = 'FEMALE') / count(*), 1)::float AS pct, round(100.0 * count(*) FILTER (WHERE ethnicity = 'Kinh') / count(*), 1)::float AS kinh FROM person");
  return {
    organizations: source.n, people, mainPostsByTier: byTier, planned: plan.tiers, partyMembers: party.members, partyTarget: plan.partyTarget,
    concurrentPosts: concurrent.concurrent, postsWithTitleOutsideCatalogue: concurrent.outside_catalogue, categories, womenPercent: women.pct, kinhPercent: women.kinh,
    evaluation: rated, reform: reformed, ratings: { total: decided, percentByLevel: levelShare },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [prefix = 'ps_', suffix = '_gen_test'] = process.argv.slice(2);
  const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const urlOf = (service) => Object.assign(new URL(server), { pathname: `/${prefix}${service}${suffix}` }).toString();
  const databases = Object.fromEntries(['organization', 'personnel', 'evaluation', 'reform'].map((service) => [service, urlOf(service)]));
  process.stdout.write(`${JSON.stringify(await checkWorkforce(databases), null, 2)}\n`);
}
