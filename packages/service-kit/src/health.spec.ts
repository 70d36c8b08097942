import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { SigningKeyState, TokenVerifier } from '@ps/auth';
import express from 'express';
import { mountHealth, signingKeyReadiness, type ReadinessCheck } from './health';

/** `/health/ready` over HTTP with a verifier whose key state the test sets. */
let state: SigningKeyState;
const verifier: TokenVerifier = {
  verify: () => Promise.reject(new Error('not used')),
  signingKeys: async () => state,
};
const database: ReadinessCheck = { name: 'database', check: async () => undefined };
let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  mountHealth(app, [database, ...signingKeyReadiness(verifier)]);
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ready = async () => {
  const response = await fetch(`${base}/health/ready`);
  return { status: response.status, body: (await response.json()) as { status: string; checks: Array<Record<string, unknown>> } };
};

it('is not ready (503) until the signing keys have been fetched, and says why', async () => {
  state = { ready: false, keyIds: [], fetchedAt: null, lastFailure: { at: '2026-12-06T10:00:00.000Z', cause: 'fetch failed: connect ECONNREFUSED 127.0.0.1:9' } };
  expect(await ready()).toEqual({
    status: 503,
    body: {
      status: 'not-ready',
      checks: [
        { name: 'database', ok: true },
        {
          name: 'signing-keys',
          ok: false,
          error: "Chưa lấy được khoá ký của realm / the realm's signing keys have not been fetched: fetch failed: connect ECONNREFUSED 127.0.0.1:9",
          keyIds: [],
          fetchedAt: null,
          lastFailure: state.lastFailure,
        },
      ],
    },
  });
});

it('is ready (200) while keys are held, even when the last refetch failed, and reports their state', async () => {
  state = { ready: true, keyIds: ['key-1'], fetchedAt: '2026-12-06T09:00:00.000Z', lastFailure: { at: '2026-12-06T10:00:00.000Z', cause: 'fetch failed' } };
  const { status, body } = await ready();
  expect(status).toBe(200);
  expect(body.checks[1]).toEqual({ name: 'signing-keys', ok: true, keyIds: ['key-1'], fetchedAt: '2026-12-06T09:00:00.000Z', lastFailure: state.lastFailure });
});

it('adds no check for a verifier without signing keys', () => {
  expect(signingKeyReadiness({ verify: () => Promise.reject(new Error('not used')) })).toEqual([]);
});
