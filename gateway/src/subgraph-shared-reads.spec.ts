import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { eventually, metricValue, scrapeMetrics } from '@ps/testing';
import { Response } from 'undici';
import { answerJson, codes, defaultGateway, post, startGateway, startStubSubgraph, type Answer } from './gateway.spec-support';
import { SHAREABLE_READ_HEADER, shareInFlightReads } from './subgraph-shared-reads';

const UNIT = 'query ($code: ID!) { unit(code: $code) { code name } }';
const unit720 = { data: { unit: { code: '720', name: 'Huyện Dầu Tiếng' } } };
const RENAME = {
  query: 'mutation ($input: UnitChangeInput!) { renameUnit(input: $input) { effectiveDate } }',
  variables: {
    input: {
      code: '720',
      name: 'Huyện Dầu Tiếng mới',
      change: { effectiveDate: '2026-01-01', reason: 'Đổi tên', decision: { number: '1/NQ', date: '2025-12-01', signer: 'Chủ tịch', issuer: 'NA_STANDING_COMMITTEE' } },
    },
  },
};
const SHARED = 'ps_gateway_subgraph_fetches_shared_total';

/** A subgraph that keeps every request waiting until the test answers it: fetches overlap for sure. */
async function startHeldSubgraph() {
  const held: Array<{ request: IncomingMessage; response: ServerResponse }> = [];
  const stub = await startStubSubgraph((request, response) => held.push({ request, response }));
  return {
    ...stub,
    answer: (status = 200, body: unknown = unit720) => held.splice(0).forEach(({ response }) => answerJson(response, status, body)),
    reset: () => held.splice(0).forEach(({ request }) => request.socket.destroy()),
  };
}

let organization: Awaited<ReturnType<typeof startHeldSubgraph>>;
let gateway: Awaited<ReturnType<typeof startGateway>>;

const sharedSoFar = async () => metricValue(await scrapeMetrics(gateway.url), SHARED, { subgraph: 'organization' }) ?? 0;

/** Sends `count` requests at once and, once each of their fetches reached the subgraph or joined one in flight, settles them. */
async function concurrently(count: number, send: (index: number) => Promise<Answer>, settle = async () => organization.answer()): Promise<Answer[]> {
  const [receivedBefore, sharedBefore] = [organization.received.length, await sharedSoFar()];
  const answers = Promise.all(Array.from({ length: count }, (_, index) => send(index)));
  const fetches = async () => organization.received.length - receivedBefore + (await sharedSoFar()) - sharedBefore;
  await eventually(async () => ((await fetches()) >= count ? true : undefined), { timeoutMs: 10_000, intervalMs: 20, what: `${count} subgraph fetches` });
  await settle();
  return answers;
}

/** The organization subgraph held, behind a gateway with deduplication on or off. */
function heldBehindGateway(deduplication: boolean): void {
  beforeAll(async () => {
    organization = await startHeldSubgraph();
    const subgraphs = { ...defaultGateway().subgraphs, deduplication };
    gateway = await startGateway({ subgraphs: { organization: organization.url }, gateway: { subgraphs } });
  });

  afterAll(async () => {
    await gateway.stop();
    await organization.stop();
  });

  beforeEach(() => {
    organization.received.length = 0;
  });
}

describe('identical subgraph reads in flight at once', () => {
  heldBehindGateway(true);

  it('share one request per caller, every caller getting the data, and are counted', async () => {
    const sharedBefore = await sharedSoFar();
    const answers = await concurrently(8, () => post(gateway.url, { query: UNIT, variables: { code: '720' } }, 'alice'));
    expect(answers.map((answer) => answer.data)).toEqual(Array(8).fill(unit720.data));
    expect(organization.received).toHaveLength(1);
    expect(organization.received[0].headers).not.toHaveProperty('x-ps-shareable-read');
    expect((await sharedSoFar()) - sharedBefore).toBe(7);
  });

  it('are never shared between two callers', async () => {
    const answers = await concurrently(4, (index) => post(gateway.url, { query: UNIT, variables: { code: '720' } }, index % 2 ? 'bob' : 'alice'));
    expect(answers.map((answer) => answer.data)).toEqual(Array(4).fill(unit720.data));
    expect(organization.received.map(({ headers }) => headers.authorization).sort()).toEqual(['Bearer alice', 'Bearer bob']);
  });

  it('are not shared when their variables differ', async () => {
    await concurrently(2, (index) => post(gateway.url, { query: UNIT, variables: { code: String(720 + index) } }));
    expect(organization.received).toHaveLength(2);
  });

  it('never include a mutation: each is sent', async () => {
    const answers = await concurrently(4, () => post(gateway.url, RENAME), async () => organization.answer(200, { data: { renameUnit: { effectiveDate: '2026-01-01' } } }));
    expect(answers.map((answer) => answer.errors)).toEqual(Array(4).fill(undefined));
    expect(organization.received).toHaveLength(4);
  });

  it('are forgotten once answered: the next identical read is a new request', async () => {
    for (let round = 0; round < 2; round += 1) {
      const [answer] = await concurrently(1, () => post(gateway.url, { query: UNIT, variables: { code: '720' } }));
      expect(answer.data).toEqual(unit720.data);
    }
    expect(organization.received).toHaveLength(2);
  });

  it('share a failure: every caller gets SERVICE_UNAVAILABLE, and the next read tries again', async () => {
    const failed = await concurrently(4, () => post(gateway.url, { query: UNIT, variables: { code: '720' } }), async () => organization.answer(503, { errors: [{ message: 'busy' }] }));
    expect(failed.map(codes)).toEqual(Array(4).fill(['SERVICE_UNAVAILABLE']));
    expect(failed.map((answer) => answer.data)).toEqual(Array(4).fill({ unit: null }));
    expect(organization.received).toHaveLength(1);

    const [next] = await concurrently(1, () => post(gateway.url, { query: UNIT, variables: { code: '720' } }));
    expect(next.data).toEqual(unit720.data);
    expect(organization.received).toHaveLength(2);
  });

  it('retry a reset connection together: one request again, not one per caller', async () => {
    const answers = await concurrently(4, () => post(gateway.url, { query: UNIT, variables: { code: '720' } }), async () => {
      organization.reset();
      await eventually(async () => (organization.received.length === 2 ? true : undefined), { timeoutMs: 10_000, intervalMs: 20, what: 'the retry' });
      organization.answer();
    });
    expect(answers.map((answer) => answer.data)).toEqual(Array(4).fill(unit720.data));
    expect(organization.received).toHaveLength(2);
  });
});

describe('with SUBGRAPH_DEDUPLICATION=false', () => {
  heldBehindGateway(false);

  it('every fetch is its own request', async () => {
    const answers = await concurrently(4, () => post(gateway.url, { query: UNIT, variables: { code: '720' } }));
    expect(answers.map((answer) => answer.data)).toEqual(Array(4).fill(unit720.data));
    expect(organization.received).toHaveLength(4);
  });
});

describe('the sharing fetcher', () => {
  type Fetcher = RemoteGraphQLDataSource['fetcher'];
  const sent: Array<Parameters<Fetcher>[1]> = [];
  const subgraph: Fetcher = async (_url, init) => {
    sent.push(init);
    await new Promise((resolve) => setImmediate(resolve));
    return new Response(JSON.stringify(unit720), { headers: { 'content-type': 'application/json' } }) as unknown as Awaited<ReturnType<Fetcher>>;
  };
  const read = (marked: boolean) => ({
    method: 'POST',
    headers: { authorization: 'Bearer alice', ...(marked ? { [SHAREABLE_READ_HEADER]: '1' } : {}) },
    body: JSON.stringify({ query: UNIT, variables: { code: '720' } }),
  });

  beforeEach(() => {
    sent.length = 0;
  });

  it('gives each waiter a response of its own, parsed into its own objects, and never sends the mark', async () => {
    const fetch = shareInFlightReads(subgraph, () => undefined);
    const responses = await Promise.all([fetch('http://organization/graphql', read(true)), fetch('http://organization/graphql', read(true))]);
    const [first, second] = await Promise.all(responses.map((response) => response.json()));
    expect(first).toEqual(unit720);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(second.data.unit).not.toBe(first.data.unit);
    expect(sent).toEqual([expect.objectContaining({ headers: { authorization: 'Bearer alice' } })]);
  });

  it('sends every unmarked request (a mutation, a schema load)', async () => {
    const fetch = shareInFlightReads(subgraph, () => undefined);
    await Promise.all([fetch('http://organization/graphql', read(false)), fetch('http://organization/graphql', read(false))]);
    expect(sent).toHaveLength(2);
  });
});
