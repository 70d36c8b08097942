import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, sign, type KeyPairKeyObjectResult } from 'node:crypto';

/**
 * A local stand-in for Keycloak's JWKS endpoint that can publish another key set, stop answering
 * and come back, and tokens signed as the realm would sign them (for the realm-keys specs).
 */
export const REALM = 'political-system';
export const CLIENT = 'platform-api';
const CERTS = `/realms/${REALM}/protocol/openid-connect/certs`;
const rsaKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
export const firstKey = rsaKey();
export const rotatedKey = rsaKey();

/** The JWKS endpoint: `published` is what it answers, `fetches` how often it was asked. */
export class FakeRealm {
  published = new Map<string, KeyPairKeyObjectResult>([['key-1', firstKey]]);
  fetches = 0;
  hang = false;
  private server: Server | null = null;
  port = 0;

  async up(): Promise<void> {
    this.server = createServer((request, response) => {
      if (request.url !== CERTS) return void response.writeHead(404).end();
      this.fetches += 1;
      if (this.hang) return;
      const keys = [...this.published].map(([kid, pair]) => ({ ...pair.publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async down(): Promise<void> {
    const server = this.server;
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
}

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token signed under `kid`, issued (by default) by the fake realm's own URL, with `overrides` among its claims. */
export function tokenUnder(realm: FakeRealm, kid: string, pair: KeyPairKeyObjectResult, issuerBase: string = realm.url, overrides: object = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = { exp: now + 300, iat: now, iss: `${issuerBase}/realms/${REALM}`, aud: CLIENT, typ: 'Bearer', sub: 'user-1', sid: 'session-1', preferred_username: 'admin.dautieng', unit_code: '720', realm_access: { roles: ['district-admin'] }, ...overrides };
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part(claims)}`;
  return `Bearer ${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), pair.privateKey).toString('base64url')}`;
}

