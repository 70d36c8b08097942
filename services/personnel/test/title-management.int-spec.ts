import { randomUUID } from 'node:crypto';
import { demoTerritoryAnnouncements, OrganizationCreated } from '@ps/contracts';
import { eventMessage } from '@ps/events';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, graphqlRequest, publishAndAwait, recreateTestDatabase, serviceTestEnv, tokenFor } from '@ps/testing';
import { managingAuthorities } from '../src/management/managing-authority.lookup';
import { personnelService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('personnel'));
let service: RunningService;
let personId = '';

const department = {
  id: randomUUID(), unitCode: '720', parentId: null, kind: 'DEPARTMENT' as const, subtype: null, base: 'UNIT' as const,
  name: 'Phòng Tài chính – Kế hoạch huyện Dầu Tiếng', validFrom: '2010-01-01', validTo: null,
};
const count = async (sql: string): Promise<number> => (await service.dataSource.query(sql))[0].n;
const request = async <T>(username: string, query: string, variables: Record<string, unknown>) =>
  graphqlRequest<T>(service.url, query, { token: await tokenFor(username), variables });

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(personnelService, env);
  await publishAndAwait(demoTerritoryAnnouncements(), (messages) => service.bus.publish(messages),
    () => count('SELECT count(DISTINCT code)::int AS n FROM territory_unit'), 'territory projected');
  const created = eventMessage(OrganizationCreated, {
    organization: department, effectiveDate: '2010-01-01', reason: 'Thành lập', decision: { number: '1/QĐ-UBND', date: '2010-01-01', signer: 'Chủ tịch' },
  }, { aggregateId: department.id, actor: 'system:test' });
  await publishAndAwait([created], (messages) => service.bus.publish(messages), () => count('SELECT count(*)::int AS n FROM organization'), 'department projected');
  // A district civil servant: the district's home-affairs office manages the file until they hold the title.
  const registered = await request<{ registerPerson: { id: string } }>(DEMO_USERS.districtHomeAffairs, 'mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }', {
    input: { unitCode: '720', fullName: 'Phạm Văn Trưởng', personalId: '074082003456', birthDate: '1982-02-03', gender: 'MALE', ethnicity: 'Kinh',
      homePlace: 'Dầu Tiếng, Bình Dương', category: 'CIVIL_SERVANT', change: changeOn('2020-01-02') },
  });
  expect(registered.errors).toBeUndefined();
  personId = registered.data?.registerPerson.id ?? '';
  const assigned = await request(DEMO_USERS.districtHomeAffairs, 'mutation ($input: AssignInput!) { assign(input: $input) { id } }', {
    input: { personId, organizationId: department.id, titleCode: 'DISTRICT_DEPARTMENT_HEAD', concurrent: false, change: changeOn('2023-01-02') },
  });
  expect(assigned.errors).toBeUndefined();
});

afterAll(() => service?.stop());

describe('management decentralisation by title', () => {
  it('adds the district organization board for a department head, beside the home-affairs office their category names', async () => {
    const on = async (date: string) =>
      (await managingAuthorities(service.dataSource.manager, [personId], date)).map((authority) => [authority.subjectKind, authority.unitCode, authority.body, authority.ruleCode]);
    expect(await on('2022-12-31')).toEqual([['CATEGORY', '720', 'HOME_AFFAIRS', 'ND138-DISTRICT-CIVIL-SERVANT']]);
    expect((await on('2024-01-02')).sort()).toEqual([
      ['CATEGORY', '720', 'HOME_AFFAIRS', 'ND138-DISTRICT-CIVIL-SERVANT'],
      ['TITLE', '720', 'ORGANIZATION_BOARD', 'QD80-DISTRICT-DEPARTMENT-HEAD'],
    ]);
  });

  it('lets the district organization board read the head’s file in full while they hold the title, and not before', async () => {
    const personalData = async (asOf: string) =>
      (await request<{ person: { personalData: { masked: boolean } } }>(DEMO_USERS.districtOrganizationBoard,
        'query ($id: ID!, $asOf: LocalDate) { person(id: $id, asOf: $asOf) { personalData { masked } } }', { id: personId, asOf })).data?.person.personalData.masked;
    expect(await personalData('2022-12-31')).toBe(true);
    expect(await personalData('2024-01-02')).toBe(false);
  });
});
