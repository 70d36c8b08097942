// `pnpm --filter @ps/bench platform-event-hop`: the event hop through the services themselves: a
// hamlet of Xã Thanh An renamed through the gateway (one commit in organization, UnitRenamed) until
// the event is applied in the inboxes of personnel, evaluation and reform (each applies it to its
// territory projection in the same transaction). Timed from the mutation's answer to each service's
// inbox rows' commit where PostgreSQL records commit times (track_commit_timestamp = on), else to
// when a poll every 2 ms sees them. Variants, side by side (the platform restarted for each, rounds
// A B A B): `polling` (OUTBOX_WAKE_ON_COMMIT=false) and `wake` (the default). After each start the
// first WARM_UP renames are not counted (the first hop is reported on its own), and each process's
// CPU time per counted rename is reported beyond what it spends idle (the Kafka broker and
// PostgreSQL among them). Databases and ports as in platform.mjs; the renames are dated far ahead
// (2031 on), so today's data is untouched.
import { Client } from 'pg';
import { infrastructure, tokenFor } from '@ps/testing';
import { alternate, median, quantile, round, writeResults } from './lib.mjs';
import { cpuMs, startPlatform, viaGateway } from './platform.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 4);
const RENAMES = Number(process.env.RENAMES ?? 25);
/** Renames after each start that are not counted (the first hop after a start is also reported on its own). */
const WARM_UP = Number(process.env.WARM_UP ?? 3);
const IDLE_MS = 5_000;
const HAMLET = `25807_b${process.pid % 1000}`;
const CONSUMERS = ['personnel', 'evaluation', 'reform'];
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const change = (number, effectiveDate) => ({
  effectiveDate,
  reason: 'Đo thời gian truyền sự kiện / event hop benchmark',
  decision: { number, date: '2026-01-15', signer: 'Chủ tịch HĐND Thành phố', issuer: 'PROVINCE_PEOPLES_COUNCIL' },
});
const day = (offset) => new Date(Date.UTC(2031, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

async function connect(service) {
  const client = new Client({ connectionString: infrastructure.databaseUrl(`ps_${service}_e2e_test`) });
  await client.connect();
  return client;
}
const organization = await connect('organization');
/**
 * Whether PostgreSQL records commit times (`track_commit_timestamp = on`, set in its configuration
 * and a restart): then each hop ends at its inbox rows' commit, read afterwards, instead of when a
 * poll every 2 ms first sees them (three databases polled 500 times a second load the 2 cores the
 * services share, and the quantum adds up to 2 ms).
 */
const commitTimestamps = (await organization.query('SHOW track_commit_timestamp')).rows[0].track_commit_timestamp === 'on';
const inboxes = Object.fromEntries(await Promise.all(CONSUMERS.map(async (service) => [service, await connect(service)])));
let renames = 0;
/** Per variant: milliseconds from the answer to the outbox row published, and to each service's inbox row. */
const breakdown = {};
/** Per variant: the first hop after each start (not counted among the samples). */
const firstHops = {};
/** Per variant, per process: CPU ms per counted rename beyond what the process spends idle, one figure per round. */
const cpuPerRename = {};

const ask = (token, query, variables) => viaGateway(query, variables, token);

/** Milliseconds from the rename's answer until each consuming service has applied its events. */
async function oneHop(token, parts) {
  const [{ last }] = (await organization.query('SELECT coalesce(max(position), 0) AS last FROM outbox')).rows;
  renames += 1;
  await ask(token, 'mutation ($input: UnitChangeInput!) { renameUnit(input: $input) { started { code } } }', {
    input: { code: HAMLET, name: `Ấp đo thời gian ${renames}`, change: change(`B${renames}/NQ-HĐND`, day(renames)) },
  });
  const answered = performance.now();
  const answeredAt = Date.now();
  const ids = (await organization.query('SELECT id FROM outbox WHERE position > $1', [last])).rows.map((row) => row.id);
  const hops = {};
  while (Object.keys(hops).length < CONSUMERS.length) {
    for (const service of CONSUMERS.filter((name) => !(name in hops))) {
      // With commit timestamps the hop is read off the inbox rows' commits, and the polling that
      // finds them can be slow enough not to load the machine it measures.
      const [{ n, committed }] = (await inboxes[service].query(
        `SELECT count(DISTINCT event_id)::int AS n, ${commitTimestamps ? 'extract(epoch FROM max(pg_xact_commit_timestamp(xmin))) * 1000' : 'NULL'} AS committed
           FROM inbox WHERE event_id = ANY($1::uuid[])`,
        [ids],
      )).rows;
      if (n === ids.length) hops[service] = commitTimestamps ? Number(committed) - answeredAt : performance.now() - answered;
    }
    if (performance.now() - answered > 30_000) throw new Error(`events ${ids.join(', ')} not applied by every service within 30 s`);
    await pause(commitTimestamps ? 25 : 2);
  }
  const [{ published }] = (await organization.query('SELECT extract(epoch FROM max(published_at)) * 1000 AS published FROM outbox WHERE id = ANY($1::uuid[])', [ids])).rows;
  parts.relay.push(Number(published) - answeredAt);
  for (const service of CONSUMERS) parts[service].push(hops[service]);
  return Math.max(...Object.values(hops));
}

/** CPU ms each process spent from `before` to `after`, divided by `per`. */
function since(before, after, per) {
  return Object.fromEntries(Object.entries(after).map(([name, ms]) => [name, (ms - (before[name] ?? 0)) / per]));
}

async function measure(variant) {
  const platform = await startPlatform({ env: { OUTBOX_WAKE_ON_COMMIT: variant === 'wake' ? 'true' : 'false' } });
  try {
    const token = await tokenFor('admin.thanhan');
    if (renames === 0) {
      await ask(token, 'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { code } }', {
        input: { code: HAMLET, name: 'Ấp đo thời gian', tier: 'HAMLET', parentCode: '25807', change: change('B0/NQ-HĐND', day(0)) },
      });
    }
    await pause(3_000); // consumers joined and caught up
    // Warm-up: a freshly started process (and the broker on new code paths) compiles as it
    // goes; the first hop is kept apart, the others are not counted.
    const unused = Object.fromEntries(['relay', ...CONSUMERS].map((part) => [part, []]));
    for (let n = 0; n < WARM_UP; n += 1) {
      const hop = await oneHop(token, unused);
      if (n === 0) (firstHops[variant] ??= []).push(round(hop));
      await pause(100);
    }
    const hops = [];
    breakdown[variant] ??= Object.fromEntries(['relay', ...CONSUMERS].map((part) => [part, []]));
    const from = cpuMs(platform.processes);
    const started = performance.now();
    for (let n = 0; n < RENAMES; n += 1) {
      hops.push(await oneHop(token, breakdown[variant]));
      await pause(50 + ((n * 37) % 100));
    }
    const spent = since(from, cpuMs(platform.processes), 1);
    const elapsed = performance.now() - started;
    // What each process spends idle afterwards (consumers' heartbeats, the relays' safety-net
    // polls), taken off the CPU time of the renames.
    await pause(1_000);
    const idleFrom = cpuMs(platform.processes);
    await pause(IDLE_MS);
    const idle = since(idleFrom, cpuMs(platform.processes), IDLE_MS);
    cpuPerRename[variant] ??= {};
    for (const [name, ms] of Object.entries(spent)) (cpuPerRename[variant][name] ??= []).push((ms - idle[name] * elapsed) / RENAMES);
    return hops;
  } finally {
    await platform.stop();
  }
}

try {
  const { samples, ratios } = await alternate(['polling', 'wake'], ROUNDS, measure);
  const summary = Object.fromEntries(Object.entries(samples).map(([variant, values]) => [variant, { p50Ms: round(median(values)), p95Ms: round(quantile(values, 0.95)), maxMs: round(Math.max(...values)), hops: values.length }]));
  const ratio = round(median(ratios), 2);
  const parts = Object.fromEntries(Object.entries(breakdown).map(([variant, byPart]) => [variant, Object.fromEntries(Object.entries(byPart).map(([part, values]) => [part, { p50Ms: round(median(values)), p95Ms: round(quantile(values, 0.95)) }]))]));
  const cpu = Object.fromEntries(Object.entries(cpuPerRename).map(([variant, byProcess]) => [variant, Object.fromEntries(Object.entries(byProcess).map(([name, values]) => [name, round(median(values))]))]));
  const processes = Object.keys(cpu.wake ?? cpu.polling ?? {});
  writeResults('platform-event-hop', { rounds: ROUNDS, renamesPerRound: RENAMES, warmUpRenames: WARM_UP, commitTimestamps, summary, parts, firstHopAfterStart: firstHops, cpuMsPerRename: cpu, ratioPolling_Wake_p50: ratio, pairRatios: ratios.map((r) => round(r, 2)) }, `
A hamlet of Xã Thanh An renamed through the gateway; the hop ends when personnel, evaluation and reform have all applied the event (the slowest of the three), ${commitTimestamps ? 'at the commit of its inbox rows (PostgreSQL records commit times: track_commit_timestamp = on), found by a poll every 25 ms' : 'when a poll every 2 ms sees its inbox rows (PostgreSQL records no commit times: track_commit_timestamp = off)'}. ${ROUNDS} rounds of ${RENAMES} renames per variant (A B A B), the platform restarted for each; after each start, ${WARM_UP} renames are not counted (as the bare \`event-hop\` leaves out its warm-up event).

| variant | p50 ms | p95 ms | max ms | hops |
|---|---|---|---|---|
${Object.entries(summary).map(([variant, s]) => `| ${variant} | ${s.p50Ms} | ${s.p95Ms} | ${s.maxMs} | ${s.hops} |`).join('\n')}

Taken apart, from the mutation's answer: to the outbox row published (the relay, by the database's clock), and to each service's inbox row.

| variant | relay p50 / p95 | ${CONSUMERS.join(' p50 / p95 | ')} p50 / p95 |
|---|---|${CONSUMERS.map(() => '---|').join('')}
${Object.entries(parts).map(([variant, p]) => `| ${variant} | ${['relay', ...CONSUMERS].map((part) => `${p[part].p50Ms} / ${p[part].p95Ms}`).join(' | ')} |`).join('\n')}

The first hop after each start (not counted; the services and the broker still compiling code they had not run): ${Object.entries(firstHops).map(([variant, values]) => `${variant} ${values.join(', ')} ms`).join('; ')}.

CPU per counted rename, ms, beyond what each process spends idle (median of the rounds; PostgreSQL is all its processes, the bench's own polling among them):

| variant | ${processes.join(' | ')} |
|---|${processes.map(() => '---|').join('')}
${Object.entries(cpu).map(([variant, byProcess]) => `| ${variant} | ${processes.map((name) => byProcess[name]).join(' | ')} |`).join('\n')}

p50 ratio polling / wake, median of the pairs: **×${ratio}** (pairs: ${ratios.map((r) => round(r, 2)).join(', ')}).
Goal (issue 15): event hop p95 < 50 ms.
`);
} finally {
  await organization.end();
  for (const client of Object.values(inboxes)) await client.end();
}
