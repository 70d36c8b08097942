import { demoTerritoryAnnouncements } from '@ps/contracts';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { graphqlRequest, publishAndAwait, recreateTestDatabase, serviceTestEnv, tokenFor, type GraphQLResponse } from '@ps/testing';
import { reformService } from '../src/service';

/** The reform service on a fresh database, with the demo territory projected. */
export async function startReform(): Promise<RunningService> {
  const env = loadEnv(serviceEnvSchema, serviceTestEnv('reform'));
  await recreateTestDatabase(env.DATABASE_URL);
  const service = await startService(reformService, env);
  await publishAndAwait(
    demoTerritoryAnnouncements(),
    (messages) => service.bus.publish(messages),
    async () => (await service.dataSource.query('SELECT count(DISTINCT code)::int AS n FROM territory_unit'))[0].n,
    'demo territory projected',
  );
  return service;
}

/** Calls one mutation `name(input: $input) { selection }` as a demo user. */
export async function mutate<T = { id: string }>(
  service: RunningService,
  username: string,
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  selection = 'id',
): Promise<GraphQLResponse<Record<string, T>>> {
  return graphqlRequest<Record<string, T>>(service.url, `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }`, {
    token: await tokenFor(username),
    variables: { input },
  });
}

/** The id a successful mutation answered, or the test fails saying why. */
export function createdId(response: GraphQLResponse<Record<string, { id: string }>>, name: string): string {
  expect(response.errors).toBeUndefined();
  return response.data?.[name]?.id ?? '';
}
