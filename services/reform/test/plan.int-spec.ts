import { demoTerritoryAnnouncements, REFORM_TOPIC } from '@ps/contracts';
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
import { reformService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('reform'));
let service: RunningService;

const createPlan = async (username: string, input: Record<string, unknown>) =>
  graphqlRequest<{ createReformPlan: { id: string; status: string } }>(
    service.url,
    'mutation ($input: CreateReformPlanInput!) { createReformPlan(input: $input) { id status } }',
    { token: await tokenFor(username), variables: { input } },
  );

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(reformService, env);
  await publishAndAwait(
    demoTerritoryAnnouncements(),
    (messages) => service.bus.publish(messages),
    async () => (await service.dataSource.query('SELECT count(DISTINCT code)::int AS n FROM territory_unit'))[0].n,
    'demo territory projected',
  );
});

afterAll(() => service?.stop());

describe('reform plans', () => {
  it('drafts plans for a commune, in order, announced on Kafka and visible only inside the territory', async () => {
    for (const title of ['Sắp xếp tổ chức bộ máy', 'Tinh giản biên chế 2025']) {
      const response = await createPlan(DEMO_USERS.anLapOfficer, { unitCode: '25801', title, resolutionRef: '18-NQ/TW' });
      expect(response.data?.createReformPlan.status).toBe('DRAFT');
    }
    const units = await queryEntities(
      service.url, 'AdministrativeUnit', [{ code: '25801' }, { code: '25789' }], 'code plans { title resolutionRef status }',
      await tokenFor(DEMO_USERS.anLapAdmin),
    );
    expect(units.data?._entities).toEqual([
      {
        code: '25801',
        plans: [
          { title: 'Sắp xếp tổ chức bộ máy', resolutionRef: '18-NQ/TW', status: 'DRAFT' },
          { title: 'Tinh giản biên chế 2025', resolutionRef: '18-NQ/TW', status: 'DRAFT' },
        ],
      },
      { code: '25789', plans: [] },
    ]);
    const titles = async () => (await service.bus.readAll(REFORM_TOPIC)).map((m) => JSON.parse(m.value ?? '{}').payload.title);
    await eventually(async () => ((await titles()).length >= 2 ? true : undefined), { what: 'ReformPlanCreated on Kafka' });
    expect((await titles()).sort()).toEqual([
      'Sắp xếp tổ chức bộ máy',
      'Tinh giản biên chế 2025',
    ]);
  });

  it.each([
    ['a blank title', DEMO_USERS.anLapOfficer, { unitCode: '25801', title: ' ', resolutionRef: '18-NQ/TW' }, 'BAD_USER_INPUT'],
    ['a missing resolution', DEMO_USERS.anLapOfficer, { unitCode: '25801', title: 'Kế hoạch', resolutionRef: '' }, 'BAD_USER_INPUT'],
    ['a viewer', DEMO_USERS.districtViewer, { unitCode: '25801', title: 'Kế hoạch', resolutionRef: '18-NQ/TW' }, 'FORBIDDEN'],
    ['another commune', DEMO_USERS.anLapOfficer, { unitCode: '25789', title: 'Kế hoạch', resolutionRef: '18-NQ/TW' }, 'FORBIDDEN'],
  ])('refuses %s and writes nothing', async (_case, username, input, code) => {
    const before = (await service.dataSource.query('SELECT count(*)::int AS n FROM reform_plan'))[0].n;
    expect(errorCodes(await createPlan(username, input))).toEqual([code]);
    expect((await service.dataSource.query('SELECT count(*)::int AS n FROM reform_plan'))[0].n).toBe(before);
  });
});
