import { queryDatabase } from '@ps/testing';
import { FIXTURES, THANH_AN, type Fixture } from '../audit.fixtures';
import { databaseOf, gatewayUrl, SERVICES, subgraphUrl } from '../platform';
import { sendOperation } from '../security/exchange';
import { signedIn, type Caller } from './callers';
import { mayWrite, ruleOf, writeRefusal, type WriteTarget } from './policy';
import { judgeAllowed, judgeDenied, noteFinding, read, type CaseLabel, type Via } from './verdict';

/**
 * The write side of the matrix. Every mutation of the composed schema is called with the audit
 * spec's fixture (a well-formed change on Thanh An or the city, so that only authorization can
 * refuse it), by every caller: first those the policy refuses — through the gateway and straight
 * to the owning subgraph — each of which must answer FORBIDDEN and leave no audit row in any of
 * the four services; then the fixture's own caller, whose change must go through; then every
 * other caller the policy allows, who must get past authorization (a domain error such as
 * "already done" is fine, FORBIDDEN is not).
 */

/** The cadre the personnel fixtures act on, as the policy judges who manages them. */
const THANH_AN_CADRE = { category: 'CADRE', unitCode: THANH_AN };
const THANH_AN_CHANGE: WriteTarget = { unitCode: THANH_AN, tier: 'COMMUNE' };

/** What each mutation's fixture changes, where it is not a change to Thanh An itself. */
const TARGETS: Record<string, WriteTarget> = {
  createUnit: { unitCode: THANH_AN, tier: 'HAMLET' },
  renameUnit: { unitCode: THANH_AN, tier: 'HAMLET' },
  // A hamlet of Thanh An moved to Minh Thạnh: both in the city only.
  moveUnit: { unitCode: '79', tier: 'HAMLET' },
  // A cadre of Thanh An rotated to Minh Thạnh: both in the city only.
  startRotation: { unitCode: '79', tier: 'COMMUNE', person: THANH_AN_CADRE },
  extendRotation: { unitCode: '79', tier: 'COMMUNE', person: THANH_AN_CADRE },
  completeRotation: { unitCode: '79', tier: 'COMMUNE', person: THANH_AN_CADRE },
  // Communes of the city merged, split, dissolved and reshaped on the NA Standing Committee's decision.
  mergeUnits: { unitCode: '79', tier: 'COMMUNE' },
  splitUnit: { unitCode: '79', tier: 'COMMUNE' },
  dissolveUnit: { unitCode: '79', tier: 'COMMUNE' },
  adjustBoundary: { unitCode: '79', tier: 'COMMUNE' },
};
const PERSON_FILE = new Set([
  'registerPerson', 'recordQualifications', 'recordDiscipline', 'recordReward', 'recordFamilyMember', 'correctFamilyMember', 'endFamilyMember',
  'recordCircumstance', 'decideDownsizing', 'assign', 'transferAssignment', 'endAssignment', 'addToCadrePlanning', 'removeFromCadrePlanning',
  'startRotation', 'extendRotation', 'completeRotation', 'importPeople', 'importAssignments',
]);

export function writeTargetOf(operation: string): WriteTarget {
  return TARGETS[operation] ?? (PERSON_FILE.has(operation) ? { ...THANH_AN_CHANGE, person: THANH_AN_CADRE } : THANH_AN_CHANGE);
}

/** The newest audit row id of each service, to find rows written after it. */
async function auditMarks(): Promise<string[]> {
  return Promise.all(
    SERVICES.map(async ({ name }) => (await queryDatabase<{ last: string }>(databaseOf(name), 'SELECT coalesce(max(id), 0)::text AS last FROM audit_log'))[0].last),
  );
}

/** Audit rows written after the marks by any of the users named, in every service. */
async function rowsBy(usernames: string[], marks: string[]): Promise<Array<{ service: string; username: string; operation: string }>> {
  const found = await Promise.all(
    SERVICES.map(({ name }, index) =>
      queryDatabase<{ username: string; operation: string }>(databaseOf(name), 'SELECT username, operation FROM audit_log WHERE id > $1 AND username = ANY($2)', [marks[index], usernames]).then(
        (rows) => rows.map((row) => ({ service: name, ...row })),
      ),
    ),
  );
  return found.flat();
}

async function call(caller: Caller, via: Via, fixture: Fixture, variables: Record<string, unknown>) {
  const url = via === 'gateway' ? gatewayUrl : subgraphUrl(fixture.service);
  return sendOperation(url, fixture.query, variables, { token: await signedIn(caller.username), ...(via === 'gateway' ? { proof: 'none' as const } : {}) });
}

/** Runs a list of calls a few at a time. */
async function inParallel(calls: Array<() => Promise<void>>, width: number): Promise<void> {
  const queue = [...calls];
  await Promise.all(Array.from({ length: width }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await next();
  }));
}

/** One mutation against every caller, in the order the header describes. */
async function mutationRow(operation: string, fixture: Fixture, callers: Caller[]): Promise<void> {
  await fixture.prepare?.();
  const variables = fixture.variables();
  const target = writeTargetOf(operation);
  const label = (caller: Caller, via: Via): CaseLabel => ({ via, kind: 'mutation', caller: caller.username, operation, target: target.unitCode });
  const denied = callers.filter((caller) => !mayWrite(caller, operation, target));
  const marks = await auditMarks();
  await inParallel(
    denied.flatMap((caller) =>
      (['gateway', 'subgraph'] as const).map((via) => async () =>
        void judgeDenied(label(caller, via), await call(caller, via, fixture, variables), { write: true, absentOutside: writeRefusal(caller, operation, target) === 'territory', perRow: ruleOf(operation).refusedPerRow === true }),
      ),
    ),
    4,
  );
  const written = await rowsBy(denied.map((caller) => caller.username), marks);
  for (const row of written) {
    const caller = callers.find((candidate) => candidate.username === row.username) as Caller;
    noteFinding(label(caller, 'gateway'), 'leak', `a refused ${operation} wrote an audit row in ${row.service} (${row.operation})`);
  }

  const owner = callers.find((caller) => caller.username === fixture.user) as Caller;
  const ownerAllowed = mayWrite(owner, operation, target);
  const answer = await call(owner, 'gateway', fixture, variables);
  const judged = ownerAllowed ? judgeAllowed(label(owner, 'gateway'), answer) : judgeDenied(label(owner, 'gateway'), answer, { write: true });
  if (judged.body.data) fixture.keep?.(judged.body.data as Record<string, { id?: string }>);
  if (ownerAllowed && judged.codes.length > 0) noteFinding(label(owner, 'gateway'), 'fault', `the fixture's own change failed: ${read(answer).codes.join(', ')} ${answer.text.slice(0, 300)}`);

  const others = callers.filter((caller) => caller !== owner && mayWrite(caller, operation, target));
  for (const caller of others) judgeAllowed(label(caller, 'gateway'), await call(caller, 'gateway', fixture, variables));
}

/** Every mutation of the fixtures, in their order (later ones act on what earlier ones made). */
export async function runMutationRows(callers: Caller[]): Promise<void> {
  for (const [operation, fixture] of FIXTURES) await mutationRow(operation, fixture, callers);
}

/** The mutations the fixtures cover, to compare with the composed schema. */
export const mutationsCovered = (): string[] => FIXTURES.map(([operation]) => operation);
