// `generateWorkforce`: a deterministic national workforce, COPY'd into the four services'
// databases: organizations (organization), people, posts, Party membership and projections
// (personnel), and the projections evaluation and reform keep, as their projection code writes
// them. No outbox rows and no events: the projections are written directly.
import 'reflect-metadata';
import pg from 'pg';
import { readTwoTierFile, TERRITORY_DATA_DIR, twoTierTree } from '@ps/organization/dist/territory-load/official-tree.parser.js';
import { copyRows } from './copy.mjs';
import { population } from './people.mjs';
import { planOrganizations, THREE_TIER_FROM, TWO_TIER_FROM } from './structure.mjs';
import { personnelRows, projectionRows } from './rows.mjs';
import { ratingHistoryRows, ratingRows, RATING_YEARS, RULE_SET_CODES } from './ratings.mjs';

export const GENERATOR = 'system:workforce-generator';
/** Every generated row's creation time: fixed, so the same seed gives the same bytes. */
export const GENERATED_AT = '2024-01-01T00:00:00+07:00';

/** A refusal the caller can act on (already generated, no territory): the CLI prints it on one line and exits 2. */
export class WorkforceRefusal extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'WorkforceRefusal';
    this.code = code;
  }
}

async function connect(service, url) {
  const client = new pg.Client({ connectionString: url, application_name: 'workforce-generator' });
  try {
    await client.connect();
  } catch (error) {
    throw new WorkforceRefusal('DATABASE_UNREACHABLE', `${service} database: ${error.message}`);
  }
  return client;
}

/** The 2024 three-tier tree must be there (and the 2025 one not yet); nothing generated before. */
async function refuseUnfit(clients) {
  const { rows } = await clients.organization.query(
    `SELECT tier, count(*)::int AS n FROM administrative_unit WHERE valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1) GROUP BY tier`, [THREE_TIER_FROM]);
  const tiers = Object.fromEntries(rows.map((row) => [row.tier, row.n]));
  if (!(tiers.PROVINCE > 0 && tiers.DISTRICT > 0 && tiers.COMMUNE > 0)) {
    throw new WorkforceRefusal('NO_THREE_TIER_TERRITORY', `organization database has no three-tier territory in force on ${THREE_TIER_FROM} (load it: pnpm --filter @ps/organization load-territory --only three-tier)`);
  }
  const [{ ended }] = (await clients.organization.query('SELECT count(*)::int AS ended FROM administrative_unit WHERE valid_to = $1', [TWO_TIER_FROM])).rows;
  if (ended > 0) throw new WorkforceRefusal('TWO_TIER_LOADED', `organization database already holds the 2025 reorganization (${ended} units end on ${TWO_TIER_FROM}): generate before it`);
  const held = [
    ['organization', 'SELECT 1 FROM organization WHERE created_by = $1 LIMIT 1', [GENERATOR]],
    ['personnel', 'SELECT 1 FROM person WHERE created_by = $1 LIMIT 1', [GENERATOR]],
    ['evaluation', 'SELECT 1 FROM rated_person LIMIT 1', []],
    ['reform', 'SELECT 1 FROM reform_person LIMIT 1', []],
  ];
  for (const [service, sql, parameters] of held) {
    if ((await clients[service].query(sql, parameters)).rows.length > 0) throw new WorkforceRefusal('ALREADY_GENERATED', `${service} database already holds generated data`);
  }
}

/** The 2024 units as stored, and the 2026 units whose code the 2024 list lacks, with the paths the loader gives them. */
async function territory(organization) {
  const { rows } = await organization.query(
    `SELECT code, name, tier, parent_code AS "parentCode", path::text AS path FROM administrative_unit
      WHERE tier <> 'HAMLET' AND valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1) ORDER BY path`, [THREE_TIER_FROM]);
  const known = new Set(rows.map((unit) => unit.code));
  const units2026New = twoTierTree(readTwoTierFile(TERRITORY_DATA_DIR)).units.filter((unit) => !known.has(unit.code) && unit.tier !== 'HAMLET');
  return { units2024: rows, units2026New };
}

/**
 * Every unit version for the territory projections, stated when its UnitCreated event occurred
 * (what the projection records), or when it was written if the outbox no longer holds the event.
 */
async function unitVersions(organization) {
  const { rows } = await organization.query(
    `SELECT unit.code, unit.valid_from::text AS valid_from, unit.valid_to::text AS valid_to, unit.path::text AS path, unit.name, unit.tier, unit.parent_code,
            coalesce(created.occurred_at, unit.created_at) AS stated_at
       FROM administrative_unit unit
       LEFT JOIN (SELECT envelope->'payload'->>'code' AS code, (envelope->'payload'->>'validFrom')::date AS valid_from, max((envelope->>'occurredAt')::timestamptz) AS occurred_at
                    FROM outbox WHERE event_type = 'UnitCreated' GROUP BY 1, 2) created ON created.code = unit.code AND created.valid_from = unit.valid_from
      ORDER BY unit.code, unit.valid_from`);
  return rows;
}

/** How many of the workforce are Party members (a pass over it), so the members outside it make up the national total. */
function outsideMembersNeeded(seed, scale, structure, provinces) {
  const people = population({ seed, scale, structure, provinces, outsideMembers: 0 });
  let members = 0;
  for (let i = 0; i < people.counts.workforce; i += 1) if (people.personAt(i).membership) members += 1;
  return Math.max(0, people.counts.partyTarget - members);
}

/** The rule sets the ratings cite (evaluation's migrations record them). */
async function ratingRuleSets(evaluation) {
  const { rows } = await evaluation.query('SELECT code, source_document AS "sourceDocument" FROM rating_rule_set WHERE code = ANY($1::text[])', [Object.values(RULE_SET_CODES)]);
  return Object.fromEntries(rows.map((row) => [row.code, row]));
}

async function inTransaction(client, work) {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** COPYs each table's rows into one database in one transaction, then ANALYZE; rows, seconds and rows/s per table. */
async function loadInto(client, service, specs, progress) {
  const tables = {};
  await inTransaction(client, async () => {
    for (const spec of specs) {
      // The territory projection may already be there (a service that consumed the load's events): left as it is.
      if (spec.onlyIfEmpty && (await client.query(`SELECT 1 FROM ${spec.table} LIMIT 1`)).rows.length > 0) continue;
      const { rows, seconds } = await copyRows(client, { ...spec, progress, label: `${service}.${spec.table}` });
      tables[spec.table] = { rows, seconds: Math.round(seconds * 10) / 10, rowsPerSecond: Math.round(rows / Math.max(seconds, 0.001)) };
    }
  });
  await client.query(`ANALYZE ${[...new Set(specs.map((spec) => spec.table))].join(', ')}`);
  return tables;
}

/**
 * Generates the workforce of `scale` (1.0: the country) from `seed` into the four databases
 * (connection URLs), one transaction per database; progress bars on stderr when `progress`.
 * Returns rows, seconds and rows/s per database and table, and the whole run's seconds.
 */
export async function generateWorkforce({ scale, seed, databases, progress = false, ratings = true }) {
  if (!(scale > 0)) throw new WorkforceRefusal('BAD_SCALE', `scale must be a positive number, not ${scale}`);
  const clients = {};
  for (const service of ['organization', 'personnel', 'evaluation', 'reform']) clients[service] = await connect(service, databases[service]);
  const started = performance.now();
  try {
    await refuseUnfit(clients);
    const { units2024, units2026New } = await territory(clients.organization);
    const structure = planOrganizations({ seed, scale, units2024, units2026New });
    const provinces = units2024.filter((unit) => unit.tier === 'PROVINCE');
    const outsideMembers = outsideMembersNeeded(seed, scale, structure, provinces);
    const people = population({ seed, scale, structure, provinces, outsideMembers });
    const ruleSets = await ratingRuleSets(clients.evaluation);
    const context = { seed, scale, structure, people, progress, ruleSets, generatedAt: GENERATED_AT, createdBy: GENERATOR };
    const units = await unitVersions(clients.organization);
    const load = (service, specs) => loadInto(clients[service], service, specs, progress);
    const tables = {
      organization: await load('organization', projectionRows.organization(context)),
      personnel: await load('personnel', [...projectionRows.personnel(context, units), ...personnelRows(context), ...(ratings ? ratingHistoryRows(context) : [])]),
      evaluation: await load('evaluation', [...projectionRows.evaluation(context, units), ...(ratings ? ratingRows(context) : [])]),
      reform: await load('reform', projectionRows.reform(context, units)),
    };
    return {
      seed, scale, seconds: (performance.now() - started) / 1000,
      people: { total: people.total, workforce: people.counts.workforce, outsideWorkforceMembers: outsideMembers, tiers: people.counts.tiers },
      organizations: structure.organizations.length, ratingYears: ratings ? RATING_YEARS : [], tables,
    };
  } finally {
    for (const client of Object.values(clients)) await client.end();
  }
}
