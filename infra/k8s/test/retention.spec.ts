import { field, renderOverlay } from '../src/overlay-budget';

const DAY_MS = 86_400_000;

describe.each([
  ['staging', '7d'],
  ['production', '30d'],
])('the %s overlay keeps', (overlay, window) => {
  const objects = renderOverlay(overlay);
  const ofKind = (kind: string) => objects.filter((object) => object.kind === kind);
  const store = ofKind('ObjectStore')[0];

  it(`PostgreSQL backups for a ${window} recovery window in its own object store folder`, () => {
    expect(field(store, 'spec', 'retentionPolicy')).toBe(window);
    expect(String(field(store, 'spec', 'configuration', 'destinationPath'))).toMatch(new RegExp(`^s3://[^/]+/${overlay}$`));
    expect(field(store, 'spec', 'configuration', 's3Credentials', 'accessKeyId', 'name')).toBe('platform-db-backup-s3');
  });

  it('archives WAL continuously and takes a base backup every day through the plugin', () => {
    const cluster = ofKind('Cluster')[0];
    expect(field(cluster, 'spec', 'plugins')).toEqual([
      { name: 'barman-cloud.cloudnative-pg.io', isWALArchiver: true, parameters: { barmanObjectName: field(store, 'metadata', 'name') } },
    ]);
    const [scheduled] = ofKind('ScheduledBackup');
    expect(field(scheduled, 'spec')).toMatchObject({
      cluster: { name: field(cluster, 'metadata', 'name') },
      method: 'plugin',
      pluginConfiguration: { name: 'barman-cloud.cloudnative-pg.io' },
    });
    // six fields, seconds first: once a day
    expect(String(field(scheduled, 'spec', 'schedule'))).toMatch(/^\d+ \d+ \d+ \* \* \*$/);
  });

  it('events 30 days and dead letters longer, on every topic', () => {
    const topics = ofKind('KafkaTopic').map((topic) => ({
      name: String(field(topic, 'spec', 'topicName')),
      days: Number(field(topic, 'spec', 'config', 'retention.ms')) / DAY_MS,
    }));
    expect(topics).toHaveLength(8);
    for (const topic of topics.filter((candidate) => !candidate.name.endsWith('.dlq'))) {
      expect(topic.days).toBe(30);
      expect(topics.find((candidate) => candidate.name === `${topic.name}.dlq`)?.days).toBeGreaterThan(topic.days);
    }
  });
});
