// `pnpm --filter @ps/bench reorganisation-replay [--scale 0.01] [--seed 2025] [--no-results] [--prepare-only]` (after
// `pnpm build` and `pnpm infra:up`): the 2025 reorganisation replayed over a generated national
// workforce, through the services as they run in production.
//   1. Fresh databases ps_<service>_national_replay_test; the four services started on them (they migrate)
//      with topics of their own.
//   2. The 2024 three-tier territory loaded by organization's operator command, and projected by
//      the three other services through Kafka.
//   3. The workforce generated over it (`workforce/generate.mjs`, seeded, loaded with COPY): the
//      bodies of every 2024 unit and of every new 2026 unit, people, posts, Party membership, ratings.
//   4. The replay, timed: organization's `load-territory --only two-tier` ends the 63 provinces' and
//      696 districts' and the merged communes' versions, records lineage and, through the same
//      succession rules as `mergeUnits`, closes the ceasing units' bodies into their successors'
//      counterparts; personnel carries every member and post to the successor, evaluation and
//      reform follow through Kafka. Replay time = the load + until every outbox is published and
//      every consumer group has read every message (no lag, on all four services, twice in a row).
//   5. The same command again: it must write nothing.
//   6. What the acceptance asks, counted in the databases: provinces, districts and communes in
//      force on 2025-07-01, people whose post was in a ceased unit's body and who are not now in a
//      body of its successor, events not published, consumer lag, dead letters.
// The databases are kept for inspection (and for the integration test that runs this at 0.01).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { inForceOn } from '@ps/effective-dating';
import { infrastructure, metricValue, queryDatabase, recreateTestDatabase, repositoryRoot, scrapeMetrics } from '@ps/testing';
import { round, writeResults } from './lib.mjs';
import { SERVICES, startServices } from './platform.mjs';
import { generateWorkforce } from './workforce/generate.mjs';

const REORGANIZATION_DATE = '2025-07-01';
const DAY_BEFORE = '2025-06-30';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.01' },
    seed: { type: 'string', default: '2025' },
    'no-results': { type: 'boolean', default: false },
    // Stop once the workforce is generated: the databases stay as the replay would find them (to profile its steps by hand).
    'prepare-only': { type: 'boolean', default: false },
    report: { type: 'string' },
  },
});
const scale = Number(args.scale);
const seed = Number(args.seed);
const PORT_BASE = Number(process.env.PS_REPLAY_PORT_BASE ?? 14100);
export const replayDatabase = (service) => infrastructure.databaseUrl(`ps_${service}_national_replay_test`);
const databases = Object.fromEntries(SERVICES.map((service) => [service, replayDatabase(service)]));
const graphqlUrl = (index) => `http://127.0.0.1:${PORT_BASE + 1 + index}/graphql`;
const say = (line) => process.stderr.write(`[replay] ${line}\n`);

/** The four services on the replay's databases and ports, their logs emptied first (dead letters are counted there). */
async function startReplayServices() {
  mkdirSync(join(repositoryRoot(), '.local', 'logs'), { recursive: true });
  for (const name of SERVICES) writeFileSync(logOf(name), '');
  return startServices({ label: 'replay', portOf: (index) => PORT_BASE + 1 + index, databaseOf: (name) => databases[name] });
}

/** Organization's operator command, its JSON report read back. */
function loadTerritory(only) {
  const report = join(repositoryRoot(), '.local', 'territory-load', `replay-${only}-${process.pid}-${Date.now()}.json`);
  execFileSync(process.execPath, ['dist/territory-load/load-territory.js', '--only', only, '--report', report], {
    cwd: join(repositoryRoot(), 'services', 'organization'),
    env: { ...process.env, DATABASE_URL: databases.organization, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return JSON.parse(readFileSync(report, 'utf8'));
}

/**
 * Outbox backlog and consumer lag of every service, from their /metrics; a scrape that fails (a
 * reused connection the service closed meanwhile) reads as not settled, and the next one decides.
 */
async function messagingState() {
  const state = {};
  for (const [index, name] of SERVICES.entries()) {
    const samples = await scrapeMetrics(graphqlUrl(index)).catch((error) => {
      say(`${name}: /metrics not read (${error.cause?.code ?? error.message}); asking again`);
      return [];
    });
    const lag = samples.filter((sample) => sample.name === 'ps_consumer_lag').reduce((sum, sample) => sum + sample.value, 0);
    state[name] = { backlog: metricValue(samples, 'ps_outbox_backlog') ?? Number.NaN, lag };
  }
  return state;
}

const quiet = (state) => Object.values(state).every(({ backlog, lag }) => backlog === 0 && lag === 0);

/**
 * Waits until every outbox is published and every group has read everything, seen twice 200 ms
 * apart (a consumer that applies an event publishes its own through its outbox: one quiet scrape
 * between two hops would be a false end). Answers the seconds waited; throws after `timeoutMs`.
 */
async function settled(what, timeoutMs) {
  const started = performance.now();
  let quietScrapes = 0;
  let lastReport = started;
  for (;;) {
    const state = await messagingState();
    quietScrapes = quiet(state) ? quietScrapes + 1 : 0;
    if (quietScrapes === 2) return (performance.now() - started) / 1000;
    if (performance.now() - started > timeoutMs) throw new Error(`${what}: not settled after ${timeoutMs / 1000} s: ${JSON.stringify(state)}`);
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      say(`${what}: ${Object.entries(state).map(([name, s]) => `${name} backlog ${s.backlog} lag ${s.lag}`).join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Units of each tier in force on the date, in organization's own table. */
async function unitsInForce(date) {
  const rows = await queryDatabase(databases.organization,
    `SELECT tier, count(*)::int AS n FROM administrative_unit unit WHERE ${inForceOn('unit', '$1')} GROUP BY tier`, [date]);
  return Object.fromEntries(rows.map((row) => [row.tier.toLowerCase(), row.n]));
}

/**
 * Posts and Party memberships held on the eve of the reorganisation in a body of a unit that
 * ceased, and how many of them are not, on the day, held in a body of one of that unit's
 * successors (by the lineage organization recorded); a person left in a closed body counts.
 */
async function leftBehind() {
  const ceased = await queryDatabase(databases.organization,
    `SELECT link.predecessor_code AS "from", link.successor_code AS "to" FROM unit_lineage link WHERE link.effective_date = $1`, [REORGANIZATION_DATE]);
  const [counts] = await queryDatabase(databases.personnel,
    `WITH lineage (from_code, to_code) AS (SELECT * FROM unnest($1::text[], $2::text[])),
          held (id, person_id, organization_id, kind) AS (
            SELECT id, person_id, organization_id, 'post' FROM assignment a WHERE ${inForceOn('a', '$3')}
            UNION ALL
            SELECT id, person_id, party_organization_id, 'membership' FROM party_membership m WHERE ${inForceOn('m', '$3')}),
          before AS (
            SELECT held.*, org.unit_code FROM held JOIN organization org ON org.id = held.organization_id AND ${inForceOn('org', '$3')}
             WHERE org.unit_code IN (SELECT from_code FROM lineage)),
          after AS (
            SELECT before.*, now_org.unit_code AS now_unit
              FROM before
              LEFT JOIN assignment a ON before.kind = 'post' AND a.id = before.id AND ${inForceOn('a', '$4')}
              LEFT JOIN party_membership m ON before.kind = 'membership' AND m.id = before.id AND ${inForceOn('m', '$4')}
              LEFT JOIN organization now_org ON now_org.id = coalesce(a.organization_id, m.party_organization_id) AND ${inForceOn('now_org', '$4')})
     SELECT count(*)::int AS held,
            count(DISTINCT person_id)::int AS people,
            count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM lineage WHERE from_code = after.unit_code AND to_code = after.now_unit))::int AS "leftBehind"
       FROM after`,
    [ceased.map((link) => link.from), ceased.map((link) => link.to), DAY_BEFORE, REORGANIZATION_DATE],
  );
  const [files] = await queryDatabase(databases.personnel,
    `SELECT count(*)::int AS n FROM person p WHERE ${inForceOn('p', '$2')} AND p.unit_code = ANY($1::text[])`,
    [[...new Set(ceased.map((link) => link.from))].filter((code) => !ceased.some((link) => link.to === code)), REORGANIZATION_DATE]);
  return { ...counts, eFilesInCeasedUnits: files.n };
}

/**
 * Messages the services' consumers sent to a dead-letter topic in this run: each logs the event
 * it gave up on (`event sent to dead-letter topic`) in its log, emptied when the run starts.
 */
function deadLetters() {
  return SERVICES.reduce((count, name) => count + readFileSync(logOf(name), 'utf8').split('\n').filter((line) => line.includes('event sent to dead-letter topic')).length, 0);
}

const logOf = (name) => join(repositoryRoot(), '.local', 'logs', `test-replay-${name}.log`);

async function main() {
  const timings = {};
  say(`scale ${scale}, seed ${seed}, databases ps_<service>_national_replay_test`);
  for (const url of Object.values(databases)) await recreateTestDatabase(url);
  const started = await startReplayServices();
  try {
    let at = performance.now();
    const threeTier = loadTerritory('three-tier');
    timings.threeTierLoad = (performance.now() - at) / 1000;
    timings.threeTierProjected = await settled('2024 territory projected', 1_800_000);
    say(`2024 territory: loaded in ${round(timings.threeTierLoad)} s, projected by the services in ${round(timings.threeTierProjected)} s`);

    at = performance.now();
    const workforce = await generateWorkforce({ scale, seed, databases, progress: process.stderr.isTTY });
    timings.generate = (performance.now() - at) / 1000;
    say(`workforce generated in ${round(timings.generate)} s: ${workforce.people.total} people (${workforce.people.workforce} in the workforce), ${workforce.organizations} organizations`);
    if (args['prepare-only']) return;

    at = performance.now();
    const replay = loadTerritory('two-tier');
    timings.replayLoad = (performance.now() - at) / 1000;
    timings.replayFollowed = await settled('replay followed', 3_600_000);
    timings.replay = timings.replayLoad + timings.replayFollowed;
    say(`replay: organization ${round(timings.replayLoad)} s, followed by the services in ${round(timings.replayFollowed)} s`);

    const outboxBefore = await outboxPositions();
    const again = loadTerritory('two-tier');
    const outboxAfter = await outboxPositions();
    await settled('second run', 600_000);
    const result = {
      scale, seed,
      workforce,
      timings: Object.fromEntries(Object.entries(timings).map(([name, seconds]) => [name, round(seconds, 2)])),
      threeTier: threeTier.trees[0],
      replay: replay.trees[0],
      faults: replay.faults.length,
      knownFaults: replay.knownFaults,
      inForce: { [DAY_BEFORE]: await unitsInForce(DAY_BEFORE), [REORGANIZATION_DATE]: await unitsInForce(REORGANIZATION_DATE) },
      successions: await leftBehind(),
      secondRun: { rowsWritten: again.trees[0].rowsWritten, eventsWritten: SERVICES.reduce((sum, name) => sum + outboxAfter[name] - outboxBefore[name], 0) },
      events: { recorded: outboxAfter, unpublished: await unpublished(), messaging: await messagingState(), deadLetters: deadLetters() },
    };
    if (args.report) writeFileSync(args.report, `${JSON.stringify(result, null, 2)}\n`);
    if (!args['no-results']) writeResults(`reorganisation-replay-${scale}`, result, markdown(result));
    else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    for (const process of started.reverse()) await process.stop();
  }
}

/** Events each service has recorded so far: the outbox's last position (published rows are pruned, positions never reused). */
async function outboxPositions() {
  const positions = {};
  for (const name of SERVICES) positions[name] = Number((await queryDatabase(databases[name], "SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('outbox', 'position')), 0) AS n"))[0].n);
  return positions;
}

async function unpublished() {
  let count = 0;
  for (const name of SERVICES) count += (await queryDatabase(databases[name], 'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL'))[0].n;
  return count;
}

function markdown(result) {
  const t = result.timings;
  const inForce = result.inForce[REORGANIZATION_DATE];
  return `
Scale ${result.scale} (seed ${result.seed}): ${result.workforce.people.total} people (${result.workforce.people.workforce} in the workforce, ${result.workforce.people.outsideWorkforceMembers} Party members outside it), ${result.workforce.organizations} organizations.

| step | seconds |
|---|---|
| 2024 territory loaded by organization | ${t.threeTierLoad} |
| … projected by personnel, evaluation, reform | ${t.threeTierProjected} |
| workforce generated (COPY) | ${t.generate} |
| **replay**: organization's two-tier load | ${t.replayLoad} |
| **replay**: followed by the services (no lag anywhere) | ${t.replayFollowed} |
| **replay, total** (goal < 60 s) | **${t.replay}** |

In force on ${REORGANIZATION_DATE}: ${inForce.province ?? 0} provinces, ${inForce.district ?? 0} districts, ${inForce.commune ?? 0} communes (${result.faults} mapping faults reported).
Posts and Party memberships held in a ceased unit's body on ${DAY_BEFORE}: ${result.successions.held} (${result.successions.people} people); not in a successor's body on ${REORGANIZATION_DATE}: **${result.successions.leftBehind}**. E-files still naming a ceased unit on ${REORGANIZATION_DATE}: ${result.successions.eFilesInCeasedUnits} (a person's file follows the primary post; Party members outside the workforce keep theirs).
Events recorded: ${JSON.stringify(result.events.recorded)}, ${result.events.unpublished} unpublished, ${result.events.deadLetters} dead letters, consumer lag ${Object.values(result.events.messaging).reduce((sum, s) => sum + s.lag, 0)}.
Second run: ${result.secondRun.rowsWritten} rows and ${result.secondRun.eventsWritten} events written.
`;
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
