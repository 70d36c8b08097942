import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { DomainError, UnauthenticatedError } from '@ps/errors';
import { gatewayProofHeaders } from '@ps/gateway-proof';
import { infrastructure, metricValue, parseMetrics, scrapeMetrics, type MetricSample } from '@ps/testing';
import gql from 'graphql-tag';
import pino from 'pino';
import { listen } from '../lifecycle';
import { createSubgraphServer } from '../server';
import { observeMessaging } from './metrics.messaging';
import { createServiceMetrics } from './metrics.registry';

/** A real subgraph server on a free port with its metrics; no infrastructure. */
const logger = pino({ level: 'silent' });
const schema = buildSubgraphSchema({
  typeDefs: gql`
    type Query { unit: String, missing: String, foreign: String }
  `,
  resolvers: {
    Query: {
      unit: () => 'Huyện Thanh An',
      missing: () => Promise.reject(new DomainError('UNIT_NOT_FOUND', { vi: 'Không tìm thấy', en: 'Not found' })),
      foreign: () => Promise.reject(new DomainError('lower case {}', { vi: 'Lạ', en: 'Odd' })),
    },
  },
});

const metrics = createServiceMetrics('test-subgraph');
let server: Server;
let url: string;
beforeAll(async () => {
  const { app } = await createSubgraphServer({
    schema,
    logger,
    metrics,
    gatewayProofSecret: infrastructure.gatewayProofSecret,
    context: async (request) => {
      if (request.headers['x-refuse'] !== undefined) throw new UnauthenticatedError({ vi: 'Chưa đăng nhập', en: 'Not signed in' });
      return {};
    },
  });
  server = await listen(app, 0, { host: '127.0.0.1' });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = async (query: string, { proof = true, headers = {} }: { proof?: boolean; headers?: Record<string, string> } = {}) => {
  const body = JSON.stringify({ query });
  const signed = proof ? gatewayProofHeaders(infrastructure.gatewayProofSecret, { method: 'POST', path: '/graphql', body }) : {};
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...signed, ...headers }, body });
  return response.status;
};

/** How much each series moved while `act` ran. */
async function moved(act: () => Promise<unknown>): Promise<(name: string, labels?: Record<string, string>) => number> {
  const before = await scrapeMetrics(url);
  await act();
  const after = await scrapeMetrics(url);
  return (name, labels = {}) => (metricValue(after, name, labels) ?? 0) - (metricValue(before, name, labels) ?? 0);
}

describe('GraphQL request metrics', () => {
  it('counts an answer without errors as ok and times it', async () => {
    const delta = await moved(() => post('{ unit }'));
    expect(delta('ps_graphql_requests_total', { outcome: 'ok' })).toBe(1);
    expect(delta('ps_graphql_requests_total', { outcome: 'error' })).toBe(0);
    expect(delta('ps_graphql_request_duration_seconds_count')).toBe(1);
    expect(delta('ps_graphql_request_duration_seconds_sum')).toBeGreaterThan(0);
  });

  it.each([
    ['a typed error of a resolver', '{ missing }', {}, 'UNIT_NOT_FOUND'],
    ['a syntax error', '{ unit', {}, 'GRAPHQL_PARSE_FAILED'],
    ['a field the schema lacks', '{ nothing }', {}, 'GRAPHQL_VALIDATION_FAILED'],
    ['a context refused (no token)', '{ unit }', { 'x-refuse': '1' }, 'UNAUTHENTICATED'],
    ['a code outside the closed form', '{ foreign }', {}, 'OTHER'],
  ])('counts %s as an error with its code', async (_what, query, headers, code) => {
    const delta = await moved(() => post(query, { headers }));
    expect(delta('ps_graphql_requests_total', { outcome: 'error' })).toBe(1);
    expect(delta('ps_graphql_requests_total', { outcome: 'ok' })).toBe(0);
    expect(delta('ps_graphql_errors_total', { code })).toBe(1);
  });

  it('counts a request the edge refused (no gateway proof) with the code it was answered with', async () => {
    let status = 0;
    const delta = await moved(async () => (status = await post('{ unit }', { proof: false })));
    expect(status).toBe(403);
    expect(delta('ps_graphql_errors_total', { code: 'GATEWAY_PROOF_REQUIRED' })).toBe(1);
    expect(delta('ps_graphql_requests_total', { outcome: 'error' })).toBe(1);
  });
});

describe('GET /metrics', () => {
  it('answers without the gateway proof, in the Prometheus text format, every series labelled with the service', async () => {
    const response = await fetch(new URL('/metrics', url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parseMetrics(await response.text());
    // prom-client counts process CPU from its registration: a scrape right after it may read 0 (the clock's tick).
    expect(metricValue(samples, 'process_cpu_user_seconds_total', { service: 'test-subgraph' })).toBeGreaterThanOrEqual(0);
    expect(metricValue(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(samples.filter((sample) => sample.labels.service !== 'test-subgraph')).toEqual([]);
  });

  it('is not there when the server was created without metrics', async () => {
    const { app } = await createSubgraphServer({ schema, logger, context: async () => ({}), gatewayProofSecret: infrastructure.gatewayProofSecret });
    const bare = await listen(app, 0, { host: '127.0.0.1' });
    const response = await fetch(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/metrics`);
    await new Promise<void>((resolve) => bare.close(() => resolve()));
    expect(response.status).toBe(404);
  });
});

describe('messaging gauges', () => {
  const groups = [
    { groupId: 'organization.staffing-proposals', topics: ['reform.staffing-proposals'] },
    { groupId: 'organization.territory', topics: ['organization.units', 'organization.territory'] },
  ];
  const read = async (probes: Parameters<typeof observeMessaging>[1]): Promise<MetricSample[]> => {
    const own = createServiceMetrics('organization');
    observeMessaging(own, probes, logger);
    return parseMetrics(await own.registry.metrics());
  };

  it('reports the outbox backlog and the lag of every group on every topic at scrape time', async () => {
    const samples = await read({
      outboxBacklog: async () => 7,
      consumerGroups: groups,
      consumerLag: async () => [
        { group: 'organization.staffing-proposals', topic: 'reform.staffing-proposals', lag: 3 },
        { group: 'organization.territory', topic: 'organization.units', lag: 0 },
        { group: 'organization.territory', topic: 'organization.territory', lag: 12 },
      ],
    });
    expect(metricValue(samples, 'ps_outbox_backlog', { service: 'organization' })).toBe(7);
    expect(metricValue(samples, 'ps_consumer_lag', { group: 'organization.staffing-proposals', topic: 'reform.staffing-proposals' })).toBe(3);
    expect(metricValue(samples, 'ps_consumer_lag', { group: 'organization.territory', topic: 'organization.units' })).toBe(0);
    expect(metricValue(samples, 'ps_consumer_lag', { group: 'organization.territory', topic: 'organization.territory' })).toBe(12);
  });

  it('reports NaN, not 0, when the database or Kafka does not answer, and the scrape still succeeds', async () => {
    const samples = await read({
      outboxBacklog: () => Promise.reject(new Error('connection refused')),
      consumerGroups: groups,
      consumerLag: () => Promise.reject(new Error('broker away')),
    });
    expect(metricValue(samples, 'ps_outbox_backlog')).toBeNaN();
    const lags = samples.filter((sample) => sample.name === 'ps_consumer_lag');
    expect(lags).toHaveLength(3);
    for (const lag of lags) expect(lag.value).toBeNaN();
    expect(metricValue(samples, 'nodejs_heap_size_used_bytes', { service: 'organization' })).toBeGreaterThan(0);
  });
});
