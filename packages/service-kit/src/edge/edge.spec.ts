import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { LocalDate } from '@ps/effective-dating';
import { gatewayProofHeaders } from '@ps/gateway-proof';
import { infrastructure, LEAKS, VIETNAMESE_FIRST, malformedRequests, sendMalformed } from '@ps/testing';
import express from 'express';
import gql from 'graphql-tag';
import pino from 'pino';
import { listen } from '../lifecycle';
import { createSubgraphServer, SUBGRAPH_MAX_TOKENS } from '../server';
import { answerEverythingElse } from './edge.http';
import { DEFAULT_EDGE_SETTINGS, type EdgeSettings } from './edge.settings';

/** A real subgraph server on a free port, behind the edge, without infrastructure. */
const logger = pino({ level: 'silent' });
const schema = buildSubgraphSchema({
  typeDefs: gql`
    scalar LocalDate
    enum Tier { PROVINCE DISTRICT COMMUNE }
    type Query { unit(code: ID!, asOf: LocalDate, tier: Tier): String }
  `,
  resolvers: { LocalDate, Query: { unit: (_source: unknown, args: { code: string; asOf?: string }) => `${args.code}@${args.asOf ?? 'today'}` } },
});

async function startEdge(edge: EdgeSettings): Promise<{ url: string; server: Server }> {
  const { app } = await createSubgraphServer({ schema, logger, context: async () => ({}), edge, gatewayProofSecret: infrastructure.gatewayProofSecret });
  const server = await listen(app, 0, { host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

/** Signed as the gateway signs: the server judges the request, not a missing proof. */
const proved = (body: string) => gatewayProofHeaders(infrastructure.gatewayProofSecret, { method: 'POST', path: '/graphql', body });
const post = async (url: string, body: unknown) => {
  const text = JSON.stringify(body);
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...proved(text) }, body: text });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions: Record<string, unknown> }> } };
};

describe('the production edge (the defaults)', () => {
  const edge = { ...DEFAULT_EDGE_SETTINGS, bodyLimitBytes: 4096 };
  let started: { url: string; server: Server };
  beforeAll(async () => {
    started = await startEdge(edge);
  });
  afterAll(() => new Promise<void>((resolve) => started.server.close(() => resolve())));

  it.each(malformedRequests(edge.bodyLimitBytes).map((request) => [request.name, request.status, request.code, request] as const))(
    'answers %s with %i %s, JSON, Vietnamese first, nothing leaked',
    async (_name, status, code, request) => {
      const answer = await sendMalformed(started.url, request);
      expect(answer.status).toBe(status);
      expect(answer.contentType).toMatch(/^application\/(graphql-response\+)?json/);
      const [error] = (JSON.parse(answer.text) as { errors: Array<{ message: string; extensions: { code: string } }> }).errors;
      expect(error.extensions.code).toBe(code);
      expect(error.message).toMatch(VIETNAMESE_FIRST);
      expect(answer.text).not.toMatch(LEAKS);
      if (status === 405) expect(answer.allow).toBe('POST');
    },
  );

  // The proof covers the bytes after decompression, as the server reads them.
  const GZIPPED = JSON.stringify({ query: '{ unit(code: "720", asOf: "2025-06-30") }' });
  it('answers a gzip body within the limit', async () => {
    const response = await fetch(started.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-encoding': 'gzip', ...proved(GZIPPED) },
      body: gzipSync(GZIPPED),
    });
    expect(await response.json()).toEqual({ data: { unit: '720@2025-06-30' } });
  });

  it('refuses introspection, but still answers the SDL composition reads', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Query") { name } }']) {
      const { status, body } = await post(started.url, { query });
      expect(status).toBe(400);
      expect(body.errors?.[0].message).toBe('Truy vấn cấu trúc lược đồ (introspection) đang tắt / Introspection is disabled');
    }
    const { body } = await post(started.url, { query: '{ _service { sdl } }' });
    expect(String((body.data?._service as { sdl: string }).sdl)).toContain('unit(code: ID!');
  });

  it('suggests no field or enum value, in validation or in variables', async () => {
    const field = await post(started.url, { query: '{ unitt(code: "720") }' });
    expect(field.body.errors?.[0].message).toBe('Truy vấn không khớp với lược đồ / Cannot query field "unitt" on type "Query".');
    const value = await post(started.url, { query: 'query ($tier: Tier) { unit(code: "720", tier: $tier) }', variables: { tier: 'DISTRIC' } });
    expect(value.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(value.body.errors?.[0].message).not.toMatch(/Did you mean|DISTRICT/);
  });

  it('refuses a bad date as a variable and as a literal with BAD_USER_INPUT, in its own words', async () => {
    for (const request of [
      { query: 'query ($asOf: LocalDate) { unit(code: "720", asOf: $asOf) }', variables: { asOf: '2025-02-29' } },
      { query: '{ unit(code: "720", asOf: "2025-02-29") }' },
    ]) {
      const { status, body } = await post(started.url, request);
      expect(status).toBe(400);
      expect(body.errors?.[0]).toMatchObject({
        message: 'Ngày không hợp lệ: cần một ngày có thật, viết dạng YYYY-MM-DD / Invalid date: expected a real calendar day written YYYY-MM-DD',
        extensions: { code: 'BAD_USER_INPUT', details: { reason: 'DATE_INVALID' } },
      });
    }
  });
});

describe('a signed document too long for any gateway fetch', () => {
  let started: { url: string; server: Server };
  beforeAll(async () => {
    started = await startEdge(DEFAULT_EDGE_SETTINGS);
  });
  afterAll(() => new Promise<void>((resolve) => started.server.close(() => resolve())));

  it(`stops parsing at ${SUBGRAPH_MAX_TOKENS.toLocaleString('en')} tokens, before validation`, async () => {
    const { status, body } = await post(started.url, { query: `{ ${'__typename '.repeat(SUBGRAPH_MAX_TOKENS)}}` });
    expect(status).toBe(400);
    // graphql-js 16 spells it "more that".
    expect(body.errors?.[0]).toMatchObject({
      message: `Truy vấn GraphQL sai cú pháp / Syntax Error: Document contains more that ${SUBGRAPH_MAX_TOKENS} tokens. Parsing aborted.`,
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    const within = await post(started.url, { query: `{ ${'__typename '.repeat(1000)}}` });
    expect(within.body.data).toEqual({ __typename: 'Query' });
  });
});

describe('an edge configured otherwise', () => {
  let started: { url: string; server: Server };
  beforeAll(async () => {
    started = await startEdge({ ...DEFAULT_EDGE_SETTINGS, introspection: true, dateRange: { min: '2000-01-01', max: '2030-12-31' } });
  });
  afterAll(() => new Promise<void>((resolve) => started.server.close(() => resolve())));

  it('answers introspection and suggests fields when introspection is on', async () => {
    expect((await post(started.url, { query: '{ __type(name: "Query") { name } }' })).body).toEqual({ data: { __type: { name: 'Query' } } });
    const { body } = await post(started.url, { query: '{ unitt(code: "720") }' });
    expect(body.errors?.[0].message).toContain('Did you mean "unit"?');
  });

  it('takes the configured date range', async () => {
    const { body } = await post(started.url, { query: '{ unit(code: "720", asOf: "1999-12-31") }' });
    expect(body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', details: { reason: 'DATE_OUT_OF_RANGE', min: '2000-01-01', max: '2030-12-31' } });
  });
});

describe('answerEverythingElse', () => {
  it('logs an unexpected error and answers 500 in generic words, as JSON', async () => {
    const logged: unknown[] = [];
    const app = express();
    app.get('/boom', () => {
      throw new Error('ENOENT: /srv/app/node_modules/secret.js');
    });
    answerEverythingElse(app, pino({ level: 'error' }, { write: (line: string) => void logged.push(JSON.parse(line)) }));
    const server = await listen(app, 0, { host: '127.0.0.1' });
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/boom`);
    server.close();
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: 'Lỗi hệ thống, vui lòng thử lại sau / Internal error, please try again later', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    expect(logged).toEqual([expect.objectContaining({ msg: 'unexpected error at the edge', err: expect.objectContaining({ message: 'ENOENT: /srv/app/node_modules/secret.js' }) })]);
  });
});
