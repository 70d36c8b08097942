import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { infrastructure, tokenFor } from '@ps/testing';

/**
 * The SSO host behind a provincial CA: the real Keycloak reached over TLS, through a proxy whose
 * certificate a CA of this test signed, as the verifier's backchannel. A verifier process trusts the CA
 * only through NODE_EXTRA_CA_CERTS (read by Node at start), for the key fetch (fetch) and the session
 * introspection (keycloak-connect's https) alike; without it, it holds no keys and says why.
 */
const folder = mkdtempSync(join(tmpdir(), 'sso-ca-'));
const file = (name: string) => join(folder, name);
const paths: string[] = [];
let proxy: Server;
let proxyUrl = '';

/** A CA and a certificate for 127.0.0.1 signed by it (openssl, as an IT center would make them). */
function makeCertificates(): void {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '1', '-subj', '/CN=Provincial test CA');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('sso.key'), '-out', file('sso.csr'), '-subj', '/CN=127.0.0.1');
  writeFileSync(file('sso.ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl('x509', '-req', '-in', file('sso.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file('sso.crt'), '-days', '1', '-extfile', file('sso.ext'));
}

/** TLS in front of the real Keycloak; records the paths asked. */
async function startProxy(): Promise<void> {
  const keycloak = new URL(infrastructure.keycloakUrl);
  proxy = createServer({ key: readFileSync(file('sso.key')), cert: readFileSync(file('sso.crt')) }, (incoming, outgoing) => {
    paths.push(incoming.url ?? '');
    const forwarded = request({ host: keycloak.hostname, port: keycloak.port, path: incoming.url, method: incoming.method, headers: { ...incoming.headers, host: keycloak.host } }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `https://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

/** The built verifier in a process of its own (NODE_EXTRA_CA_CERTS counts only at start): its key state, then a real token checked (generous timeouts: a busy CI machine). */
async function verifierProcess(extraCa: string | undefined, token: string): Promise<{ keys: { ready: boolean; lastFailure: { cause: string } | null }; role?: string; error?: string }> {
  const script = `
    const { createKeycloakVerifier } = require(${JSON.stringify(join(__dirname, '..', 'dist'))});
    const verifier = createKeycloakVerifier(
      { url: process.env.KEYCLOAK_URL, backchannelUrl: process.env.BACKCHANNEL, realm: process.env.REALM, clientId: process.env.CLIENT, keys: { timeoutMs: 30000 } },
      { info: () => undefined, warn: () => undefined },
      { clientSecret: process.env.SECRET, cacheMs: 1000, timeoutMs: 30000 },
    );
    (async () => {
      const keys = await verifier.signingKeys();
      const checked = await verifier.verify('Bearer ' + process.env.TOKEN).then((p) => ({ role: p.role }), (e) => ({ error: e.message }));
      process.stdout.write(JSON.stringify({ keys, ...checked }));
    })();`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KEYCLOAK_URL: infrastructure.keycloakUrl,
    BACKCHANNEL: proxyUrl,
    REALM: infrastructure.keycloakRealm,
    CLIENT: infrastructure.keycloakClientId,
    SECRET: infrastructure.keycloakClientSecret,
    TOKEN: token,
  };
  delete env.NODE_EXTRA_CA_CERTS;
  if (extraCa) env.NODE_EXTRA_CA_CERTS = extraCa;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { env, timeout: 90_000 }).catch((error: { stderr?: string; signal?: string }) => {
    throw new Error(`the verifier process failed (${error.signal ?? 'exit'}): ${error.stderr ?? ''}`);
  });
  return JSON.parse(stdout);
}

beforeAll(async () => {
  makeCertificates();
  await startProxy();
});
afterAll(async () => {
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  rmSync(folder, { recursive: true, force: true });
});

it('fetches the keys and introspects through the TLS backchannel once NODE_EXTRA_CA_CERTS names the CA', async () => {
  const answer = await verifierProcess(file('ca.crt'), await tokenFor('admin.thanhan'));
  expect(answer).toEqual({ keys: expect.objectContaining({ ready: true, lastFailure: null }), role: 'commune-admin' });
  expect(paths).toEqual(expect.arrayContaining([
    `/realms/${infrastructure.keycloakRealm}/protocol/openid-connect/certs`,
    `/realms/${infrastructure.keycloakRealm}/protocol/openid-connect/token/introspect`,
  ]));
}, 120_000);

it('holds no keys without the CA, and names the untrusted certificate', async () => {
  const answer = await verifierProcess(undefined, await tokenFor('admin.thanhan'));
  expect(answer.keys).toMatchObject({ ready: false, lastFailure: { cause: expect.stringMatching(/certificate/) } });
  expect(answer.error).toMatch(/The sign-in service \(Keycloak\) cannot be reached/);
}, 120_000);
