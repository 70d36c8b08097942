import { fork } from 'node:child_process';
import { join } from 'node:path';
import { InvariantViolation } from '@ps/errors';
import { leaks, ledger, sendOperation } from './exchange';
import { tokenOf, urlOf } from './targets';

/** The simple query whose latency must not suffer (Dầu Tiếng as it stood before it merged, so it answers data). */
export const SIMPLE_QUERY = '{ unit(code: "720", asOf: "2025-06-30") { name } }';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Median milliseconds of `count` sequential simple queries as the latency caller; each must answer the unit. */
export async function simpleQueryMedian(count: number): Promise<{ medianMs: number; wrong: string[] }> {
  const times: number[] = [];
  const wrong: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const answer = await sendOperation(urlOf('gateway'), SIMPLE_QUERY, {}, { token: tokenOf('latency') });
    times.push(performance.now() - started);
    if (answer.status !== 200 || !answer.text.includes('"name":"Huyện Dầu Tiếng"')) wrong.push(`${answer.status} ${answer.text.slice(0, 200)}`);
  }
  return { medianMs: median(times), wrong };
}

export interface BurstResult {
  sent: number;
  /** Answers that were not a 4xx JSON refusal free of leaks, with what came back. */
  unexpected: string[];
}

/**
 * Starts the abuse burst (abuse-burst.mjs) in a process of its own, from callers of its own:
 * huge and deep documents, 2,000 aliases, cut bodies, unsigned tokens. `stop()` ends it once
 * `atLeast` requests were sent; every answer is recorded in the ledger and checked.
 */
export async function startAbuseBurst(options: { workers: number; atLeast: number; atMost: number }): Promise<{ stop: () => Promise<BurstResult> }> {
  const child = fork(join(__dirname, 'abuse-burst.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<never>((_resolve, reject) =>
    child.once('exit', (code) => reject(new InvariantViolation(`the abuse burst exited with ${code} before answering`))),
  );
  const next = () => Promise.race([new Promise<BurstMessage>((resolve) => child.once('message', (message) => resolve(message as BurstMessage))), exited]);
  child.send({ url: urlOf('gateway'), tokens: { huge: tokenOf('abuse'), deep: tokenOf('abuseToo') }, ...options });
  await next(); // { started: true }: the burst is under way
  return {
    stop: async () => {
      const answered = next();
      child.send('stop');
      const received = (await answered).answers ?? [];
      const unexpected = received
        .map((raw) => ledger.received({ ...raw, headers: {} }))
        .filter((answer) => !(answer.status >= 400 && answer.status < 500 && /^application\/json/.test(answer.contentType ?? '')) || leaks(answer.text))
        .map((answer) => `${answer.status} ${answer.text.slice(0, 200)}`);
      return { sent: received.length, unexpected };
    },
  };
}

interface BurstMessage {
  started?: true;
  answers?: Array<{ status: number; contentType: string | null; text: string }>;
}

export interface LatencyUnderAbuse {
  beforeMs: number;
  duringMs: number;
  afterMs: number;
  burstRequests: number;
  /** Simple queries that did not answer the unit, and burst answers that were not clean refusals. */
  wrong: string[];
}

/**
 * The simple query's median before, during and after a burst of refused requests from other
 * callers, sent back to back by one client: the gateway is never idle during the probe, yet the
 * figure measures how cheap a refusal is, not how a shared two-core machine copes with a flood.
 */
export async function latencyUnderAbuse(samples: number): Promise<LatencyUnderAbuse> {
  const before = await simpleQueryMedian(samples);
  const burst = await startAbuseBurst({ workers: 1, atLeast: 300, atMost: 1000 });
  const during = await simpleQueryMedian(samples);
  const abuse = await burst.stop();
  const after = await simpleQueryMedian(samples);
  return {
    beforeMs: Math.round(before.medianMs * 10) / 10,
    duringMs: Math.round(during.medianMs * 10) / 10,
    afterMs: Math.round(after.medianMs * 10) / 10,
    burstRequests: abuse.sent,
    wrong: [...before.wrong, ...during.wrong, ...after.wrong, ...abuse.unexpected],
  };
}
