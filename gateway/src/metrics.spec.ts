import { metricValue, scrapeMetrics } from '@ps/testing';
import { answerJson, codes, post, startGateway, startStubSubgraph } from './gateway.spec-support';

/** The gateway's `/metrics`: requests counted whether planned, refused at the edge or failed in a subgraph. */
let gateway: Awaited<ReturnType<typeof startGateway>>;
let organization: Awaited<ReturnType<typeof startStubSubgraph>>;

beforeAll(async () => {
  organization = await startStubSubgraph((_request, response) => answerJson(response, 200, { data: { unit: { name: 'Huyện Dầu Tiếng' } } }));
  gateway = await startGateway({ subgraphs: { organization: organization.url } });
});

afterAll(async () => {
  await gateway.stop();
  await organization.stop();
});

it('counts answered, refused and failed requests, and serves them without a token', async () => {
  const before = await scrapeMetrics(gateway.url);
  const answered = await post(gateway.url, { query: '{ unit(code: "720") { name } }' });
  const refused = await post(gateway.url, { query: '{ unit(code: "720") { name } }' }, '');
  const failed = await post(gateway.url, { query: '{ staffingProposal(id: "1") { id } }' });
  expect(answered.errors).toBeUndefined();
  expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
  expect(codes(failed)).toEqual(['SERVICE_UNAVAILABLE']);
  const after = await scrapeMetrics(gateway.url);
  const delta = (name: string, labels: Record<string, string> = {}) =>
    (metricValue(after, name, { service: 'gateway', ...labels }) ?? 0) - (metricValue(before, name, labels) ?? 0);
  expect(delta('ps_graphql_requests_total', { outcome: 'ok' })).toBe(1);
  expect(delta('ps_graphql_requests_total', { outcome: 'error' })).toBe(2);
  expect(delta('ps_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
  expect(delta('ps_graphql_errors_total', { code: 'SERVICE_UNAVAILABLE' })).toBe(1);
  expect(delta('ps_graphql_request_duration_seconds_count')).toBe(3);
  expect(after.filter((sample) => sample.labels.service !== 'gateway')).toEqual([]);
});
