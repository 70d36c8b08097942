import type { StartedProcess } from '@ps/testing';
import { startPlatform, stopPlatform } from '../platform';
import { latencyUnderAbuse, simpleQueryMedian, type LatencyUnderAbuse } from './abuse';
import { dateCases, representationCases } from './cases/dates';
import { limitCases } from './cases/limits';
import { proofCases } from './cases/proof';
import { schemaCases } from './cases/schema';
import { textCases } from './cases/text';
import { prepareForgeries, tokenCases } from './cases/tokens';
import { transportCases } from './cases/transport';
import { clearReport, expectRefusal, ledger, sendOperation, writeReport } from './exchange';
import { signInCallers, tokenOf, urlOf, type Case } from './targets';

/**
 * The bad-input suite (`npm run test:security`): the whole platform as real processes (as
 * `npm start` runs it, on fresh `_test` databases), and from outside, every kind of bad input
 * the edge, the tokens, the limits and the gateway's proof refuse, on the gateway and on each
 * subgraph. Every answer is counted; the last test asserts that none was a 5xx or leaked.
 */

/** The production default, over a window longer than the suite, so only the rate case reaches it. */
const RATE_LIMIT = 600;
/** During and after the burst, the simple query's median may grow to 3× its median before, plus this. */
const LATENCY_SLACK_MS = 25;
/** Sequential simple queries per phase (before, during, after the burst). */
const SAMPLES = 40;

let platform: StartedProcess[] = [];
const startedAt = Date.now();
const latency: Record<string, number> = {};

beforeAll(async () => {
  clearReport();
  platform = await startPlatform({
    gatewayEnv: { RATE_LIMIT_REQUESTS: String(RATE_LIMIT), RATE_LIMIT_WINDOW_SECONDS: '600' },
  });
  await signInCallers();
  await prepareForgeries();
}, 300_000);

afterAll(() => stopPlatform(platform));

const TABLES: Array<[title: string, cases: Case[]]> = [
  ['malformed transport', transportCases()],
  ['dates', dateCases()],
  ['entity representations', representationCases()],
  ['strings', textCases()],
  ['tokens', tokenCases()],
  ['operation limits', limitCases()],
  ['introspection and suggestions', schemaCases()],
  ['the gateway proof', proofCases()],
];

describe.each(TABLES)('%s', (_title, cases) => {
  it.each(cases)('$target: $name → $expected.status $expected.code', async (row) => {
    ledger.caseRan(row.target, row.kind);
    expectRefusal(await row.send(), row.expected);
  });
});

describe('the per-caller rate', () => {
  const typename = (caller: Parameters<typeof tokenOf>[0]) => sendOperation(urlOf('gateway'), '{ __typename }', {}, { token: tokenOf(caller) });

  it(`gateway: request ${RATE_LIMIT + 1} of one caller in the window → 429 RATE_LIMITED with Retry-After; other callers still served`, async () => {
    ledger.caseRan('gateway', 'rate');
    const statuses: number[] = [];
    // Spent 20 at a time: fast, and the limiter counts each exactly once.
    for (let sent = 0; sent < RATE_LIMIT; sent += 20) {
      statuses.push(...(await Promise.all(Array.from({ length: 20 }, async () => (await typename('rate')).status))));
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(RATE_LIMIT);
    expectRefusal(await typename('rate'), { status: 429, code: 'RATE_LIMITED', header: ['retry-after', /^[1-9]\d*$/] });
    expect((await typename('schema')).status).toBe(200);
  });
});

describe('latency under abuse', () => {
  it(`gateway: the simple query's median stays within 3× + ${LATENCY_SLACK_MS} ms during and after a burst of refused requests`, async () => {
    ledger.caseRan('gateway', 'latency');
    await simpleQueryMedian(5); // warm-up: connections, caches, JIT
    const withinBound = (figures: LatencyUnderAbuse) =>
      Math.max(figures.duringMs, figures.afterMs) <= 3 * figures.beforeMs + LATENCY_SLACK_MS;
    // The machine is shared: a neighbour's spike can spoil one measurement, so a failed bound is
    // measured once more. A gateway that refuses slowly fails both (the 880 KB document once took 83.7 s).
    const attempts: LatencyUnderAbuse[] = [await latencyUnderAbuse(SAMPLES)];
    if (!withinBound(attempts[0])) attempts.push(await latencyUnderAbuse(SAMPLES));
    for (const { beforeMs, duringMs, afterMs, burstRequests } of attempts) {
      process.stdout.write(
        `[security] simple query median: before ${beforeMs} ms, during ${duringMs} ms (burst of ${burstRequests} refused requests), after ${afterMs} ms\n`,
      );
    }
    const last = attempts[attempts.length - 1];
    const { wrong: _wrong, ...figures } = last;
    Object.assign(latency, { ...figures, attempts: attempts.length });
    expect(attempts.flatMap((figures) => figures.wrong)).toEqual([]);
    expect(last.duringMs).toBeLessThanOrEqual(3 * last.beforeMs + LATENCY_SLACK_MS);
    expect(last.afterMs).toBeLessThanOrEqual(3 * last.beforeMs + LATENCY_SLACK_MS);
  });
});

describe('summary', () => {
  it('saw no answer 5xx and no stack trace, path or library name in any answer', () => {
    const expectedCases = TABLES.reduce((sum, [, cases]) => sum + cases.length, 0) + 2; // + rate + latency
    const line = writeReport({ latency, runtimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
    process.stdout.write(`${line}\n`);
    expect(ledger.cases).toBe(expectedCases);
    expect({ answers5xx: ledger.fiveHundreds, stackTracesOrLeaks: ledger.leaking }).toEqual({ answers5xx: 0, stackTracesOrLeaks: 0 });
  });
});
