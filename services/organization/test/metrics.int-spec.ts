import { randomUUID } from 'node:crypto';
import { ORGANIZATION_TOPIC, REFORM_TOPIC } from '@ps/contracts';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import {
  DEMO_USERS,
  eventually,
  graphqlRequest,
  metricValue,
  recreateTestDatabase,
  scrapeMetrics,
  serviceTestEnv,
  tokenFor,
} from '@ps/testing';
import { seedDemoTerritory } from '../src/seed/demo-territory';
import { organizationService } from '../src/service';

/**
 * `/metrics` of a real subgraph (PostgreSQL, Kafka, Keycloak): requests counted by outcome and
 * error code, the outbox backlog as the relay sees it, the lag of the service's consumer group.
 */
const env = loadEnv(serviceEnvSchema, serviceTestEnv('organization', 'ps_organization_metrics_test'));
const GROUP = 'organization.staffing-proposals';
let service: RunningService;
let token: string;

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(organizationService, env);
  await seedDemoTerritory(service.dataSource);
  token = await tokenFor(DEMO_USERS.provinceAdmin);
});

afterAll(() => service?.stop());

const scrape = () => scrapeMetrics(service.url);
const backlogIs = (expected: number) => async () =>
  metricValue(await scrape(), 'ps_outbox_backlog', { service: 'organization' }) === expected ? true : undefined;

it('counts GraphQL requests by outcome, their errors by code and their durations', async () => {
  const before = await scrape();
  const unit = await graphqlRequest(service.url, '{ unit(code: "720") { name } }', { token });
  const badDate = await graphqlRequest(service.url, '{ unit(code: "720", asOf: "2025-13-45") { name } }', { token });
  const noToken = await graphqlRequest(service.url, '{ unit(code: "720") { name } }');
  expect([unit.status, badDate.status, noToken.status]).toEqual([200, 400, 401]);
  const after = await scrape();
  const delta = (name: string, labels: Record<string, string> = {}) =>
    (metricValue(after, name, { service: 'organization', ...labels }) ?? 0) - (metricValue(before, name, labels) ?? 0);
  expect(delta('ps_graphql_requests_total', { outcome: 'ok' })).toBe(1);
  expect(delta('ps_graphql_requests_total', { outcome: 'error' })).toBe(2);
  expect(delta('ps_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);
  expect(delta('ps_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
  expect(delta('ps_graphql_request_duration_seconds_count')).toBe(2);
  expect(metricValue(after, 'process_resident_memory_bytes', { service: 'organization' })).toBeGreaterThan(0);
});

it('reports the outbox rows Kafka has not taken yet, and 0 once the relay has published them', async () => {
  await eventually(backlogIs(0), { what: 'the seed events published' });
  // A row Kafka refuses (no topic may be named so) holds back the relay's whole batch.
  await service.dataSource.query(
    `INSERT INTO outbox (id, topic, message_key, event_type, envelope) VALUES ($1, 'no such topic!', 'k', 'Refused', '{}')`,
    [randomUUID()],
  );
  const created = await graphqlRequest(
    service.url,
    'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { code } }',
    {
      token,
      variables: {
        input: {
          code: '25898',
          name: 'Xã Đo Lường',
          tier: 'COMMUNE',
          parentCode: '720',
          change: {
            effectiveDate: '2026-01-01',
            reason: 'Thành lập xã mới',
            decision: { number: '13/NQ-UBTVQH15', date: '2025-12-20', signer: 'Chủ tịch Quốc hội', issuer: 'NA_STANDING_COMMITTEE' },
          },
        },
      },
    },
  );
  expect(created.errors).toBeUndefined();
  await eventually(backlogIs(2), { what: 'the refused row and UnitCreated waiting' });
  await service.dataSource.query(`DELETE FROM outbox WHERE topic = 'no such topic!'`);
  await eventually(backlogIs(0), { what: 'UnitCreated published', timeoutMs: 20_000 });
  const published = await service.bus.readAll(ORGANIZATION_TOPIC);
  expect(published.filter((message) => message.value?.includes('"25898"') && message.headers['event-type'] === 'UnitCreated')).toHaveLength(1);
});

it("reports the lag of the service's consumer group on the topic it reads", async () => {
  // A message the consumer cannot read: it dead-letters it and commits past it.
  await service.bus.publish([{ topic: REFORM_TOPIC, key: 'metrics', value: 'not an envelope' }]);
  await eventually(
    async () => (metricValue(await scrape(), 'ps_consumer_lag', { group: GROUP, topic: REFORM_TOPIC }) === 0 ? true : undefined),
    { what: 'the consumer group caught up' },
  );
  // A group that has read nothing is behind by every message on the topic.
  const [idle] = await service.bus.consumerLags([{ groupId: `${GROUP}.idle`, topics: [REFORM_TOPIC] }]);
  expect(idle).toEqual({ group: `${GROUP}.idle`, topic: REFORM_TOPIC, lag: 1 });
});
