import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Principal, TokenVerifier } from '@ps/auth';
import { UnauthenticatedError } from '@ps/errors';
import { closeServer, listen } from '@ps/service-kit';
import pino from 'pino';
import { gatewayEnvSchema, gatewaySettings, type GatewaySettings } from './config';
import { createGateway } from './server';
import { committedSupergraph } from './subgraphs';

export const PROOF_SECRET = 'a-unit-test-secret-of-at-least-32-characters';
/** A URL on a port nothing listens on (any more): a subgraph that is down. */
export async function downUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}/graphql`;
}

/** The bearer token is the username: each test user its own rate-limit key. */
const verifier: TokenVerifier = {
  async verify(authorization) {
    const username = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!username) throw new UnauthenticatedError({ vi: 'Thiếu mã truy cập', en: 'Missing bearer token' }, { reason: 'TOKEN_MISSING' });
    return { userId: `sub-${username}`, username, role: 'district-admin', tier: 'DISTRICT', capability: 'admin', unitCode: '720', roles: [], body: null } as Principal;
  },
};

/** The gateway's default settings (as from an environment that sets only what is required). */
export const defaultGateway = (): GatewaySettings =>
  gatewaySettings(gatewayEnvSchema.parse({ PORT: '0', KEYCLOAK_URL: 'http://127.0.0.1:9', KEYCLOAK_REALM: 'r', KEYCLOAK_CLIENT_ID: 'c', KEYCLOAK_CLIENT_SECRET: 'c-secret', GATEWAY_PROOF_SECRET: PROOF_SECRET }));

/** The real gateway app on a free port, over the committed supergraph; every subgraph down unless given. */
export async function startGateway(options: { gateway?: Partial<GatewaySettings>; subgraphs?: Record<string, string> } = {}) {
  const down = await downUrl();
  const { app, stop } = await createGateway({
    supergraphSdl: committedSupergraph(),
    subgraphUrls: { organization: down, personnel: down, evaluation: down, reform: down, ...options.subgraphs },
    verifier,
    logger: pino({ level: 'silent' }),
    gateway: { ...defaultGateway(), ...options.gateway },
  });
  const server = await listen(app, 0, { host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, url: `${base}/graphql`, stop: async () => (await closeServer(server).stop(), await stop()) };
}

export interface Answer {
  status: number;
  headers: Headers;
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: { code?: string; details?: Record<string, unknown> } }>;
}

export async function post(url: string, body: unknown, user = 'alice'): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${user}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
}

export const codes = (answer: Answer) => (answer.errors ?? []).map((error) => error.extensions?.code);

/** A stand-in subgraph: answers each request with `handle`, keeps what it received. */
export async function startStubSubgraph(handle: (request: IncomingMessage, response: ServerResponse, body: string) => void) {
  const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      handle(request, response, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { url, received, stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))) };
}

export function answerJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
