import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { field, K8S_DIR, renderOverlay, type KubeObject } from '../src/overlay-budget';

const SCRIPT = join(K8S_DIR, 'scripts', 'restore.sh');

function restore(...args: string[]) {
  const run = spawnSync('bash', [SCRIPT, ...args], { encoding: 'utf8' });
  const objects = run.status === 0 ? parseAllDocuments(run.stdout).map((document) => document.toJS() as KubeObject) : [];
  return { status: run.status, stderr: run.stderr, objects, byKind: (kind: string) => objects.find((object) => object.kind === kind) };
}

describe('scripts/restore.sh (printing, not applying)', () => {
  const production = renderOverlay('production');
  const original = production.find((object) => object.kind === 'Cluster');
  const run = restore('--overlay', 'production', '--target-time', '2026-12-01T08:30:00+07:00', '--archive-as', 'platform-db-pitr-1');
  const cluster = run.byKind('Cluster');

  it('prints only the recovered Cluster and the NetworkPolicy that opens it', () => {
    expect(run.status).toBe(0);
    expect(run.objects.map((object) => [object.kind, field(object, 'metadata', 'name')])).toEqual([
      ['NetworkPolicy', 'platform-db-restore-ingress'],
      ['Cluster', 'platform-db-restore'],
    ]);
    expect(field(run.byKind('NetworkPolicy'), 'spec', 'podSelector', 'matchLabels', 'cnpg.io/cluster')).toBe('platform-db-restore');
  });

  it('recovers from platform-db’s backups in the object store, to the target time', () => {
    expect(field(cluster, 'spec', 'bootstrap')).toEqual({
      recovery: { source: 'origin', database: 'app', owner: 'app', recoveryTarget: { targetTime: '2026-12-01T08:30:00+07:00' } },
    });
    expect(field(cluster, 'spec', 'externalClusters')).toEqual([
      { name: 'origin', plugin: { name: 'barman-cloud.cloudnative-pg.io', parameters: { barmanObjectName: 'platform-db-backup', serverName: 'platform-db' } } },
    ]);
  });

  it('archives its own WAL under a new server name, never into the original cluster’s folder', () => {
    expect(field(cluster, 'spec', 'plugins')).toEqual([
      { name: 'barman-cloud.cloudnative-pg.io', isWALArchiver: true, parameters: { barmanObjectName: 'platform-db-backup', serverName: 'platform-db-pitr-1' } },
    ]);
  });

  it('keeps the overlay’s sizes and roles', () => {
    for (const path of [['instances'], ['storage'], ['resources'], ['postgresql'], ['managed']]) {
      expect(field(cluster, 'spec', ...path)).toEqual(field(original, 'spec', ...path));
    }
  });

  it('replays to the end of the archive when no target time is given', () => {
    const latest = restore('--overlay', 'staging', '--name', 'platform-db');
    expect(field(latest.byKind('Cluster'), 'spec', 'bootstrap')).toEqual({ recovery: { source: 'origin', database: 'app', owner: 'app' } });
    expect(field(latest.byKind('Cluster'), 'spec', 'storage', 'size')).toBe('10Gi');
    expect(String(field(latest.byKind('Cluster'), 'spec', 'plugins', 0, 'parameters', 'serverName'))).toMatch(/^platform-db-\d{14}$/);
  });

  it.each([
    [['--overlay', 'production', '--target-time', '2026-12-01 08:30'], /--target-time .*RFC 3339/],
    [['--overlay', 'production', '--target-time', '2026-12-01T08:30:00'], /--target-time .*RFC 3339/],
    [['--overlay', 'nowhere'], /--overlay/],
    [['--overlay', 'production', '--archive-as', 'platform-db'], /--archive-as/],
    [['--overlay', 'production', '--name', 'Platform_DB'], /--name/],
    [['--overlay', 'production', '--apply-now'], /unknown argument/],
  ])('refuses %j with a message naming what is wrong', (args, message) => {
    const refused = restore(...args);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(message);
  });
});
