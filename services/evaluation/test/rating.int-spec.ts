import { demoTerritoryAnnouncements, EVALUATION_TOPIC } from '@ps/contracts';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import {
  DEMO_USERS,
  errorCodes,
  eventually,
  graphqlRequest,
  publishAndAwait,
  queryEntities,
  recreateTestDatabase,
  serviceTestEnv,
  tokenFor,
} from '@ps/testing';
import { evaluationService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('evaluation'));
let service: RunningService;

const record = async (username: string, input: Record<string, unknown>) =>
  graphqlRequest<{ recordRating: { id: string; level: string } }>(
    service.url,
    'mutation ($input: RecordRatingInput!) { recordRating(input: $input) { id level } }',
    { token: await tokenFor(username), variables: { input } },
  );

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(evaluationService, env);
  await publishAndAwait(
    demoTerritoryAnnouncements(),
    (messages) => service.bus.publish(messages),
    async () => (await service.dataSource.query('SELECT count(DISTINCT code)::int AS n FROM territory_unit'))[0].n,
    'demo territory projected',
  );
});

afterAll(() => service?.stop());

describe('ratings', () => {
  it('summarises a unit’s ratings per year, the latest year by default, and only inside the territory', async () => {
    const ratings: Array<[number, string]> = [[2024, 'HTXS'], [2024, 'HTT'], [2025, 'HTT'], [2025, 'HTT'], [2025, 'KHTNV']];
    for (const [year, level] of ratings) {
      const response = await record(DEMO_USERS.anLapOfficer, { unitCode: '25801', subjectName: `Cán bộ ${year}-${level}`, year, level });
      expect(response.errors).toBeUndefined();
    }
    const token = await tokenFor(DEMO_USERS.anLapOfficer);
    const summary = 'code latest: ratingSummary { year excellent good completed notCompleted total } y2024: ratingSummary(year: 2024) { excellent good total }';
    const units = await queryEntities(service.url, 'AdministrativeUnit', [{ code: '25801' }, { code: '25789' }], summary, token);
    expect(units.data?._entities).toEqual([
      {
        code: '25801',
        latest: { year: 2025, excellent: 0, good: 2, completed: 0, notCompleted: 1, total: 3 },
        y2024: { excellent: 1, good: 1, total: 2 },
      },
      { code: '25789', latest: null, y2024: null },
    ]);
    const recorded = async () =>
      (await service.bus.readAll(EVALUATION_TOPIC)).filter((m) => JSON.parse(m.value ?? '{}').type === 'RatingRecorded');
    await eventually(async () => ((await recorded()).length >= 5 ? true : undefined), { what: 'RatingRecorded on Kafka' });
    expect(await recorded()).toHaveLength(5);
  });

  it.each([
    ['a year before 1990', DEMO_USERS.anLapOfficer, { unitCode: '25801', subjectName: 'X', year: 1800, level: 'HTT' }, 'BAD_USER_INPUT'],
    ['an unknown level', DEMO_USERS.anLapOfficer, { unitCode: '25801', subjectName: 'X', year: 2025, level: 'GOOD' }, 'BAD_USER_INPUT'],
    ['a viewer', DEMO_USERS.districtViewer, { unitCode: '25801', subjectName: 'X', year: 2025, level: 'HTT' }, 'FORBIDDEN'],
    ['a unit outside the territory', DEMO_USERS.anLapOfficer, { unitCode: '25789', subjectName: 'X', year: 2025, level: 'HTT' }, 'FORBIDDEN'],
  ])('refuses %s and writes nothing', async (_case, username, input, code) => {
    const before = (await service.dataSource.query('SELECT count(*)::int AS n FROM rating'))[0].n;
    expect(errorCodes(await record(username, input))).toEqual([code]);
    expect((await service.dataSource.query('SELECT count(*)::int AS n FROM rating'))[0].n).toBe(before);
  });
});
