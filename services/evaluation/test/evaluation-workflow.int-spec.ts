import { randomUUID } from 'node:crypto';
import { demoTerritoryAnnouncements, DisciplineRecorded } from '@ps/contracts';
import { eventMessage } from '@ps/events';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, errorCodes, eventually, graphqlRequest, publishAndAwait, recreateTestDatabase, rowCounts, serviceTestEnv, tokenFor, WRITE_TRAIL_TABLES } from '@ps/testing';
import { evaluationService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('evaluation'));
let service: RunningService;

const AN_LAP = '25801';
const OFFICE = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const QUOTA_AGENCY = '4d5e6f70-8b9c-4d0e-9f1a-2b3c4d5e6f70';
const EVALUATION = `id personId status level revision points ruleSet decidedOn selfLevel proposedLevel
  appliedRules { rule level source article } decision { number } steps { step level comment effectiveDate revision actor } appeals { id status resolvedLevel }`;

type Evaluation = { id: string; status: string; level: string | null; revision: number; appliedRules: Array<{ rule: string; level: string; source: string; article: string }>; steps: Array<{ step: string; level: string | null; revision: number }> };
type Response<T> = Awaited<ReturnType<typeof graphqlRequest<T>>>;

const written = () => rowCounts((sql) => service.dataSource.query(sql), ['evaluation', 'evaluation_step', 'evaluation_appeal', ...WRITE_TRAIL_TABLES]);
const ask = async <Data = Record<string, Evaluation>>(username: string, query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<Data>(service.url, query, { token: await tokenFor(username), variables });
const mutate = (username: string, name: string, inputType: string, input: Record<string, unknown>, selection = 'id status level revision') =>
  ask(username, `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }`, { input });
/** A change from `date`, its decision signed before the year's end steps (a decision is never dated in the future). */
const on = (date: string, number = `${date}/QĐ`) => changeOn(date, { number, decidedOn: '2026-11-30' });

/** Opens an evaluation of the year (2026 unless given) in An Lập's office (or the agency given) and returns its id. */
async function open(personId: string, extra: Record<string, unknown> = {}, year = 2026): Promise<string> {
  const input = { personId, fullName: `Người ${personId.slice(0, 4)}`, unitCode: AN_LAP, organizationId: OFFICE, titleCode: 'VAN_PHONG_THONG_KE', subject: 'CIVIL_SERVANT', year, dutyGroup: 'CHUYEN_MON', change: on(`${year}-12-01`), ...extra };
  const response = await mutate(DEMO_USERS.anLapOfficer, 'openEvaluation', 'OpenEvaluationInput', input);
  expect(response.errors).toBeUndefined();
  return response.data?.openEvaluation.id ?? '';
}

/** Self-assessment, staff meeting and the manager's proposal, each by An Lập's officer. */
async function proposed(evaluationId: string, level = 'HTT', year = 2026): Promise<void> {
  for (const [name, type, input] of [
    ['recordSelfAssessment', 'RecordSelfAssessmentInput', { level, comment: 'Hoàn thành các nhiệm vụ được giao', change: on(`${year}-12-02`) }],
    ['recordStaffMeetingComments', 'RecordStaffMeetingCommentsInput', { comment: 'Tập thể thống nhất', change: on(`${year}-12-03`, '05/BB-UBND') }],
    ['proposeRating', 'ProposeRatingInput', { level, comment: 'Đề nghị xếp loại', change: on(`${year}-12-04`) }],
  ] as const) {
    expect((await mutate(DEMO_USERS.anLapOfficer, name, type, { evaluationId, ...input })).errors).toBeUndefined();
  }
}

const decide = (username: string, decisions: Array<{ evaluationId: string; level: string; corruptionInUnit?: boolean }>, date = '2026-12-10') =>
  ask<{ decideRatings: Evaluation[] }>(username, 'mutation ($input: DecideRatingsInput!) { decideRatings(input: $input) { id level revision appliedRules { rule level source article } } }', {
    input: { decisions, change: on(date, `QĐ-XL-${randomUUID().slice(0, 6)}`) },
  });
const read = async (id: string, username: string = DEMO_USERS.anLapOfficer) => (await ask<{ evaluation: Evaluation | null }>(username, `query ($id: ID!) { evaluation(id: $id) { ${EVALUATION} } }`, { id })).data?.evaluation;
type Finalized = { revision: number; appealId: string | null; level: string } & Record<string, unknown>;
const finalized = async (personId: string): Promise<Finalized[]> =>
  (await service.dataSource.query(`SELECT envelope->'payload' AS payload FROM outbox WHERE event_type = 'EvaluationFinalized' AND message_key = $1 ORDER BY position`, [personId]))
    .map((row: { payload: Finalized }) => row.payload);
const detailsOf = (response: Response<unknown>) => response.errors?.[0]?.extensions?.details as Record<string, unknown> | undefined;

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

const person = randomUUID();
const ids: Record<string, string> = {};

describe('the workflow', () => {
  it('moves an evaluation through every step, the head decides and the result is announced', async () => {
    ids.person = await open(person);
    await proposed(ids.person, 'HTNV');
    const before = await written();
    const decided = await decide(DEMO_USERS.anLapOfficer, [{ evaluationId: ids.person, level: 'HTNV' }]);
    expect(decided.data?.decideRatings).toEqual([{ id: ids.person, level: 'HTNV', revision: 1, appliedRules: [] }]);
    expect(await written()).toMatchObject({ evaluation_step: before.evaluation_step + 1, decision: before.decision + 1, audit_log: before.audit_log + 1, outbox: before.outbox + 1 });
    const evaluation = await read(ids.person);
    expect(evaluation).toMatchObject({ status: 'DECIDED', level: 'HTNV', revision: 1, selfLevel: 'HTNV', proposedLevel: 'HTNV', ruleSet: 'ND335-2025-CIVIL_SERVANT', decidedOn: '2026-12-10', points: null });
    expect(evaluation?.steps.map(({ step, level, revision }) => [step, level, revision])).toEqual([
      ['OPENED', null, 0], ['SELF_ASSESSMENT', 'HTNV', 0], ['STAFF_MEETING', null, 0], ['MANAGER_PROPOSAL', 'HTNV', 0], ['HEAD_DECISION', 'HTNV', 1],
    ]);
    expect(await finalized(person)).toEqual([expect.objectContaining({ evaluationId: ids.person, revision: 1, appealId: null, level: 'HTNV', ruleSet: 'ND335-2025-CIVIL_SERVANT', downsizingGrounds: [], effectiveDate: '2026-12-10' })]);
    const audited = await service.dataSource.query(
      `SELECT operation, target_type AS type, target_label AS label, before IS NULL AS created FROM audit_log
        WHERE target_id = $1::text OR target_id = (SELECT decision_id::text FROM evaluation WHERE id = $1::uuid) ORDER BY id`,
      [ids.person],
    );
    expect(audited.map(({ operation, created }: { operation: string; created: boolean }) => [operation, created])).toEqual([
      ['openEvaluation', true], ['recordSelfAssessment', false], ['recordStaffMeetingComments', false], ['proposeRating', false], ['decideRatings', false],
    ]);
    expect(audited[4]).toMatchObject({ type: 'RatingDecision', label: expect.stringContaining('Xã An Lập (25801)') });
    const listed = await ask<{ evaluations: Array<{ id: string }> }>(DEMO_USERS.anLapOfficer, '{ evaluations(unitCode: "25801", year: 2026, status: DECIDED) { id } }');
    expect(listed.data?.evaluations).toEqual([{ id: ids.person }]);
  });

  it('shows nothing outside the caller’s territory', async () => {
    expect(await read(ids.person, DEMO_USERS.dinhAnAdmin)).toBeNull();
    expect((await ask(DEMO_USERS.dinhAnAdmin, '{ evaluations(unitCode: "25801", year: 2026) { id } }')).data).toEqual({ evaluations: [] });
  });
});

describe('refusals change nothing', () => {
  it('refuses a step out of order, naming where the evaluation stands, and a decided one outside an appeal', async () => {
    ids.open = await open(randomUUID());
    const before = await written();
    const early = await mutate(DEMO_USERS.anLapOfficer, 'proposeRating', 'ProposeRatingInput', { evaluationId: ids.open, level: 'HTT', comment: 'Đề nghị', change: on('2026-12-04') });
    expect(errorCodes(early)).toEqual(['EVALUATION_STEP_OUT_OF_ORDER']);
    expect(detailsOf(early)).toMatchObject({ status: 'OPEN', expected: 'COMMENTED' });
    expect(errorCodes(await decide(DEMO_USERS.anLapOfficer, [{ evaluationId: ids.open, level: 'HTT' }]))).toEqual(['EVALUATION_STEP_OUT_OF_ORDER']);
    const again = await mutate(DEMO_USERS.anLapOfficer, 'recordSelfAssessment', 'RecordSelfAssessmentInput', { evaluationId: ids.person, level: 'HTXS', comment: 'Sửa', change: on('2026-12-11') });
    expect(errorCodes(again)).toEqual(['EVALUATION_DECIDED']);
    expect(errorCodes(await decide(DEMO_USERS.anLapOfficer, [{ evaluationId: ids.person, level: 'HTT' }], '2026-12-11'))).toEqual(['EVALUATION_DECIDED']);
    expect(await written()).toEqual(before);
  });

  it('refuses a head’s rating to the head’s own unit, and any step outside the territory', async () => {
    ids.leader = await open(randomUUID(), { leader: true, titleCode: 'CHU_TICH_UBND' });
    await proposed(ids.leader);
    const before = await written();
    const own = await decide(DEMO_USERS.anLapOfficer, [{ evaluationId: ids.leader, level: 'HTT' }]);
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);
    expect(detailsOf(own)).toMatchObject({ reason: 'LEADER_RATED_BY_TIER_ABOVE', unitCode: AN_LAP, unitTier: 'COMMUNE', callerTier: 'COMMUNE' });
    expect(errorCodes(await decide(DEMO_USERS.dinhAnAdmin, [{ evaluationId: ids.leader, level: 'HTT' }]))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await decide(DEMO_USERS.districtViewer, [{ evaluationId: ids.leader, level: 'HTT' }]))).toEqual(['FORBIDDEN']);
    const outside = await mutate(DEMO_USERS.dinhAnAdmin, 'recordStaffMeetingComments', 'RecordStaffMeetingCommentsInput', { evaluationId: ids.open, comment: 'Góp ý', change: on('2026-12-03') });
    expect(errorCodes(outside)).toEqual(['NOT_FOUND']);
    expect(await written()).toEqual(before);
    // the tier above rates the commune's head
    expect((await decide(DEMO_USERS.districtOfficer, [{ evaluationId: ids.leader, level: 'HTT' }])).data?.decideRatings[0]).toMatchObject({ level: 'HTT', revision: 1 });
  });
});

describe('quotas when the head decides', () => {
  const group: string[] = [];

  it('passes 2 HTXS beside 10 HTT in one group, and refuses a third, writing nothing', async () => {
    for (let index = 0; index < 13; index += 1) group.push(await open(randomUUID(), { organizationId: QUOTA_AGENCY }));
    await Promise.all(group.map((id, index) => proposed(id, index < 10 ? 'HTT' : 'HTXS')));
    const good = await decide(DEMO_USERS.anLapOfficer, group.slice(0, 10).map((evaluationId) => ({ evaluationId, level: 'HTT' })));
    expect(good.data?.decideRatings.map((evaluation) => evaluation.level)).toEqual(Array(10).fill('HTT'));
    expect(errorCodes(await decide(DEMO_USERS.anLapOfficer, group.slice(10, 12).map((evaluationId) => ({ evaluationId, level: 'HTXS' }))))).toEqual([]);
    const before = await written();
    const third = await decide(DEMO_USERS.anLapOfficer, [{ evaluationId: group[12], level: 'HTXS' }]);
    expect(errorCodes(third)).toEqual(['RATING_QUOTA_EXCEEDED']);
    expect(detailsOf(third)?.violations).toEqual([expect.objectContaining({ level: 'HTXS', ofLevel: 'HTT', scope: 'AGENCY_DUTY_GROUP', count: 3, ofCount: 10, allowed: 2, group: `${AN_LAP}/${QUOTA_AGENCY}/CHUYEN_MON` })]);
    expect(await written()).toEqual(before);
    expect((await read(group[12]))?.status).toBe('PROPOSED');
  });

  it('quota-checks an appeal that raises a level', async () => {
    const appeal = await mutate(DEMO_USERS.anLapOfficer, 'fileRatingAppeal', 'FileRatingAppealInput', { evaluationId: group[0], reason: 'Đề nghị xem xét lại', change: on('2026-12-15') }, 'id status');
    const before = await written();
    const raised = await mutate(DEMO_USERS.anLapOfficer, 'resolveRatingAppeal', 'ResolveRatingAppealInput',
      { appealId: appeal.data?.fileRatingAppeal.id, upheld: true, level: 'HTXS', resolution: 'Chấp nhận', change: on('2026-12-20') }, 'id status');
    expect(errorCodes(raised)).toEqual(['RATING_QUOTA_EXCEEDED']);
    expect(await written()).toEqual(before);
  });
});

describe('discipline from personnel', () => {
  it('forces KHTNV whatever the level chosen, naming the rule and its article, and makes a downsizing ground under Decree 154', async () => {
    const disciplined = randomUUID();
    const evaluationId = await open(disciplined);
    await proposed(evaluationId, 'HTT');
    const discipline = { disciplineId: randomUUID(), personId: disciplined, unitCode: AN_LAP, system: 'ADMINISTRATIVE' as const, form: 'REPRIMAND' as const, endsOn: null, ...on('2026-05-04', '20/QĐ-KL') };
    const recorded = eventMessage(DisciplineRecorded, discipline, { aggregateId: disciplined, actor: 'system:test' });
    const facts = () => service.dataSource.query('SELECT ends_on::text AS "endsOn" FROM discipline_fact WHERE person_id = $1', [disciplined]);
    await publishAndAwait([recorded], (messages) => service.bus.publish(messages), async () => (await facts()).length, 'discipline projected');
    // delivered again, then restated with an end: one fact, holding what was stated last
    await service.bus.publish([recorded, eventMessage(DisciplineRecorded, { ...discipline, endsOn: '2026-11-04' }, { aggregateId: disciplined, actor: 'system:test' })]);
    await eventually(async () => ((await facts())[0]?.endsOn === '2026-11-04' ? true : undefined), { what: 'restated discipline projected' });
    expect(await facts()).toEqual([{ endsOn: '2026-11-04' }]);
    const decided = await decide(DEMO_USERS.anLapOfficer, [{ evaluationId, level: 'HTT' }]);
    expect(decided.data?.decideRatings[0]).toMatchObject({ level: 'KHTNV', appliedRules: [expect.objectContaining({ rule: 'DISCIPLINED_IN_YEAR', level: 'KHTNV', source: expect.stringContaining('335/2025') })] });
    expect(decided.data?.decideRatings[0].appliedRules[0].article).toMatch(/kỷ luật/);
    const [event] = await finalized(disciplined);
    expect(event).toMatchObject({ level: 'KHTNV', appliedRules: [expect.objectContaining({ rule: 'DISCIPLINED_IN_YEAR' })], downsizingGrounds: [expect.objectContaining({ groundCode: 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', ratings: [{ year: 2026, level: 'KHTNV' }] })] });
  });
});

describe('the basis and the grounds', () => {
  it('judges by the annual points from the period scores when the set rates by points, lowering a choice above their band', async () => {
    const scored = randomUUID();
    const agency = randomUUID();
    const holder = { unitCode: AN_LAP, organizationId: agency, titleCode: 'VAN_PHONG_THONG_KE' };
    const product = (code: string, weight: number, expectedQuantity: number, deadlineDay: number | null, minQualityPercent = 100) => ({
      code, name: `Sản phẩm ${code}`, weight, expectedQuantity, qualityStandard: 'Đúng thể thức', minQualityPercent, deadlineDay,
    });
    const rule = { ...holder, products: [product('BAO_CAO', 40, 1, 25), product('HO_SO', 60, 20, null, 90)], change: on('2026-11-01') };
    expect((await mutate(DEMO_USERS.anLapOfficer, 'recordResponsibilityRule', 'RecordResponsibilityRuleInput', rule, 'id')).errors).toBeUndefined();
    const cycle = { unitCode: AN_LAP, kind: 'MONTHLY', periodFrom: '2026-11-01', periodTo: '2026-11-30', change: on('2026-11-01', 'KH-11') };
    const cycleId = (await mutate(DEMO_USERS.anLapOfficer, 'openEvaluationCycle', 'OpenEvaluationCycleInput', cycle, 'id')).data?.openEvaluationCycle.id;
    // general 50% of 30 = 15, the report on time 28, the files at 95% quality 42: 85 points, HTT
    const score = { cycleId, personId: scored, subject: 'CIVIL_SERVANT', organizationId: agency, titleCode: holder.titleCode, leaveDays: 0, assessed: [{ code: 'GENERAL', percent: 50 }],
      products: [{ code: 'BAO_CAO', quantity: 1, qualityMet: true, deliveredOn: '2026-11-20' }, { code: 'HO_SO', quantity: 20, qualityPercent: 95, deliveredOn: '2026-11-28' }], change: on('2026-12-01', 'BB-11') };
    expect((await mutate(DEMO_USERS.anLapOfficer, 'scoreWorkProducts', 'ScoreWorkProductsInput', score, 'points')).data?.scoreWorkProducts).toEqual({ points: 85 });
    const evaluationId = await open(scored, { organizationId: agency });
    await proposed(evaluationId, 'HTXS');
    const decided = await decide(DEMO_USERS.anLapOfficer, [{ evaluationId, level: 'HTXS' }]);
    expect(decided.data?.decideRatings[0]).toMatchObject({ level: 'HTT', appliedRules: [expect.objectContaining({ rule: 'POINTS_BAND_HTT', level: 'HTT' })] });
    expect(await read(evaluationId)).toMatchObject({ points: 85, level: 'HTT' });
  });

  it('announces the Decree 29/2023 ground of HTNV and KHTNV over two years, decided before 16 June 2025', async () => {
    const weak = randomUUID();
    const [first, second] = [await open(weak, {}, 2023), await open(weak, {}, 2024)];
    await proposed(first, 'KHTNV', 2023);
    await proposed(second, 'HTNV', 2024);
    expect(errorCodes(await decide(DEMO_USERS.anLapOfficer, [{ evaluationId: first, level: 'KHTNV' }], '2024-01-10'))).toEqual([]);
    expect(errorCodes(await decide(DEMO_USERS.anLapOfficer, [{ evaluationId: second, level: 'HTNV' }], '2025-01-10'))).toEqual([]);
    const events = await finalized(weak);
    expect(events.map(({ year, ruleSet }) => [year, ruleSet])).toEqual([[2023, 'ND90-2020-CIVIL_SERVANT'], [2024, 'ND90-2020-CIVIL_SERVANT']]);
    expect(events[1].downsizingGrounds).toEqual([expect.objectContaining({
      groundCode: 'RATED_HTNV_AND_KHTNV_TWO_YEARS', ratings: [{ year: 2023, level: 'KHTNV' }, { year: 2024, level: 'HTNV' }], source: expect.stringContaining('29/2023'),
    })]);
  });
});

describe('appeals', () => {
  const resolve = (appealId: string, input: Record<string, unknown>) =>
    mutate(DEMO_USERS.anLapOfficer, 'resolveRatingAppeal', 'ResolveRatingAppealInput', { appealId, resolution: 'Đã xem xét', ...input }, 'id status resolvedLevel');
  const file = (date: string) =>
    mutate(DEMO_USERS.anLapOfficer, 'fileRatingAppeal', 'FileRatingAppealInput', { evaluationId: ids.person, reason: 'Chưa đánh giá đúng kết quả', change: on(date) }, 'id status');

  it('upheld, re-rates as revision 2 and announces it again with the appeal', async () => {
    const appealId = (await file('2026-12-15')).data?.fileRatingAppeal.id ?? '';
    expect(errorCodes(await file('2026-12-16'))).toEqual(['CONFLICT']);
    const resolved = await resolve(appealId, { upheld: true, level: 'HTT', change: on('2026-12-22') });
    expect(resolved.data?.resolveRatingAppeal).toEqual({ id: appealId, status: 'UPHELD', resolvedLevel: 'HTT' });
    const evaluation = await read(ids.person);
    expect(evaluation).toMatchObject({ level: 'HTT', revision: 2, decidedOn: '2026-12-22' });
    expect(evaluation?.steps.slice(-2).map(({ step, level, revision }) => [step, level, revision])).toEqual([['APPEAL_FILED', null, 1], ['APPEAL_RESOLVED', 'HTT', 2]]);
    expect((await finalized(person)).map(({ revision, appealId: appeal, level }) => ({ revision, appeal, level }))).toEqual([
      { revision: 1, appeal: null, level: 'HTNV' }, { revision: 2, appeal: appealId, level: 'HTT' },
    ]);
    expect(errorCodes(await resolve(appealId, { upheld: false, change: on('2026-12-23') }))).toEqual(['CONFLICT']);
  });

  it('dismissed, keeps the rating and announces nothing', async () => {
    const appealId = (await file('2026-12-24')).data?.fileRatingAppeal.id ?? '';
    const events = (await finalized(person)).length;
    expect((await resolve(appealId, { upheld: false, change: on('2026-12-28') })).data?.resolveRatingAppeal).toEqual({ id: appealId, status: 'DISMISSED', resolvedLevel: null });
    expect(await read(ids.person)).toMatchObject({ level: 'HTT', revision: 2 });
    expect(await finalized(person)).toHaveLength(events);
  });
});
