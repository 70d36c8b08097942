import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { errorCodes } from './graphql-client';
import { metricValue, parseMetrics } from './metrics';
import { repositoryRoot } from './repository';
import { serviceTestEnv } from './service-env';
import { publishAndAwait } from './wait';

describe('test harness', () => {
  it('finds the monorepo root', () => {
    expect(existsSync(join(repositoryRoot(), 'pnpm-workspace.yaml'))).toBe(true);
  });

  it('gives each service its own test database and topic prefix', () => {
    const env = serviceTestEnv('personnel');
    // A checkout's own suffix (PS_TEST_DATABASE_SUFFIX) follows the name.
    expect(new URL(env.DATABASE_URL).pathname).toBe(`/ps_personnel_test${process.env.PS_TEST_DATABASE_SUFFIX ?? ''}`);
    expect(env.KAFKA_TOPIC_PREFIX).toMatch(/^test-personnel-/);
    expect(env.PORT).toBe('0');
    expect(env.GATEWAY_PROOF_SECRET.length).toBeGreaterThanOrEqual(32); // what the subgraphs require

  });

  it('lists error codes of a response', () => {
    expect(errorCodes({ status: 200, errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }, { message: 'y' }] })).toEqual([
      'FORBIDDEN',
      'NONE',
    ]);
  });

  it('publishes, then waits until as many messages are applied', async () => {
    const published: string[] = [];
    let applied = 0;
    const counts: number[] = [];
    await publishAndAwait(
      ['a', 'b'],
      async (messages) => void published.push(...messages),
      async () => {
        counts.push(applied);
        applied += 1; // one more applied on every poll
        return applied;
      },
    );
    expect(published).toEqual(['a', 'b']);
    expect(counts).toEqual([0, 1]); // it polled until the second was applied, and no longer
  });

  it('reads samples of a Prometheus exposition by name and labels', () => {
    const samples = parseMetrics(
      '# HELP x_total X\n# TYPE x_total counter\nx_total{service="a",code="B"} 3\nx_total{service="a",code="C"} 4\ny 5\nz NaN\n',
    );
    expect(metricValue(samples, 'x_total', { code: 'C' })).toBe(4);
    expect(metricValue(samples, 'x_total', { service: 'a' })).toBe(3);
    expect(metricValue(samples, 'y')).toBe(5);
    expect(metricValue(samples, 'z')).toBeNaN();
    expect(metricValue(samples, 'x_total', { code: 'D' })).toBeUndefined();
  });
});
