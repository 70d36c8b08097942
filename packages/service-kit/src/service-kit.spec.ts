import { applyDateRange, DEFAULT_DATE_RANGE } from '@ps/effective-dating';
import type { BadUserInputError } from '@ps/errors';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import gql from 'graphql-tag';
import { z } from 'zod';
import { edgeSettings } from './edge/edge.settings';
import { ConfigError, edgeEnvSchema, loadEnv, serviceEnvSchema } from './env';
import { groupBy, groupLoader, mapLoader } from './loaders';
import { deepMerge, referenceByKey, refuseUnknownRepresentations } from './schema';

describe('loadEnv', () => {
  const complete = {
    PORT: '4001',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/ps_organization',
    KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
    KEYCLOAK_URL: 'http://127.0.0.1:8180',
    KEYCLOAK_REALM: 'political-system',
    KEYCLOAK_CLIENT_ID: 'platform-api',
    GATEWAY_PROOF_SECRET: 'local-gateway-proof-secret-32-characters',
  };

  it('parses and defaults the service variables', () => {
    const env = loadEnv(serviceEnvSchema, complete);
    expect(env).toMatchObject({ PORT: 4001, KAFKA_BROKERS: ['127.0.0.1:9092', '127.0.0.1:9093'], MIGRATE_ON_START: true, DATABASE_POOL_SIZE: 10 });
    expect(env.KAFKA_TOPIC_PREFIX).toBe('');
  });

  it('names every missing or malformed variable at once', () => {
    const attempt = () => loadEnv(serviceEnvSchema, { ...complete, PORT: 'x', DATABASE_URL: undefined });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'PORT']);
    }
  });

  it('listens for outbox commits on DATABASE_LISTEN_URL, DATABASE_URL when empty, and not at all with OUTBOX_WAKE_ON_COMMIT=false', () => {
    const direct = 'postgres://organization@platform-db-rw:5432/organization';
    expect(loadEnv(serviceEnvSchema, { ...complete, DATABASE_LISTEN_URL: direct })).toMatchObject({ DATABASE_LISTEN_URL: direct, OUTBOX_WAKE_ON_COMMIT: true });
    expect(loadEnv(serviceEnvSchema, { ...complete, DATABASE_LISTEN_URL: '' }).DATABASE_LISTEN_URL).toBeUndefined();
    expect(loadEnv(serviceEnvSchema, { ...complete, OUTBOX_WAKE_ON_COMMIT: 'false' }).OUTBOX_WAKE_ON_COMMIT).toBe(false);
    expect(() => loadEnv(serviceEnvSchema, { ...complete, DATABASE_LISTEN_URL: 'platform-db-rw' })).toThrow(/DATABASE_LISTEN_URL/);
  });

  it('takes the database pool size from DATABASE_POOL_SIZE and refuses one outside 1..100', () => {
    expect(loadEnv(serviceEnvSchema, { ...complete, DATABASE_POOL_SIZE: '4' }).DATABASE_POOL_SIZE).toBe(4);
    for (const bad of ['0', '101', 'ten', '2.5']) {
      expect(() => loadEnv(serviceEnvSchema, { ...complete, DATABASE_POOL_SIZE: bad })).toThrow(/DATABASE_POOL_SIZE/);
    }
  });

  it('reads Kafka TLS and SCRAM, plaintext by default, and names what SCRAM lacks', () => {
    expect(loadEnv(serviceEnvSchema, complete)).toMatchObject({ KAFKA_SSL: false, KAFKA_SASL_MECHANISM: 'none' });
    const cluster = { ...complete, KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_USERNAME: 'organization' };
    expect(() => loadEnv(serviceEnvSchema, cluster)).toThrow(/KAFKA_PASSWORD: required when KAFKA_SASL_MECHANISM=scram-sha-512/);
    expect(loadEnv(serviceEnvSchema, { ...cluster, KAFKA_PASSWORD: 'secret' })).toMatchObject({ KAFKA_SSL: true, KAFKA_USERNAME: 'organization' });
  });

  it('refuses a gateway proof secret shorter than 32 characters', () => {
    expect(() => loadEnv(serviceEnvSchema, { ...complete, GATEWAY_PROOF_SECRET: 'short' })).toThrow(/GATEWAY_PROOF_SECRET/);
  });

  it('defaults the edge to production: introspection off, 1 MB bodies, 10,000-character strings, dates 1945-09-02..2100-12-31, 65 s keep-alive', () => {
    expect(edgeSettings(loadEnv(serviceEnvSchema, complete))).toEqual({
      introspection: false,
      bodyLimitBytes: 1_048_576,
      textMaxLength: 10_000,
      dateRange: { min: '1945-09-02', max: '2100-12-31' },
      keepAliveTimeoutMs: 65_000,
    });
  });

  it('reads the edge from its variables, and refuses dates that are no days or a range that ends before it starts', () => {
    const edge = { GRAPHQL_INTROSPECTION: 'true', REQUEST_BODY_LIMIT_BYTES: '65536', LOCAL_DATE_MIN: '2000-01-01', HTTP_KEEP_ALIVE_TIMEOUT_MS: '90000' };
    expect(edgeSettings(loadEnv(edgeEnvSchema, edge))).toMatchObject({ introspection: true, bodyLimitBytes: 65_536, dateRange: { min: '2000-01-01' }, keepAliveTimeoutMs: 90_000 });
    expect(() => loadEnv(edgeEnvSchema, { LOCAL_DATE_MAX: '2100-02-30' })).toThrow(/LOCAL_DATE_MAX: expected a real calendar day/);
    expect(() => loadEnv(edgeEnvSchema, { GRAPHQL_INTROSPECTION: 'yes' })).toThrow(ConfigError);
    expect(() => edgeSettings(loadEnv(edgeEnvSchema, { LOCAL_DATE_MIN: '2030-01-01', LOCAL_DATE_MAX: '2020-01-01' }))).toThrow(/LOCAL_DATE_MIN/);
  });

  it('works for any schema', () => {
    expect(loadEnv(z.object({ A: z.string() }), { A: 'a' })).toEqual({ A: 'a' });
  });
});

describe('batch loaders', () => {
  it('runs one batch query for many keys and answers each key in order', async () => {
    const batches: string[][] = [];
    const loader = mapLoader(async (keys: readonly string[]) => {
      batches.push([...keys]);
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]));
    }, null);
    await expect(Promise.all(['a', 'missing', 'b'].map((k) => loader.load(k)))).resolves.toEqual(['A', null, 'B']);
    expect(batches).toEqual([['a', 'missing', 'b']]);
  });

  it('groups one-to-many rows, empty for keys without rows', async () => {
    const loader = groupLoader(async (keys: readonly string[]) =>
      groupBy(
        [{ parent: 'a', id: 1 }, { parent: 'a', id: 2 }].filter((row) => keys.includes(row.parent)),
        (row) => row.parent,
      ),
    );
    await expect(Promise.all([loader.load('a'), loader.load('b')])).resolves.toEqual([
      [{ parent: 'a', id: 1 }, { parent: 'a', id: 2 }],
      [],
    ]);
  });
});

describe('deepMerge', () => {
  it('keeps field resolvers when reference resolvers are merged in', () => {
    const field = () => 'field';
    const reference = () => 'reference';
    expect(deepMerge({ Unit: { children: field } }, { Unit: { __resolveReference: reference } })).toEqual({
      Unit: { children: field, __resolveReference: reference },
    });
  });
});

describe('referenceByKey', () => {
  const schema = buildSchema('scalar LocalDate type AdministrativeUnit { code: ID! asOf: LocalDate! } type AuditTrail { id: ID! } type Query { n: Int }');
  applyDateRange(schema, DEFAULT_DATE_RANGE);
  const resolvers = referenceByKey('AdministrativeUnit', 'AuditTrail') as Record<
    string,
    { __resolveReference: (r: object, context: unknown, info: GraphQLResolveInfo) => object }
  >;
  const resolve = (reference: Record<string, unknown>) =>
    resolvers[String(reference.__typename)].__resolveReference(reference, {}, { schema } as GraphQLResolveInfo);
  const refusal = (reference: Record<string, unknown>) => {
    try {
      resolve(reference);
    } catch (error) {
      return (error as BadUserInputError).extensions;
    }
    return undefined;
  };

  it('resolves each entity this subgraph only extends to its representation', () => {
    expect(Object.keys(resolvers)).toEqual(['AdministrativeUnit', 'AuditTrail']);
    expect(resolve({ __typename: 'AuditTrail', id: 'abc' })).toEqual({ __typename: 'AuditTrail', id: 'abc' });
    expect(resolve({ __typename: 'AdministrativeUnit', code: 720, asOf: '2025-06-30' })).toEqual({
      __typename: 'AdministrativeUnit',
      code: '720',
      asOf: '2025-06-30',
    });
    expect(resolve({ __typename: 'AdministrativeUnit', code: '720' })).toEqual({ __typename: 'AdministrativeUnit', code: '720' });
  });

  it('refuses a representation whose date or key is not of its type, before any SQL', () => {
    const unit = (fields: Record<string, unknown>) => ({ __typename: 'AdministrativeUnit', code: '720', ...fields });
    for (const asOf of ['2025-13-01', 20250101, {}, ['2025-01-01']]) {
      expect(refusal(unit({ asOf }))).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'DATE_INVALID' } });
    }
    expect(refusal(unit({ asOf: '0001-01-01' }))).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'DATE_OUT_OF_RANGE' } });
    expect(refusal(unit({ code: {} }))).toEqual({ code: 'BAD_USER_INPUT', details: { reason: 'REPRESENTATION_INVALID', field: 'code' } });
  });
});

describe('refuseUnknownRepresentations', () => {
  const schema = refuseUnknownRepresentations(
    buildSubgraphSchema({ typeDefs: gql`type Unit @key(fields: "code") { code: ID! } type Query { n: Int }` }),
  );
  const entities = async (representations: unknown[]) =>
    graphql({ schema, source: 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variableValues: { r: representations } });

  it('answers representations of this subgraph’s entities', async () => {
    expect((await entities([{ __typename: 'Unit', code: '720' }])).data).toEqual({ _entities: [{ __typename: 'Unit' }] });
  });

  it.each([[{ __typename: 'Nope', code: '1' }], [{ code: '1' }], ['a string'], [{ __typename: 'Query' }]])(
    'refuses %j with BAD_USER_INPUT (REPRESENTATION_INVALID)',
    async (representation) => {
      const [error] = (await entities([representation])).errors ?? [];
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', details: { reason: 'REPRESENTATION_INVALID', field: '__typename' } });
    },
  );
});
