import type { AddressInfo } from 'node:net';
import { gatewayProofHeaders } from '@ps/gateway-proof';
import express from 'express';
import { keepRawBody, requireGatewayProof } from './gateway-proof';
import pino from 'pino';
import { answerEverythingElse } from './edge/edge.http';
import { closeServer, listen } from './lifecycle';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';

async function withProvedApp(test: (url: string) => Promise<void>): Promise<void> {
  const app = express();
  app.use('/graphql', express.json({ verify: keepRawBody }), requireGatewayProof(SECRET), (request, response) => {
    response.json({ data: { echo: request.body } });
  });
  answerEverythingElse(app, pino({ level: 'silent' }));
  const server = await listen(app, 0, { host: '127.0.0.1' });
  try {
    await test(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
  } finally {
    await closeServer(server).stop();
  }
}

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('requireGatewayProof', () => {
  const body = JSON.stringify({ query: '{ unit(code: "720") { code } }' });

  it('lets a request signed over its exact bytes through', async () => {
    await withProvedApp(async (url) => {
      const response = await post(url, body, gatewayProofHeaders(SECRET, { method: 'POST', path: '/graphql', body }));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { echo: JSON.parse(body) } });
    });
  });

  it('answers 403 GATEWAY_PROOF_REQUIRED as JSON without a proof, or with one made for other bytes', async () => {
    await withProvedApp(async (url) => {
      const missing = await post(url, body);
      expect(missing.status).toBe(403);
      expect(await missing.json()).toEqual({
        errors: [{ message: expect.stringMatching(/^Dịch vụ này .* \/ This service/), extensions: { code: 'GATEWAY_PROOF_REQUIRED', details: { reason: 'MISSING' } } }],
      });
      // The same JSON value written differently is other bytes: the proof does not carry over.
      const respaced = await post(url, body.replace(':', ': '), gatewayProofHeaders(SECRET, { method: 'POST', path: '/graphql', body }));
      expect(respaced.status).toBe(403);
      expect(((await respaced.json()) as { errors: Array<{ extensions: unknown }> }).errors[0].extensions).toMatchObject({ details: { reason: 'MISMATCH' } });
    });
  });
});
