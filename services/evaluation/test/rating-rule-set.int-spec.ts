import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, errorCodes, graphqlRequest, recreateTestDatabase, rowCounts, serviceTestEnv, tokenFor, WRITE_TRAIL_TABLES } from '@ps/testing';
import { evaluationService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('evaluation'));
let service: RunningService;

const SET_FIELDS = `code appliesTo validFrom validTo sourceDocument method asOf decision { number }
  criteria { code weight } bands { level from to } quotas { level ofLevel maxPercent scope } latePenalty { percent } annualDeadline { before }`;
const band = (level: string, condition: string) => ({ level, condition, requiresNoDisciplined: false, article: 'Điều 8–11 (test)' });
/** Decree 56/2015, which Decree 90/2020 replaced: a qualitative set for civil servants before 13 Aug 2020. */
const decree56 = {
  code: 'ND56-2015-CIVIL_SERVANT',
  name: 'Đánh giá, phân loại công chức theo Nghị định 56/2015/NĐ-CP',
  appliesTo: 'CIVIL_SERVANT',
  validTo: '2020-08-13',
  sourceDocument: 'Nghị định 56/2015/NĐ-CP về đánh giá và phân loại cán bộ, công chức, viên chức',
  sourceArticle: 'Điều 11–14 (số điều chờ đối chiếu văn bản gốc / article number to be verified)',
  method: 'QUALITATIVE',
  criteria: [{ code: 'GENERAL', name: 'Tiêu chí chung', article: 'Điều 4' }, { code: 'TASK_RESULTS', name: 'Kết quả nhiệm vụ', article: 'Điều 4' }],
  bands: [band('HTXS', 'Xuất sắc'), band('HTT', 'Tốt'), band('HTNV', 'Đạt yêu cầu'), band('KHTNV', 'Không đạt')],
  quotas: [],
  overrides: [{ code: 'DISCIPLINED_IN_YEAR', trigger: 'DISCIPLINE', minDiscipline: 'REPRIMAND', leadersOnly: false, level: 'KHTNV', article: 'Điều 14' }],
  change: changeOn('2015-08-01', { number: '56/2015/NĐ-CP', decidedOn: '2015-06-09', reason: 'Ghi nhận quy tắc trước Nghị định 90/2020' }),
};
const pointBand = (level: string, from: number, to: number | null) => ({ level, from, to, requiresNoDisciplined: false, article: 'Điều 1 (test)' });
/** A future set that contradicts itself three ways (and overlaps Decree 335). */
const contradictory = {
  ...decree56,
  code: 'ND999-2030-CIVIL_SERVANT',
  validTo: null,
  method: 'POINTS',
  criteria: [{ code: 'GENERAL', name: 'Chung', weight: 30, article: 'a' }, { code: 'TASK_RESULTS', name: 'Nhiệm vụ', weight: 60, article: 'a' }],
  bands: [pointBand('KHTNV', 0, 50), pointBand('HTNV', 55, 70), pointBand('HTT', 70, 90), pointBand('HTXS', 90, null)],
  quotas: [{ level: 'HTXS', ofLevel: 'HTT', maxPercent: 120, scope: 'AGENCY_DUTY_GROUP', article: 'a' }],
  change: changeOn('2030-01-01', { number: '999/2029/NĐ-CP' }),
};

const written = () => rowCounts((sql) => service.dataSource.query(sql), ['rating_rule_set', ...WRITE_TRAIL_TABLES]);
const ask = async <Data>(username: string, query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<Data>(service.url, query, { token: await tokenFor(username), variables });
const record = (username: string, input: Record<string, unknown>) =>
  ask<{ recordRatingRuleSet: Record<string, unknown> }>(username, `mutation ($input: RecordRatingRuleSetInput!) { recordRatingRuleSet(input: $input) { ${SET_FIELDS} } }`, { input });
const inForce = (username: string, date: string, appliesTo: string) =>
  ask<{ ratingRuleSetInForce: Record<string, unknown> | null }>(username, `query ($date: LocalDate!, $appliesTo: RuleSubject!) { ratingRuleSetInForce(date: $date, appliesTo: $appliesTo) { ${SET_FIELDS} } }`, { date, appliesTo });

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(evaluationService, env);
});

afterAll(() => service?.stop());

describe('reading rating rule sets', () => {
  it('lists every shipped set, or those in force on a date, to a caller of any tier', async () => {
    const all = await ask<{ ratingRuleSets: Array<{ code: string }> }>(DEMO_USERS.dinhAnViewer, '{ ratingRuleSets { code } }');
    expect(all.data?.ratingRuleSets.map((set) => set.code)).toEqual([
      'ND90-2020-CIVIL_SERVANT', 'ND335-2025-CIVIL_SERVANT', 'QD124-2023-PARTY_MEMBER', 'QD366-2025-PARTY_MEMBER',
      'QD124-2023-PARTY_ORGANIZATION', 'QD366-2025-PARTY_ORGANIZATION', 'ND90-2020-PUBLIC_EMPLOYEE',
    ]);
    const on = await ask<{ ratingRuleSets: Array<{ code: string; asOf: string }> }>(DEMO_USERS.provinceAdmin, '{ ratingRuleSets(asOf: "2025-12-31", appliesTo: CIVIL_SERVANT) { code asOf } }');
    expect(on.data?.ratingRuleSets).toEqual([{ code: 'ND90-2020-CIVIL_SERVANT', asOf: '2025-12-31' }]);
  });

  it('answers the set in force on the judged date: Decree 90 for 2025, Decree 335 from 2026, with its rules', async () => {
    expect((await inForce(DEMO_USERS.anLapOfficer, '2025-12-31', 'CIVIL_SERVANT')).data?.ratingRuleSetInForce).toMatchObject({ code: 'ND90-2020-CIVIL_SERVANT', method: 'QUALITATIVE', validTo: '2026-01-01' });
    expect((await inForce(DEMO_USERS.anLapOfficer, '2026-01-01', 'CIVIL_SERVANT')).data?.ratingRuleSetInForce).toEqual({
      code: 'ND335-2025-CIVIL_SERVANT', appliesTo: 'CIVIL_SERVANT', validFrom: '2026-01-01', validTo: null, sourceDocument: expect.stringMatching(/^Nghị định 335\/2025/),
      method: 'POINTS', asOf: '2026-01-01', decision: null,
      criteria: [{ code: 'GENERAL', weight: 30 }, { code: 'TASK_RESULTS', weight: 70 }],
      bands: [{ level: 'KHTNV', from: 0, to: 50 }, { level: 'HTNV', from: 50, to: 70 }, { level: 'HTT', from: 70, to: 90 }, { level: 'HTXS', from: 90, to: null }],
      quotas: [{ level: 'HTXS', ofLevel: 'HTT', maxPercent: 20, scope: 'AGENCY_DUTY_GROUP' }], latePenalty: { percent: 25 }, annualDeadline: { before: '12-15' },
    });
    expect((await inForce(DEMO_USERS.anLapOfficer, '2019-12-31', 'CIVIL_SERVANT')).data?.ratingRuleSetInForce).toBeNull();
  });

  it('lists the rating grounds of downsizing in force on a date', async () => {
    const on = async (asOf: string) =>
      (await ask<{ downsizingTriggers: Array<{ code: string }> }>(DEMO_USERS.districtViewer, `{ downsizingTriggers(asOf: "${asOf}") { code } }`)).data?.downsizingTriggers.map((t) => t.code);
    expect(await on('2025-06-15')).toEqual(['RATED_HTNV_AND_KHTNV_TWO_YEARS', 'RATED_KHTNV_ONE_YEAR']);
    expect(await on('2025-06-16')).toEqual(['RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR']);
  });

  it('answers nobody without a token', async () => {
    expect(errorCodes(await graphqlRequest(service.url, '{ ratingRuleSets { code } }'))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('recording a rating rule set', () => {
  it('records the national recorder’s set on its decision, with one audit row and no event', async () => {
    const before = await written();
    const response = await record(DEMO_USERS.nationalRecorder, decree56);
    expect(response.errors).toBeUndefined();
    expect(response.data?.recordRatingRuleSet).toMatchObject({ code: 'ND56-2015-CIVIL_SERVANT', validFrom: '2015-08-01', validTo: '2020-08-13', decision: { number: '56/2015/NĐ-CP' } });
    expect(await written()).toEqual({ ...before, rating_rule_set: before.rating_rule_set + 1, decision: before.decision + 1, audit_log: before.audit_log + 1 });
    const [audit] = await service.dataSource.query("SELECT operation, target_type, target_label, after FROM audit_log WHERE operation = 'recordRatingRuleSet'");
    expect(audit).toMatchObject({ target_type: 'RatingRuleSet', target_label: expect.stringContaining('ND56-2015-CIVIL_SERVANT'), after: { code: 'ND56-2015-CIVIL_SERVANT', validTo: '2020-08-13' } });
    expect((await inForce(DEMO_USERS.dinhAnViewer, '2018-12-31', 'CIVIL_SERVANT')).data?.ratingRuleSetInForce).toMatchObject({ code: 'ND56-2015-CIVIL_SERVANT', decision: { number: '56/2015/NĐ-CP' } });
  });

  const reasonsOf = (response: Awaited<ReturnType<typeof record>>) =>
    ((response.errors?.[0]?.extensions?.details as { reasons?: Array<{ reason: string }> } | undefined)?.reasons ?? []).map((found) => found.reason);

  it.each([
    ['a province administrator', DEMO_USERS.provinceAdmin, { code: 'ND57-2015-CIVIL_SERVANT' }, 'FORBIDDEN', []],
    ['a viewer', DEMO_USERS.districtViewer, { code: 'ND57-2015-CIVIL_SERVANT' }, 'FORBIDDEN', []],
    ['a set contradicting itself and Decree 335', DEMO_USERS.nationalRecorder, contradictory, 'BAD_USER_INPUT', ['WEIGHTS_NOT_100', 'BANDS_GAP', 'QUOTA_OUT_OF_RANGE', 'PERIOD_OVERLAP']],
    ['an empty period', DEMO_USERS.nationalRecorder, { code: 'ND57-2015-CIVIL_SERVANT', validTo: '2015-08-01' }, 'BAD_USER_INPUT', ['PERIOD_EMPTY']],
    ['a period overlapping Decree 90 for public employees', DEMO_USERS.nationalRecorder, { code: 'ND57-2027-PUBLIC_EMPLOYEE', appliesTo: 'PUBLIC_EMPLOYEE', validTo: null, change: changeOn('2027-01-01') }, 'BAD_USER_INPUT', ['PERIOD_OVERLAP']],
    ['a code already taken', DEMO_USERS.nationalRecorder, { code: 'ND335-2025-CIVIL_SERVANT', validTo: '2015-01-01', change: changeOn('2014-01-01') }, 'BAD_USER_INPUT', ['CODE_TAKEN']],
  ])('refuses %s, listing each reason, and writes nothing', async (_case, username, change, code, reasons) => {
    const before = await written();
    const response = await record(username, { ...decree56, ...change });
    expect(errorCodes(response)).toEqual([code]);
    expect(reasonsOf(response)).toEqual(reasons);
    expect(await written()).toEqual(before);
  });
});

// Last: Decree 335 ends in 2031 here.
describe('a new decree superseding the set in force', () => {
  const decree2031 = { ...contradictory, code: 'ND999-2031-CIVIL_SERVANT', criteria: [{ code: 'GENERAL', name: 'Chung', weight: 40, article: 'a' }, { code: 'TASK_RESULTS', name: 'Nhiệm vụ', weight: 60, article: 'a' }],
    bands: [pointBand('KHTNV', 0, 50), pointBand('HTNV', 50, 70), pointBand('HTT', 70, 85), pointBand('HTXS', 85, null)],
    quotas: [{ level: 'HTXS', ofLevel: 'HTT', maxPercent: 25, scope: 'AGENCY_DUTY_GROUP', article: 'a' }], change: changeOn('2031-01-01', { number: '999/2030/NĐ-CP' }) };

  it.each([
    ['an unknown set', { supersedes: 'ND1-2000-CIVIL_SERVANT' }, ['SUPERSEDED_UNKNOWN', 'PERIOD_OVERLAP']],
    ['a set starting later', { supersedes: 'ND335-2025-CIVIL_SERVANT', change: changeOn('2025-06-01', { number: '999/2030/NĐ-CP' }) }, ['SUPERSEDED_STARTS_LATER', 'PERIOD_OVERLAP', 'PERIOD_OVERLAP']],
  ])('refuses to supersede %s, writing nothing', async (_case, change, reasons) => {
    const before = await written();
    const response = await record(DEMO_USERS.nationalRecorder, { ...decree2031, ...change });
    expect((response.errors?.[0]?.extensions?.details as { reasons: Array<{ reason: string }> }).reasons.map((found) => found.reason)).toEqual(reasons);
    expect(await written()).toEqual(before);
  });

  it('ends Decree 335 the day the new decree starts, in one audited write', async () => {
    const response = await record(DEMO_USERS.nationalRecorder, { ...decree2031, supersedes: 'ND335-2025-CIVIL_SERVANT' });
    expect(response.errors).toBeUndefined();
    expect((await inForce(DEMO_USERS.dinhAnViewer, '2030-12-31', 'CIVIL_SERVANT')).data?.ratingRuleSetInForce).toMatchObject({ code: 'ND335-2025-CIVIL_SERVANT', validTo: '2031-01-01' });
    expect((await inForce(DEMO_USERS.dinhAnViewer, '2031-01-01', 'CIVIL_SERVANT')).data?.ratingRuleSetInForce).toMatchObject({ code: 'ND999-2031-CIVIL_SERVANT', bands: expect.arrayContaining([{ level: 'HTXS', from: 85, to: null }]) });
    const [audit] = await service.dataSource.query("SELECT before, after FROM audit_log WHERE operation = 'recordRatingRuleSet' AND after->>'code' = 'ND999-2031-CIVIL_SERVANT'");
    expect(audit).toMatchObject({ before: { superseded: { code: 'ND335-2025-CIVIL_SERVANT', validTo: null } }, after: { superseded: { code: 'ND335-2025-CIVIL_SERVANT', validTo: '2031-01-01' } } });
  });
});
