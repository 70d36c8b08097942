import type { StartedProcess } from '@ps/testing';
import { ids } from './audit.fixtures';
import { prepareThanhAn } from './audit.thanh-an';
import { demoCallers, describeCaller, type Caller } from './matrix/callers';
import { composedOperations, mayRead, mayWrite, OPERATIONS, TODAY } from './matrix/policy';
import { entityCases, judgeSilentRefusals, rememberAnswer, type AnswersAlike, listQueryCases, nestedCases, recordQueryCases, unitQueryCases, type PlannedCase } from './matrix/reads';
import { LIST_PROBES, RECORD_PROBES, UNIT_PROBES, type Records } from './matrix/probes';
import { count, judgeAllowed, judgeDenied, summary, tally, type CaseLabel, type Observation } from './matrix/verdict';
import { outsideOrUnmasked } from './matrix/reads';
import type { Answer } from './security/exchange';
import { mutationsCovered, runMutationRows } from './matrix/writes';
import { everyServiceProjectedTheTerritory, runServiceSeed, startPlatform, stopPlatform } from './platform';

/**
 * The access matrix (`npm run test:matrix`): every demo account of the realm against every
 * query and mutation of the composed schema, expected allow or deny taken from the written
 * policy (matrix/access-policy.json) alone, through the gateway and straight to each subgraph
 * with the gateway's proof. Any leak or wrongly refused call fails it.
 */

/** High enough that the matrix's own calls never meet the gateway's per-caller rate limit. */
const RATE_LIMIT = 1_000_000;
/** A busy two-core machine may take longer than the default to project the national territory into three services. */
const PROJECTION_TIMEOUT_MS = 300_000;
/** Calls in flight at once on the read side. */
const WIDTH = 6;

let platform: StartedProcess[] = [];
const callers: Caller[] = demoCallers();
const startedAt = Date.now();
const phases: Record<string, number> = {};

async function runAll(cases: PlannedCase[]): Promise<void> {
  const queue = [...cases];
  await Promise.all(Array.from({ length: WIDTH }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await next.run();
  }));
}

const seconds = (since: number) => Math.round((Date.now() - since) / 100) / 10;

describe('the access policy', () => {
  it('classifies every query and mutation of the composed schema, and names nothing the schema lacks', () => {
    const composed = composedOperations().map(({ name }) => name).sort();
    expect(Object.keys(OPERATIONS).sort()).toEqual(composed);
    for (const { type, name } of composedOperations()) expect({ name, type: OPERATIONS[name]?.type }).toEqual({ name, type });
  });

  it('has a probe for every query and a fixture for every mutation, so each is called', () => {
    const probed = [...Object.keys(UNIT_PROBES), ...Object.keys(RECORD_PROBES), ...Object.keys(LIST_PROBES)].sort();
    const queries = composedOperations().filter(({ type }) => type === 'query').map(({ name }) => name).sort();
    const mutations = composedOperations().filter(({ type }) => type === 'mutation').map(({ name }) => name).sort();
    expect(probed).toEqual(queries);
    expect([...mutationsCovered()].sort()).toEqual(mutations);
  });

  it('reads as the README tells it (checked here so that an edit of the policy that contradicts it shows)', () => {
    const as = (username: string) => callers.find((caller) => caller.username === username) as Caller;
    const thanhAn = { unitCode: '25807', tier: 'COMMUNE' as const };
    const cadre = { ...thanhAn, person: { category: 'CADRE', unitCode: '25807' } };
    expect(mayRead(as('admin.thanhan'), 'unit', '25807', TODAY)).toBe(true);
    expect(mayRead(as('admin.thanhan'), 'unit', '79', TODAY)).toBe(false);
    expect(mayRead(as('admin.anlap'), 'unit', '25789', '2024-01-01')).toBe(false);
    expect(mayRead(as('admin.dautieng'), 'unit', '720', '2013-09-16')).toBe(true);
    expect(mayRead(as('admin.dautieng'), 'unit', '25801', TODAY)).toBe(true);
    expect(mayRead(as('viewer.dautieng'), 'users', '720', TODAY)).toBe(false);
    expect(mayWrite(as('admin.dautieng'), 'createOrganization', { unitCode: '720', tier: 'DISTRICT' })).toBe(false);
    expect(mayWrite(as('admin.tphcm'), 'approveStaffingProposal', thanhAn)).toBe(true);
    expect(mayWrite(as('admin.thanhan'), 'approveStaffingProposal', thanhAn)).toBe(false);
    expect(mayWrite(as('tochuc.tphcm'), 'recordDiscipline', cadre)).toBe(true);
    expect(mayWrite(as('admin.tphcm'), 'recordDiscipline', cadre)).toBe(false);
    expect(mayWrite(as('noivu.tphcm'), 'recordDiscipline', cadre)).toBe(false);
  });

  it('covers every demo account of the realm, the two-tier era’s included', () => {
    expect(callers.map(describeCaller)).toEqual(expect.arrayContaining([expect.stringMatching(/^admin\.tphcm /), expect.stringMatching(/^admin\.thanhan /)]));
    expect(callers.length).toBeGreaterThanOrEqual(17);
  });
});

/** An answer as a subgraph or the gateway would send it. */
const answered = (body: object, status = 200): Answer => ({ status, contentType: 'application/json', headers: {}, text: JSON.stringify(body) });

/** What the judge finds in one answer, leaving the matrix's own tally as it was. */
function findingsOf(judge: (label: CaseLabel) => void): Array<Observation['finding']> {
  const saved = structuredClone(tally);
  judge({ via: 'gateway', kind: 'self-test', caller: 'self-test', operation: 'self-test', target: 'self-test' });
  const found = tally.findings.slice(saved.findings.length).map((observation) => observation.finding);
  Object.assign(tally, saved);
  return found;
}

describe('the matrix judge', () => {
  const thanhAn = callers.find((caller) => caller.username === 'admin.thanhan') as Caller;
  const forbidden = { data: null, errors: [{ message: 'Không có quyền / Forbidden', extensions: { code: 'FORBIDDEN' } }] };

  it('calls data answered to a refused caller a leak, and a refusal with nothing a pass', () => {
    expect(findingsOf((label) => judgeDenied(label, answered({ data: { r: { code: '79', name: 'Thành phố Hồ Chí Minh' } } })))).toEqual(['leak']);
    expect(findingsOf((label) => judgeDenied(label, answered(forbidden)))).toEqual([]);
    expect(findingsOf((label) => judgeDenied(label, answered({ data: { r: null } })))).toEqual([]);
  });

  it('calls a refused write that answered without FORBIDDEN a leak', () => {
    expect(findingsOf((label) => judgeDenied(label, answered({ data: { r: { id: 'x' } } }), { write: true }))).toEqual(['leak']);
    expect(findingsOf((label) => judgeDenied(label, answered({ data: null, errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT' } }] }), { write: true }))).toEqual(['leak']);
    expect(findingsOf((label) => judgeDenied(label, answered(forbidden), { write: true }))).toEqual([]);
  });

  it('calls FORBIDDEN or a 401 for an allowed call a wrong refusal, and an internal error a fault', () => {
    expect(findingsOf((label) => judgeAllowed(label, answered(forbidden)))).toEqual(['wrong refusal']);
    expect(findingsOf((label) => judgeAllowed(label, answered({ errors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] }, 401)))).toEqual(['wrong refusal']);
    expect(findingsOf((label) => judgeAllowed(label, answered({ errors: [{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })))).toEqual(['fault']);
  });

  it('finds a row outside the territory and personal data in full for a caller who does not manage the person', () => {
    const inspect = outsideOrUnmasked(thanhAn, TODAY);
    expect(findingsOf((label) => judgeAllowed(label, answered({ data: { r: [{ unitCode: '25807', name: 'a' }, { unitCode: '79', name: 'b' }] } }), inspect))).toEqual(['leak']);
    const cadre = { unitCode: '25807', category: 'CADRE', fullName: 'Nguyễn Văn A', personalData: { masked: false, personalId: '074090001234' } };
    expect(findingsOf((label) => judgeAllowed(label, answered({ data: { r: cadre } }), inspect))).toEqual(['leak']);
    const masked = { ...cadre, personalData: { masked: true, personalId: '0*********34' } };
    expect(findingsOf((label) => judgeAllowed(label, answered({ data: { r: masked } }), inspect))).toEqual([]);
  });
  it('calls an allowed read that answered nothing where another allowed caller got data a silent refusal', () => {
    const question = (caller: string): CaseLabel => ({ via: 'gateway', kind: 'query', caller, operation: 'unit', target: '25807@today' });
    const asked = (answers: Array<[string, unknown]>): AnswersAlike => {
      const questions: AnswersAlike = new Map();
      for (const [caller, data] of answers) rememberAnswer(question(caller), [], data, questions);
      return questions;
    };
    const unit = { r: { code: '25807', name: 'Phường Thanh An' } };
    expect(findingsOf(() => judgeSilentRefusals(asked([['admin.tphcm', unit], ['admin.thanhan', { r: null }]])))).toEqual(['wrong refusal']);
    expect(findingsOf(() => judgeSilentRefusals(asked([['admin.tphcm', unit], ['admin.thanhan', { r: [] }]])))).toEqual(['wrong refusal']);
    expect(findingsOf(() => judgeSilentRefusals(asked([['admin.tphcm', unit], ['admin.thanhan', unit]])))).toEqual([]);
    expect(findingsOf(() => judgeSilentRefusals(asked([['admin.tphcm', { r: null }], ['admin.thanhan', { r: null }]])))).toEqual([]);
  });
});

describe('the matrix', () => {
  beforeAll(async () => {
    platform = await startPlatform({ gatewayEnv: { RATE_LIMIT_REQUESTS: String(RATE_LIMIT), RATE_LIMIT_WINDOW_SECONDS: '600' } });
    await everyServiceProjectedTheTerritory(undefined, PROJECTION_TIMEOUT_MS);
    // Personnel's demo people of the Dầu Tiếng era, whose personal data the reads must mask unless the caller manages them.
    phases.personnelSeed = runServiceSeed('personnel');
    await prepareThanhAn();
    phases.platform = seconds(startedAt);
  }, 480_000);

  afterAll(() => stopPlatform(platform));

  it('refuses every write the policy refuses (FORBIDDEN, nothing written) and lets through every write it allows', async () => {
    const at = Date.now();
    await runMutationRows(callers);
    phases.mutations = seconds(at);
    expect(tally.findings.filter((found) => found.kind === 'mutation')).toEqual([]);
  }, 300_000);

  it('answers every read inside the territory (the same data to every caller the policy lets in), and nothing outside it, masked unless the caller manages the person', async () => {
    const records: Records = { organization: ids.economy, person: ids.person, evaluation: ids.evaluation, cycle: ids.cycle, proposal: ids.proposal };
    const at = Date.now();
    await runAll([
      ...unitQueryCases(callers),
      ...recordQueryCases(callers, records),
      ...listQueryCases(callers),
      ...nestedCases(callers, records),
      ...entityCases(callers, records),
    ]);
    judgeSilentRefusals();
    phases.reads = seconds(at);
    expect(tally.findings.filter((found) => found.kind !== 'mutation')).toEqual([]);
  }, 300_000);

  afterAll(() => {
    phases.total = seconds(startedAt);
    const line = summary({ seconds: phases });
    process.stdout.write(`${line}\n  in ${phases.total} s (platform ${phases.platform} s, writes ${phases.mutations} s, reads ${phases.reads} s)\n`);
    if (count('leak') + count('wrong refusal') + count('fault') > 0) {
      process.stdout.write(tally.findings.slice(0, 60).map((found) => `  ${found.finding}: ${found.caller} ${found.operation} ${found.target} via ${found.via}: ${found.detail}`).join('\n') + '\n');
    }
  });
});
