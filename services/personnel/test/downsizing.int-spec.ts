import { demoTerritoryAnnouncements, UnitCreated } from '@ps/contracts';
import { eventMessage } from '@ps/events';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, errorCodes, graphqlRequest, publishAndAwait, recreateTestDatabase, rowCounts, serviceTestEnv, tokenFor, WRITE_TRAIL_TABLES } from '@ps/testing';
import { personnelService } from '../src/service';
import { finalizedEvaluation, GROUNDS } from './evaluation.fixtures';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('personnel'));
let service: RunningService;

const count = async (sql: string, parameters: unknown[] = []): Promise<number> => (await service.dataSource.query(sql, parameters))[0].n;
const written = () => rowCounts((sql) => service.dataSource.query(sql), ['downsizing', 'person_circumstance', ...WRITE_TRAIL_TABLES]);
const ask = async <T>(username: string, query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<T>(service.url, query, { token: await tokenFor(username), variables });
const decide = (username: string, input: Record<string, unknown>) =>
  ask<{ decideDownsizing: { id: string; groundCode: string; volunteered: boolean; candidateId: string | null; validFrom: string } }>(username,
    'mutation ($input: DecideDownsizingInput!) { decideDownsizing(input: $input) { id groundCode volunteered candidateId validFrom } }', { input });
const circumstance = (username: string, input: Record<string, unknown>) =>
  ask<{ recordCircumstance: { kind: string; validFrom: string; validTo: string | null } }>(username,
    'mutation ($input: RecordCircumstanceInput!) { recordCircumstance(input: $input) { kind validFrom validTo } }', { input });

/**
 * Commune civil servants: managed by the district home-affairs office until 30 June 2025, by the
 * province's from 1 July 2025 (the dates of Decree 154/2025's decisions below).
 */
const DISTRICT_HOME_AFFAIRS = DEMO_USERS.districtHomeAffairs;
const PROVINCE_HOME_AFFAIRS = DEMO_USERS.provinceHomeAffairs;

const people: Record<string, string> = {};
async function register(key: string, unitCode: string, personalId: string, gender: 'MALE' | 'FEMALE'): Promise<void> {
  const response = await ask<{ registerPerson: { id: string } }>(DISTRICT_HOME_AFFAIRS, 'mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }', {
    input: { unitCode, fullName: `Người Thử ${key}`, personalId, birthDate: `19${personalId.slice(4, 6)}-01-01`, gender, ethnicity: 'Kinh', homePlace: 'Bình Dương', category: 'CIVIL_SERVANT', change: changeOn('2010-01-01') },
  });
  expect(response.errors).toBeUndefined();
  people[key] = response.data?.registerPerson.id ?? '';
}

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(personnelService, env);
  const communes = ['25798'].map((code) => eventMessage(UnitCreated, { code, name: `Xã ${code}`, tier: 'COMMUNE', parentCode: '720', path: `74.720.${code}`, validFrom: '1999-01-01', validTo: null, decision: null }, { aggregateId: code, actor: 'system:test' }));
  await publishAndAwait([...demoTerritoryAnnouncements(), ...communes], (messages) => service.bus.publish(messages),
    () => count('SELECT count(DISTINCT code)::int AS n FROM territory_unit'), 'territory projected');
  await register('mother', '25798', '074190000001', 'FEMALE');
  await register('weak', '25798', '074085000002', 'MALE');
  await register('older', '25789', '074075000003', 'MALE');
  await register('spare', '25798', '074088000004', 'MALE');
});

afterAll(() => service?.stop());

describe('downsizing rules as dated data', () => {
  it('lists Decree 29/2023’s grounds in 2024 and Decree 154/2025’s in 2026, each with its article', async () => {
    const rules = async (asOf: string) =>
      (await ask<{ downsizingRules: Array<{ code: string; kind: string; source: string }> }>(DEMO_USERS.anLapOfficer, `{ downsizingRules(asOf: "${asOf}") { code kind source } }`)).data?.downsizingRules ?? [];
    const in2024 = await rules('2024-06-01');
    expect(in2024.filter((rule) => rule.kind === 'GROUND').map((rule) => rule.code)).toContain('RATED_KHTNV_ONE_YEAR');
    expect(in2024.every((rule) => rule.source.startsWith('Nghị định 29/2023/NĐ-CP'))).toBe(true);
    const in2026 = await rules('2026-01-15');
    expect(in2026.map((rule) => rule.code)).toEqual(expect.arrayContaining(['RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', 'SICK_LEAVE_300_DAYS', 'UNDER_INVESTIGATION']));
    expect(in2026.map((rule) => rule.code)).not.toContain('RATED_KHTNV_ONE_YEAR');
  });
});

describe('decideDownsizing', () => {
  it('defers a mother of a child under 36 months with the decree’s article, and changes nothing', async () => {
    const recorded = await circumstance(DISTRICT_HOME_AFFAIRS, { personId: people.mother, kind: 'CHILD_UNDER_36_MONTHS', change: changeOn('2025-03-01') });
    expect(recorded.data?.recordCircumstance).toEqual({ kind: 'CHILD_UNDER_36_MONTHS', validFrom: '2025-03-01', validTo: '2028-03-01' });
    const before = await written();
    const refused = await decide(PROVINCE_HOME_AFFAIRS, { personId: people.mother, groundCode: 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', change: changeOn('2026-01-15') });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0].message).toContain('Đang nuôi con dưới 36 tháng tuổi (Nghị định 154/2025/NĐ-CP, Điều 3)');
    expect(refused.errors?.[0].extensions?.details).toMatchObject({ reason: 'DOWNSIZING_EXCLUDED', exclusions: [{ code: 'CHILD_UNDER_36_MONTHS' }] });
    expect(await written()).toEqual(before);
  });

  it('lets a parent who volunteers be downsized, with a decision, an audit row and DownsizingDecided', async () => {
    const before = await written();
    const decided = await decide(PROVINCE_HOME_AFFAIRS, { personId: people.mother, groundCode: 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', volunteered: true, change: changeOn('2026-01-15') });
    expect(decided.errors).toBeUndefined();
    expect(decided.data?.decideDownsizing).toMatchObject({ groundCode: 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', volunteered: true, validFrom: '2026-01-15' });
    expect(await written()).toEqual({ ...before, downsizing: before.downsizing + 1, audit_log: before.audit_log + 1, outbox: before.outbox + 1 }); // the same decision as the circumstance's: recorded once
    const again = await decide(PROVINCE_HOME_AFFAIRS, { personId: people.mother, groundCode: 'RESTRUCTURING_SURPLUS', change: changeOn('2026-02-01') });
    expect(again.errors?.[0].extensions?.details).toMatchObject({ reason: 'ALREADY_DOWNSIZED' });
  });

  it('refuses a ground of a decree no longer in force, and accepts it on a date it was', async () => {
    const late = await decide(PROVINCE_HOME_AFFAIRS, { personId: people.weak, groundCode: 'RATED_KHTNV_ONE_YEAR', change: changeOn('2026-01-15') });
    expect(late.errors?.[0].extensions?.details).toMatchObject({ reason: 'DOWNSIZING_GROUND_NOT_IN_FORCE', groundCode: 'RATED_KHTNV_ONE_YEAR' });
    const inTime = await decide(DISTRICT_HOME_AFFAIRS, { personId: people.weak, groundCode: 'RATED_KHTNV_ONE_YEAR', change: changeOn('2024-06-01', { decidedOn: '2024-05-20' }) });
    expect(inTime.errors).toBeUndefined();
  });

  it('refuses the district home-affairs office once the province’s manages the person, and writes nothing', async () => {
    const before = await written();
    const refused = await decide(DISTRICT_HOME_AFFAIRS, { personId: people.spare, groundCode: 'RESTRUCTURING_SURPLUS', change: changeOn('2026-01-15') });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'NOT_MANAGING_BODY', managedBy: [{ tier: 'PROVINCE', unitCode: '74', body: 'HOME_AFFAIRS', ruleCode: 'LAW2025-COMMUNE-CIVIL-SERVANT' }] },
    });
    const circumstanceRefused = await circumstance(DEMO_USERS.districtOfficer, { personId: people.spare, kind: 'CHILD_UNDER_36_MONTHS', change: changeOn('2025-03-01') });
    expect(circumstanceRefused.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN', details: { reason: 'NOT_MANAGING_BODY', managedBy: [{ tier: 'DISTRICT', unitCode: '720', body: 'HOME_AFFAIRS' }] },
    });
    expect(await written()).toEqual(before);
  });

  it('does not reveal a person outside the caller’s territory', async () => {
    // Another province's organization board: a managing body, whose territory lacks the person.
    const outside = await decide(DEMO_USERS.hcmcOrganizationBoard, { personId: people.older, groundCode: 'RESTRUCTURING_SURPLUS', change: changeOn('2026-01-15') });
    expect(errorCodes(outside)).toEqual(['NOT_FOUND']);
    const check = await ask(DEMO_USERS.hcmcOrganizationBoard, `{ downsizingCheck(personId: "${people.older}", groundCode: "RESTRUCTURING_SURPLUS") { allowed } }`);
    expect(errorCodes(check)).toEqual(['NOT_FOUND']);
  });
});

describe('candidates from evaluation', () => {
  it('lists a candidate from a finalised KHTNV rating inside the territory, and a decision cites it on its ground', async () => {
    const finalized = finalizedEvaluation({
      person: { id: people.older, fullName: 'Người Thử older', unitCode: '25789' }, year: 2025, level: 'KHTNV', effectiveDate: '2025-12-10', grounds: [GROUNDS.d154Khtnv(2025)],
    });
    await publishAndAwait([finalized], (messages) => service.bus.publish(messages),
      () => count("SELECT count(*)::int AS n FROM inbox WHERE consumer = 'personnel.evaluations'"), 'rating received');
    const listed = async (username: string) =>
      (await ask<{ downsizingCandidates: Array<{ id: string; status: string }> }>(username, '{ downsizingCandidates(unitCode: "720", year: 2025) { id status } }')).data?.downsizingCandidates ?? [];
    const [candidate] = await listed(DEMO_USERS.districtOfficer);
    expect(candidate?.status).toBe('CANDIDATE');
    const candidateId = candidate?.id ?? '';
    expect(await listed(DEMO_USERS.anLapOfficer)).toEqual([]);
    const wrong = await decide(PROVINCE_HOME_AFFAIRS, { personId: people.spare, groundCode: 'RESTRUCTURING_SURPLUS', candidateId, change: changeOn('2026-01-15') });
    expect(errorCodes(wrong)).toEqual(['NOT_FOUND']);
    const malformed = await decide(PROVINCE_HOME_AFFAIRS, { personId: people.spare, groundCode: 'RESTRUCTURING_SURPLUS', candidateId: 'không-phải-mã', change: changeOn('2026-01-15') });
    expect(errorCodes(malformed)).toEqual(['NOT_FOUND']);
    const otherGround = await decide(PROVINCE_HOME_AFFAIRS, { personId: people.older, groundCode: 'RESTRUCTURING_SURPLUS', candidateId, change: changeOn('2026-01-15') });
    expect(otherGround.errors?.[0].extensions?.details).toMatchObject({ reason: 'CANDIDATE_GROUND_MISMATCH', candidateGround: 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR' });
    const decided = await decide(PROVINCE_HOME_AFFAIRS, { personId: people.older, groundCode: 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', candidateId, change: changeOn('2026-01-15') });
    expect(decided.errors).toBeUndefined();
    expect(decided.data?.decideDownsizing.candidateId).toBe(candidateId);
  });
});
