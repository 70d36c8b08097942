import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { manifestsRoot, rendered } from './render';

const script = path.join(manifestsRoot, 'realm-import.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

describe('realm-import.mjs', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'realm-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('turns a realm export into a KeycloakRealmImport for the Keycloak CR declared in the base', () => {
    const realmFile = path.join(tmp, 'realm.json');
    fs.writeFileSync(realmFile, JSON.stringify({ realm: 'political-system', enabled: true, users: [{ username: 'demo' }], clients: [{ clientId: 'platform-api' }], roles: { realm: [] } }));
    const result = run('--realm-file', realmFile);
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    const cr = JSON.parse(result.stdout);
    const keycloak = rendered('base').find((o) => o.kind === 'Keycloak');
    expect(cr).toMatchObject({ kind: 'KeycloakRealmImport', apiVersion: keycloak?.apiVersion, metadata: { namespace: keycloak?.metadata.namespace } });
    expect(cr.spec.keycloakCRName).toBe(keycloak?.metadata.name);
    expect(cr.spec.realm.realm).toBe('political-system');
    expect(cr.spec.realm.users).toBeUndefined();
    expect(cr.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });

  it('fails without a realm file', () => {
    expect(run('--realm-file', path.join(tmp, 'nope.json')).status).not.toBe(0);
  });

  it('works on the realm export kept in the repository', () => {
    const result = run();
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).spec.realm.realm).toBe('political-system');
  });
});
