import { randomUUID } from 'node:crypto';
import { demoTerritoryAnnouncements, EVALUATION_TOPIC } from '@ps/contracts';
import type { OutgoingMessage } from '@ps/events';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, eventually, graphqlRequest, publishAndAwait, recreateTestDatabase, rowCounts, serviceTestEnv, tokenFor, WRITE_TRAIL_TABLES } from '@ps/testing';
import { personnelService } from '../src/service';
import { evaluationIdOf, finalizedEvaluation, GROUNDS, type FinalizedFacts } from './evaluation.fixtures';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('personnel'));
let service: RunningService;

const count = async (sql: string, parameters: unknown[] = []): Promise<number> => (await service.dataSource.query(sql, parameters))[0].n;
const ask = async <T>(username: string, query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<T>(service.url, query, { token: await tokenFor(username), variables });
const kept = () => rowCounts((sql) => service.dataSource.query(sql), ['person_rating', 'downsizing_candidate', 'reward_proposal', 'downsizing', 'inbox', ...WRITE_TRAIL_TABLES]);

/** An Lập's officer reads the commune's lists; Định An's, another commune's, must see none of them. */
const OFFICER = DEMO_USERS.anLapOfficer;
const OTHER_COMMUNE = DEMO_USERS.dinhAnViewer;
const AN_LAP = '25801';

const evaluationsReceived = () => count("SELECT count(*)::int AS n FROM inbox WHERE consumer = 'personnel.evaluations'");
const eventIdOf = (message: OutgoingMessage): string => (JSON.parse(message.value) as { id: string }).id;

/**
 * Publishes to Kafka and waits until every distinct event is in the inbox and the consumer has
 * nothing left to read: a message repeated in the batch adds no inbox row, so its handling shows
 * only as the consumer's lag reaching zero.
 */
async function deliver(...messages: OutgoingMessage[]): Promise<void> {
  const before = await evaluationsReceived();
  const repeats = messages.length - new Set(messages.map(eventIdOf)).size;
  await publishAndAwait(messages, (batch) => service.bus.publish(batch), async () => (await evaluationsReceived()) - before + repeats, 'ratings received');
  await eventually(async () => ((await service.bus.consumerLag('personnel.evaluations', EVALUATION_TOPIC)) === 0 ? true : undefined), { what: 'repeats consumed' });
}

const people: Record<string, { id: string; fullName: string; unitCode: string }> = {};
async function register(key: string, personalId: string, gender: 'MALE' | 'FEMALE'): Promise<void> {
  const fullName = `Người Xếp Loại ${key}`;
  const response = await ask<{ registerPerson: { id: string } }>(DEMO_USERS.districtHomeAffairs, 'mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }', {
    input: { unitCode: AN_LAP, fullName, personalId, birthDate: `19${personalId.slice(4, 6)}-01-01`, gender, ethnicity: 'Kinh', homePlace: 'Bình Dương', category: 'CIVIL_SERVANT', change: changeOn('2010-01-01') },
  });
  expect(response.errors).toBeUndefined();
  people[key] = { id: response.data?.registerPerson.id ?? '', fullName, unitCode: AN_LAP };
}

const rated = (key: string, facts: Omit<FinalizedFacts, 'person'>) => finalizedEvaluation({ person: people[key] ?? { id: '', fullName: '', unitCode: AN_LAP }, ...facts });

interface Candidate { id: string; personId: string; groundCode: string; groundName: string | null; ruleSource: string; status: string; revision: number; withdrawnByRevision: number | null; ratings: Array<{ year: number; level: string }>; exclusions: Array<{ code: string; reason: string }> }
const CANDIDATE_FIELDS = 'id personId groundCode groundName ruleSource status revision withdrawnByRevision ratings { year level } exclusions { code reason }';
async function candidates(username: string, year: number, status?: string): Promise<Candidate[]> {
  const filter = status ? `, status: ${status}` : '';
  const response = await ask<{ downsizingCandidates: Candidate[] }>(username, `{ downsizingCandidates(unitCode: "720", year: ${year}${filter}) { ${CANDIDATE_FIELDS} } }`);
  expect(response.errors).toBeUndefined();
  return response.data?.downsizingCandidates ?? [];
}
const candidatesOf = async (key: string, year: number) => (await candidates(OFFICER, year)).filter((candidate) => candidate.personId === people[key]?.id);

interface Proposal { personId: string; status: string; revision: number; withdrawnByRevision: number | null; points: number | null }
async function proposalsOf(key: string, username: string = OFFICER): Promise<Proposal[]> {
  const response = await ask<{ rewardProposals: Proposal[] }>(username, '{ rewardProposals(unitCode: "720", year: 2025) { personId status revision withdrawnByRevision points } }');
  expect(response.errors).toBeUndefined();
  return (response.data?.rewardProposals ?? []).filter((proposal) => proposal.personId === people[key]?.id);
}

async function ratingHistory(key: string, username: string = OFFICER) {
  const response = await ask<{ person: { ratingHistory: Array<{ year: number; level: string; revision: number; ruleSet: string; effectiveDate: string }> } | null }>(
    username, 'query ($id: ID!) { person(id: $id) { ratingHistory { year level revision ruleSet effectiveDate } } }', { id: people[key]?.id });
  expect(response.errors).toBeUndefined();
  return response.data?.person?.ratingHistory ?? null;
}

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(personnelService, env);
  await publishAndAwait(demoTerritoryAnnouncements(), (messages) => service.bus.publish(messages),
    () => count('SELECT count(DISTINCT code)::int AS n FROM territory_unit'), 'territory projected');
  const keys = ['twoYears', 'khtnv', 'mother', 'appealed', 'excellent', 'late'];
  for (const [index, key] of keys.entries()) await register(key, `074${key === 'mother' ? 1 : 0}85000${100 + index}`, key === 'mother' ? 'FEMALE' : 'MALE');
});

afterAll(() => service?.stop());

describe('downsizing candidates from finalised ratings', () => {
  it('makes an HTNV then KHTNV sequence decided on 10 Jan 2025 a candidate under Decree 29/2023, with both ratings kept', async () => {
    await deliver(
      rated('twoYears', { year: 2023, level: 'HTNV', effectiveDate: '2024-01-10' }),
      rated('twoYears', { year: 2024, level: 'KHTNV', effectiveDate: '2025-01-10', grounds: [GROUNDS.d29TwoYears([{ year: 2023, level: 'HTNV' }, { year: 2024, level: 'KHTNV' }])] }),
    );
    expect(await candidatesOf('twoYears', 2024)).toEqual([expect.objectContaining({
      groundCode: 'RATED_HTNV_AND_KHTNV_TWO_YEARS', groundName: expect.stringContaining('một năm HTNV và một năm KHTNV'), ruleSource: 'Nghị định 29/2023/NĐ-CP, Điều 2 khoản 1',
      status: 'CANDIDATE', revision: 1, withdrawnByRevision: null, ratings: [{ year: 2023, level: 'HTNV' }, { year: 2024, level: 'KHTNV' }], exclusions: [],
    })]);
    expect(await ratingHistory('twoYears')).toEqual([
      { year: 2024, level: 'KHTNV', revision: 1, ruleSet: 'ND90-2020-ND48-2023', effectiveDate: '2025-01-10' },
      { year: 2023, level: 'HTNV', revision: 1, ruleSet: 'ND90-2020-ND48-2023', effectiveDate: '2024-01-10' },
    ]);
  });

  it('makes a single KHTNV decided on 10 Dec 2025 a candidate under Decree 154/2025, once although the event is delivered twice', async () => {
    const khtnv = rated('khtnv', { year: 2025, level: 'KHTNV', effectiveDate: '2025-12-10', grounds: [GROUNDS.d154Khtnv(2025)] });
    await deliver(khtnv, khtnv);
    const evaluationId = evaluationIdOf(khtnv);
    expect(await count('SELECT count(*)::int AS n FROM person_rating WHERE evaluation_id = $1', [evaluationId])).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM downsizing_candidate WHERE evaluation_id = $1', [evaluationId])).toBe(1);
    expect(await candidatesOf('khtnv', 2025)).toEqual([expect.objectContaining({
      groundCode: 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', ruleSource: 'Nghị định 154/2025/NĐ-CP, Điều 2', status: 'CANDIDATE', exclusions: [],
    })]);
  });

  it('lists a person on maternity leave on the decision’s date as excluded, with the exclusion’s reason and article', async () => {
    const leave = await ask<{ recordCircumstance: { kind: string } }>(DEMO_USERS.provinceHomeAffairs,
      'mutation ($input: RecordCircumstanceInput!) { recordCircumstance(input: $input) { kind } }',
      { input: { personId: people.mother?.id, kind: 'MATERNITY_LEAVE', endsOn: '2026-03-01', change: changeOn('2025-09-01') } });
    expect(leave.errors).toBeUndefined();
    await deliver(rated('mother', { year: 2025, level: 'KHTNV', effectiveDate: '2025-12-10', grounds: [GROUNDS.d154Khtnv(2025)] }));
    const [excluded] = await candidatesOf('mother', 2025);
    expect(excluded).toMatchObject({ status: 'EXCLUDED', exclusions: [{ code: 'MATERNITY_LEAVE', reason: 'Chưa xem xét tinh giản: Đang nghỉ thai sản (Nghị định 154/2025/NĐ-CP, Điều 3) / downsizing deferred' }] });
    expect((await candidates(OFFICER, 2025, 'EXCLUDED')).map((candidate) => candidate.personId)).toEqual([people.mother?.id]);
    expect((await candidates(OFFICER, 2025, 'CANDIDATE')).map((candidate) => candidate.personId)).not.toContain(people.mother?.id);
  });

  it('withdraws the candidate when an appeal re-rates KHTNV as HTT, keeps it, and refuses a decision citing it', async () => {
    const first = rated('appealed', { year: 2025, level: 'KHTNV', effectiveDate: '2025-12-10', grounds: [GROUNDS.d154Khtnv(2025)] });
    await deliver(first);
    const [standing] = await candidatesOf('appealed', 2025);
    expect(standing?.status).toBe('CANDIDATE');
    await deliver(rated('appealed', { evaluationId: evaluationIdOf(first), revision: 2, year: 2025, level: 'HTT', effectiveDate: '2026-01-20' }));
    expect(await candidatesOf('appealed', 2025)).toEqual([expect.objectContaining({ id: standing?.id, status: 'WITHDRAWN', revision: 1, withdrawnByRevision: 2 })]);
    expect(await ratingHistory('appealed')).toEqual([{ year: 2025, level: 'HTT', revision: 2, ruleSet: 'ND335-2025', effectiveDate: '2026-01-20' }]);
    const before = await kept();
    const refused = await ask(DEMO_USERS.provinceHomeAffairs, 'mutation ($input: DecideDownsizingInput!) { decideDownsizing(input: $input) { id } }', {
      input: { personId: people.appealed?.id, groundCode: 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', candidateId: standing?.id, change: changeOn('2026-02-01') },
    });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'CANDIDATE_WITHDRAWN', withdrawnByRevision: 2 } });
    expect(await kept()).toEqual(before);
  });

  it('changes nothing when an older revision arrives after a newer one', async () => {
    const evaluationId = randomUUID();
    await deliver(rated('late', { evaluationId, revision: 2, year: 2025, level: 'HTT', effectiveDate: '2026-01-20' }));
    const before = await kept();
    await deliver(
      rated('late', { evaluationId, revision: 1, year: 2025, level: 'KHTNV', effectiveDate: '2025-12-10', grounds: [GROUNDS.d154Khtnv(2025)] }),
      rated('late', { evaluationId, revision: 2, year: 2025, level: 'KHTNV', effectiveDate: '2026-01-21', grounds: [GROUNDS.d154Khtnv(2025)] }),
    );
    expect(await kept()).toEqual({ ...before, inbox: before.inbox + 2 });
    expect(await ratingHistory('late')).toEqual([{ year: 2025, level: 'HTT', revision: 2, ruleSet: 'ND335-2025', effectiveDate: '2026-01-20' }]);
    expect(await candidatesOf('late', 2025)).toEqual([]);
  });

  it('keeps the rating of a person not on file but derives no candidate or proposal for them', async () => {
    const stranger = { id: randomUUID(), fullName: 'Người Ngoài Hồ Sơ', unitCode: AN_LAP };
    const before = await kept();
    await deliver(
      finalizedEvaluation({ person: stranger, year: 2025, level: 'KHTNV', effectiveDate: '2025-12-10', grounds: [GROUNDS.d154Khtnv(2025)] }),
      finalizedEvaluation({ person: stranger, year: 2024, level: 'HTXS', effectiveDate: '2024-12-10' }),
    );
    expect(await kept()).toEqual({ ...before, person_rating: before.person_rating + 2, inbox: before.inbox + 2 });
    expect(await count('SELECT count(*)::int AS n FROM person_rating WHERE person_id = $1', [stranger.id])).toBe(2);
  });
});

describe('reward proposals from HTXS', () => {
  it('proposes a reward for HTXS, withdraws it when an appeal re-rates HTT, and proposes it again when raised back', async () => {
    const first = rated('excellent', { year: 2025, level: 'HTXS', effectiveDate: '2025-12-10' });
    const evaluationId = evaluationIdOf(first);
    await deliver(first);
    expect(await proposalsOf('excellent')).toEqual([{ personId: people.excellent?.id, status: 'PROPOSED', revision: 1, withdrawnByRevision: null, points: 92 }]);
    await deliver(rated('excellent', { evaluationId, revision: 2, year: 2025, level: 'HTT', effectiveDate: '2026-01-20' }));
    expect(await proposalsOf('excellent')).toEqual([{ personId: people.excellent?.id, status: 'WITHDRAWN', revision: 1, withdrawnByRevision: 2, points: 92 }]);
    await deliver(rated('excellent', { evaluationId, revision: 3, year: 2025, level: 'HTXS', effectiveDate: '2026-02-20' }));
    expect(await proposalsOf('excellent')).toEqual([{ personId: people.excellent?.id, status: 'PROPOSED', revision: 3, withdrawnByRevision: null, points: 92 }]);
    expect(await count('SELECT count(*)::int AS n FROM reward_proposal WHERE evaluation_id = $1', [evaluationId])).toBe(1);
  });
});

describe('inside the caller’s territory', () => {
  it('shows another commune’s officer no candidate, no proposal and no rating history', async () => {
    expect((await candidates(OFFICER, 2025)).length).toBeGreaterThan(0);
    expect(await candidates(OTHER_COMMUNE, 2025)).toEqual([]);
    expect(await candidates(OTHER_COMMUNE, 2024)).toEqual([]);
    expect(await proposalsOf('excellent', OTHER_COMMUNE)).toEqual([]);
    expect(await ratingHistory('twoYears', OTHER_COMMUNE)).toBeNull();
    const askedForAnLap = await ask<{ downsizingCandidates: unknown[] }>(OTHER_COMMUNE, `{ downsizingCandidates(unitCode: "${AN_LAP}", year: 2025) { id } }`);
    expect(askedForAnLap.data?.downsizingCandidates).toEqual([]);
  });

  it('reads the rating histories of a commune’s staff in one statement', async () => {
    const statements = jest.spyOn(service.dataSource.logger, 'logQuery');
    try {
      statements.mockClear();
      const response = await ask<{ people: Array<{ id: string; ratingHistory: Array<{ year: number }> }> }>(OFFICER, `{ people(unitCode: "${AN_LAP}") { id ratingHistory { year } } }`);
      expect(response.errors).toBeUndefined();
      expect(response.data?.people.find((person) => person.id === people.twoYears?.id)?.ratingHistory).toEqual([{ year: 2024 }, { year: 2023 }]);
      expect(statements.mock.calls.filter(([sql]) => /person_rating/.test(String(sql)))).toHaveLength(1);
    } finally {
      statements.mockRestore();
    }
  });
});
