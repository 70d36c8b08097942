import { gatewayUrl, subgraphUrl, type ServiceName } from '../platform';
import { sendOperation, type Answer } from '../security/exchange';
import { signedIn, type Caller } from './callers';
import { insideTerritory, knowsUnit, manages, mayRead, pathInsideTerritory, ruleOf, TODAY } from './policy';
import { LIST_PROBES, RECORD_PROBES, UNIT_PROBES, type Probe, type Records, type UnitTarget } from './probes';
import { carriesData, judgeAllowed, judgeDenied, noteFinding, type CaseLabel, type Via } from './verdict';

/**
 * The read side of the matrix: every query of the policy for every caller, on units inside and
 * outside the caller's territory, today and on dates when the territory differed, through the
 * gateway and straight to the owning subgraph with the gateway's proof; nested fields across
 * services through the gateway; and federation references sent to each subgraph.
 */

const HISTORY = '1999-12-31';
/** The demo seed's Dầu Tiếng story (its cadres, posts and Party members): personnel's seeded people of the district era. */
const STORY_DAY = '2013-09-16';
/** Huyện Dầu Tiếng's last day, before the two-tier territory (1 July 2025). */
const LAST_THREE_TIER_DAY = '2025-06-30';

/**
 * The units asked about, which for each caller are its own unit, one below, its parent or a unit
 * outside: the city and Thanh An today, Hà Nội (outside everyone's but the centre's), the
 * district era's units on its last day, Dầu Tiếng on the demo story's day (personnel's seeded
 * people, masked unless the caller manages them) and in 1999.
 */
export const UNIT_TARGETS: UnitTarget[] = [
  { code: '79', date: TODAY },
  { code: '25807', date: TODAY },
  { code: '01', date: TODAY },
  { code: '74', date: LAST_THREE_TIER_DAY },
  { code: '720', date: LAST_THREE_TIER_DAY },
  { code: '25801', date: LAST_THREE_TIER_DAY },
  { code: '25807', date: LAST_THREE_TIER_DAY },
  { code: '720', date: STORY_DAY },
  { code: '720', date: HISTORY },
];

/** Queries whose answer is as of today whatever the target's date (no `asOf` argument). */
const ANSWERED_TODAY = new Set(['quotaHistory', 'auditTrail', 'users', 'clientApps', 'evaluations', 'evaluationCycles']);

/** A case waiting to run: what to send, where, and how to judge it. */
export interface PlannedCase {
  label: CaseLabel;
  allowed: boolean;
  run: () => Promise<void>;
}

const urlOf = (via: Via, service: ServiceName) => (via === 'gateway' ? gatewayUrl : subgraphUrl(service));
const vias: Via[] = ['gateway', 'subgraph'];

async function ask(caller: Caller, via: Via, service: ServiceName, probe: Probe): Promise<Answer> {
  return sendOperation(urlOf(via, service), probe.query, probe.variables, { token: await signedIn(caller.username), ...(via === 'gateway' ? { proof: 'none' as const } : {}) });
}

/** Every object inside an answer, depth first. */
function* objectsIn(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const item of value) yield* objectsIn(item);
  else if (value && typeof value === 'object') {
    yield value as Record<string, unknown>;
    for (const inner of Object.values(value)) yield* objectsIn(inner);
  }
}

/** A full personal ID (the masked form keeps only a few digits behind asterisks). */
const FULL_PERSONAL_ID = /^\d{9,12}$/;

/**
 * What an allowed answer must not hold: a unit (by code or path) outside the caller's territory
 * on the date, or a person's personal data in full for a caller who does not manage them (and
 * masked for one who does).
 */
export function outsideOrUnmasked(caller: Caller, date: string) {
  return (data: Record<string, unknown>): string | null => {
    for (const row of objectsIn(data)) {
      const code = typeof row.unitCode === 'string' ? row.unitCode : null;
      if (code && knowsUnit(code) && !insideTerritory(caller, code, date)) return `a row of ${code}, outside the territory on ${date}: ${JSON.stringify(row).slice(0, 200)}`;
      if (typeof row.path === 'string' && !pathInsideTerritory(caller, row.path, date)) return `unit ${row.path}, outside the territory on ${date}`;
      const personal = row.personalData as { masked?: boolean; personalId?: string | null } | null | undefined;
      if (personal && code && knowsUnit(code)) {
        const full = manages(caller, { category: (row.category as string | null) ?? null, unitCode: code }, date);
        const unmasked = personal.masked === false || FULL_PERSONAL_ID.test(personal.personalId ?? '');
        if (!full && unmasked) return `personal data in full for a caller who does not manage ${row.fullName as string}: ${JSON.stringify(personal)}`;
        if (full && personal.masked !== false) return `MASKED_FOR_MANAGER personal data masked for the body that manages ${row.fullName as string}`;
      }
    }
    return null;
  };
}

/**
 * The allowed reads of one question (via × operation × target) that the policy answers alike for
 * every caller it lets in (`territory`: the key's data, nothing narrower by role): whether each
 * caller's answer carried data.
 */
export type AnswersAlike = Map<string, Array<{ label: CaseLabel; carried: boolean }>>;
const answersAlike: AnswersAlike = new Map();

/**
 * A silent refusal: an allowed caller answered nothing (null, an empty list) where another caller
 * the policy lets read the same thing got data. Judged once every read has run.
 */
export function judgeSilentRefusals(questions: AnswersAlike = answersAlike): number {
  let found = 0;
  for (const answers of questions.values()) {
    const withData = answers.find((answer) => answer.carried);
    if (!withData) continue;
    for (const answer of answers.filter((candidate) => !candidate.carried)) {
      noteFinding(answer.label, 'wrong refusal', `answered nothing where ${withData.label.caller} got data (a silent refusal)`);
      found += 1;
    }
  }
  return found;
}

/** Records an allowed answer for the silent-refusal check (a refusal or a fault is judged on its own). */
export function rememberAnswer(label: CaseLabel, codes: string[], data: unknown, questions: AnswersAlike = answersAlike): void {
  if (codes.length > 0) return;
  const question = `${label.via} ${label.operation} ${label.target}`;
  questions.set(question, [...(questions.get(question) ?? []), { label, carried: carriesData(data) }]);
}

/** `alike`: every caller the policy lets in gets the same data (checked by `judgeSilentRefusals`). */
function planned(caller: Caller, via: Via, operation: string, target: string, allowed: boolean, send: () => Promise<Answer>, date: string, kind: string, alike = false): PlannedCase {
  const label: CaseLabel = { via, kind, caller: caller.username, operation, target };
  return {
    label,
    allowed,
    run: async () => {
      const answer = await send();
      if (!allowed) {
        judgeDenied(label, answer);
        return;
      }
      const judged = judgeAllowed(label, answer, outsideOrUnmasked(caller, date));
      if (alike) rememberAnswer(label, judged.codes, judged.body.data);
    },
  };
}

/** Reads the policy answers with the key's data for every caller it lets in. */
const alikeForAll = (operation: string) => ruleOf(operation).read === 'territory';

/** Unit-keyed queries: caller × operation × target unit and date × gateway and subgraph. */
export function unitQueryCases(callers: Caller[]): PlannedCase[] {
  return callers.flatMap((caller) =>
    Object.entries(UNIT_PROBES).flatMap(([operation, probe]) =>
      UNIT_TARGETS.flatMap((target) => {
        const date = ANSWERED_TODAY.has(operation) ? TODAY : target.date;
        const allowed = mayRead(caller, operation, target.code, date);
        const { service } = ruleOf(operation);
        return vias.map((via) =>
          planned(caller, via, operation, `${target.code}@${target.date}`, allowed, () => ask(caller, via, service, probe(target)), date, ruleOf(operation).personal ? 'personal' : 'query', alikeForAll(operation)),
        );
      }),
    ),
  );
}

/** Record-keyed queries on the fixtures' records of Thanh An, today. */
export function recordQueryCases(callers: Caller[], records: Records): PlannedCase[] {
  return callers.flatMap((caller) =>
    Object.entries(RECORD_PROBES).flatMap(([operation, probe]) => {
      const allowed = mayRead(caller, operation, '25807', TODAY);
      const { service } = ruleOf(operation);
      return vias.map((via) =>
        planned(caller, via, operation, `25807 ${ruleOf(operation).key}`, allowed, () => ask(caller, via, service, probe(records)), TODAY, ruleOf(operation).personal ? 'personal' : 'record', alikeForAll(operation)),
      );
    }),
  );
}

/** Queries without a key: every row answered inside the territory, or the nation's reference data for everyone. */
export function listQueryCases(callers: Caller[]): PlannedCase[] {
  return callers.flatMap((caller) =>
    Object.entries(LIST_PROBES).flatMap(([operation, probe]) =>
      [TODAY, LAST_THREE_TIER_DAY].flatMap((date) =>
        vias.map((via) => planned(caller, via, operation, `list@${date}`, mayRead(caller, operation, null, date), () => ask(caller, via, ruleOf(operation).service, probe(date)), date, 'list')),
      ),
    ),
  );
}

/**
 * Nested fields through the gateway: a unit's children with what every service adds to them
 * (staff, headcount, Party members, plans, proposals, ratings), and a person's evaluations.
 */
export function nestedCases(callers: Caller[], records: Records): PlannedCase[] {
  const children = (target: UnitTarget): Probe => ({
    query: `query ($code: ID!, $asOf: LocalDate) { r: unit(code: $code, asOf: $asOf) { code path children { code path staff headcount partyMemberCount
      plans { id unitCode } proposals { id unitCode } ratingSummary { total } organizations { id unitCode } } } }`,
    variables: { code: target.code, asOf: target.date },
  });
  const trail = (target: UnitTarget): Probe => ({
    query: `query ($code: ID!, $to: LocalDate!) { r: auditTrail(unitCode: $code, from: "1990-01-01", to: $to) {
      organization(first: 5) { entries { operation } } personnel(first: 5) { entries { operation } }
      evaluation(first: 5) { entries { operation } } reform(first: 5) { entries { operation } } } }`,
    variables: { code: target.code, to: TODAY },
  });
  const evaluations: Probe = { query: 'query ($id: ID!) { r: person(id: $id) { id unitCode evaluations { id unitCode fullName } } }', variables: { id: records.person } };
  return callers.flatMap((caller) => [
    ...UNIT_TARGETS.map((target) =>
      planned(caller, 'gateway', 'unit.children', `${target.code}@${target.date}`, mayRead(caller, 'unit', target.code, target.date), () => ask(caller, 'gateway', 'organization', children(target)), target.date, 'nested', true),
    ),
    ...UNIT_TARGETS.filter((target) => target.date === TODAY).map((target) =>
      planned(caller, 'gateway', 'auditTrail (four services)', target.code, mayRead(caller, 'auditTrail', target.code, TODAY), () => ask(caller, 'gateway', 'organization', trail(target)), TODAY, 'audit'),
    ),
    planned(caller, 'gateway', 'person.evaluations', '25807 person', mayRead(caller, 'person', '25807', TODAY), () => ask(caller, 'gateway', 'personnel', evaluations), TODAY, 'nested', true),
  ]);
}

/** What each subgraph adds to a unit, asked through `_entities` as the gateway's query planner would. */
const UNIT_ENTITY_FIELDS: Record<ServiceName, string> = {
  organization: 'name path organizations { id } staffingQuota { amount }',
  personnel: 'staff headcount vacancies concurrentPosts partyMemberCount',
  evaluation: 'ratingSummary { total }',
  reform: 'plans { id } proposals { id }',
};

/**
 * Federation references sent straight to each subgraph with the gateway's proof: a unit
 * (by code and date) and the fixtures' person, inside and outside the caller's territory.
 */
export function entityCases(callers: Caller[], records: Records): PlannedCase[] {
  // Organization owns the unit: its key is the code alone, answered as of today; the others require the date asked.
  const referenceDate = (service: ServiceName, target: UnitTarget) => (service === 'organization' ? TODAY : target.date);
  const unitProbe = (service: ServiceName, target: UnitTarget): Probe => ({
    query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { code ${UNIT_ENTITY_FIELDS[service]} } } }`,
    variables: { r: [{ __typename: 'AdministrativeUnit', code: target.code, ...(service === 'organization' ? {} : { asOf: target.date }) }] },
  });
  const personProbe = (service: 'personnel' | 'evaluation'): Probe => ({
    query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id ${service === 'personnel' ? 'fullName unitCode category personalData { masked personalId birthDate }' : 'evaluations { id unitCode fullName }'} } } }`,
    variables: { r: [{ __typename: 'Person', id: records.person }] },
  });
  const trailProbe = (service: ServiceName, code: string): Probe => ({
    query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AuditTrail { ${service}(first: 5) { entries { operation } } } } }`,
    variables: { r: [{ __typename: 'AuditTrail', id: Buffer.from(JSON.stringify([code, '1990-01-01', TODAY, null])).toString('base64url') }] },
  });
  const services = Object.keys(UNIT_ENTITY_FIELDS) as ServiceName[];
  return callers.flatMap((caller) => [
    ...services.flatMap((service) =>
      UNIT_TARGETS.map((target) =>
        planned(caller, 'subgraph', `_entities AdministrativeUnit (${service})`, `${target.code}@${referenceDate(service, target)}`,
          mayRead(caller, 'unit', target.code, referenceDate(service, target)), () => ask(caller, 'subgraph', service, unitProbe(service, target)), referenceDate(service, target), 'entities', true),
      ),
    ),
    ...(['personnel', 'evaluation', 'reform'] as const).flatMap((service) =>
      UNIT_TARGETS.filter((target) => target.date === TODAY).map((target) =>
        planned(caller, 'subgraph', `_entities AuditTrail (${service})`, target.code, mayRead(caller, 'auditTrail', target.code, TODAY), () => ask(caller, 'subgraph', service, trailProbe(service, target.code)), TODAY, 'audit'),
      ),
    ),
    ...(['personnel', 'evaluation'] as const).map((service) =>
      planned(caller, 'subgraph', `_entities Person (${service})`, '25807 person', mayRead(caller, 'person', '25807', TODAY), () => ask(caller, 'subgraph', service, personProbe(service)), TODAY, 'entities', true),
    ),
  ]);
}
