import { getIntrospectionQuery } from 'graphql';
import { codes, post, startGateway } from './gateway.spec-support';

/** Queries the console and the README really send: none may hit a limit. */
const REAL_QUERIES = [
  `query Unit($code: ID!, $asOf: LocalDate) {
    unit(code: $code, asOf: $asOf) {
      code name tier path headcount ratingSummary { year total excellent } plans { title resolutionRef }
      children { code name headcount ratingSummary { year total } plans { title } }
    } }`,
  `{ statistics(code: "720", asOf: "1999-12-31") { organizationsByKind { kind count } unitsByTier { tier count } }
    compareStatistics(code: "720", from: "1999-12-31", to: "2013-09-16") { changes { measure organizationKind from to change } }
    dutyOverlaps(unitCode: "720", asOf: "2025-06-30", includeSubunits: true, minSimilarity: 0.6) { exact similarity matchedText first { text } second { text } }
    searchUnits(text: "dinh an", asOf: "2025-06-30") { code name path }
    staffingQuota(holderKind: UNIT, holderId: "720", asOf: "2025-06-30") { amount allocated available } }`,
  '{ unit(code: "25807") { name parent { name } predecessors { code kind effectiveDate decision { number issuer } } } }',
  // The largest page of the audit trail with every field, and the other sections beside it.
  `{ auditTrail(unitCode: "720", from: "2026-01-01", to: "2026-12-31") {
    organization(first: 200) { entries { occurredAt actor { username } operation target { type label }
      effectiveDate before after decision { number date signer } } pageInfo { hasNextPage endCursor } }
    personnel { entries { operation } } evaluation { entries { operation } } reform { entries { operation } } } }`,
  '{ unit(code: "79") { children { children { children { code headcount } } } } }',
  getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }),
];

const nested = (levels: number) => `{ unit(code: "720") { ${'children { '.repeat(levels)}code${' }'.repeat(levels)} } }`;
const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `u${i}: unit(code: "720") { code }`).join(' ')} }`;

let gateway: Awaited<ReturnType<typeof startGateway>>;
beforeAll(async () => (gateway = await startGateway()));
afterAll(() => gateway.stop());

const limitOf = async (query: string) => {
  const answer = await post(gateway.url, { query });
  return { status: answer.status, codes: codes(answer), details: answer.errors?.[0]?.extensions?.details, message: answer.errors?.[0]?.message };
};

describe('operation limits (defaults)', () => {
  it.each(REAL_QUERIES.map((query) => [query.slice(0, 60).replace(/\s+/g, ' '), query]))('lets a real query through: %s', async (_name, query) => {
    const { codes: found } = await limitOf(query);
    expect(found).not.toContain('QUERY_LIMIT_EXCEEDED');
    expect(found).not.toContain('GRAPHQL_PARSE_FAILED');
  });

  it('refuses depth 32 of children before planning, 400 with a Vietnamese-first message', async () => {
    const answer = await post(gateway.url, { query: nested(32) });
    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    // Each limit it breaks is named: 32 levels of children also cost more than the budget.
    expect(answer.errors?.map((error) => [error.extensions?.code, error.extensions?.details?.limit])).toEqual([
      ['QUERY_LIMIT_EXCEEDED', 'COST'],
      ['QUERY_LIMIT_EXCEEDED', 'DEPTH'],
    ]);
    expect(answer.errors?.[1].message).toBe('Truy vấn vượt giới hạn độ sâu (tối đa 10) / The operation exceeds the depth limit (at most 10)');
    // unit, eight levels of children and a field: ten, the limit.
    expect((await limitOf(nested(8))).codes).not.toContain('QUERY_LIMIT_EXCEEDED');
  });

  it('refuses too many aliases, directives or too high a cost', async () => {
    expect(await limitOf(aliased(21))).toMatchObject({ status: 400, details: { limit: 'ALIASES', max: 20 } });
    expect(await limitOf(`{ ${'__typename @skip(if: false) '.repeat(21)}}`)).toMatchObject({ status: 400, details: { limit: 'DIRECTIVES', max: 20 } });
    const wide = `{ auditTrail(unitCode: "720", from: "2026-01-01", to: "2026-12-31") {
      ${['organization', 'personnel', 'evaluation', 'reform'].map((s) => `${s}(first: 200) { entries { occurredAt actor { username } operation target { type label } } }`).join(' ')} } }`;
    expect(await limitOf(wide)).toMatchObject({ status: 400, codes: ['QUERY_LIMIT_EXCEEDED'], details: { limit: 'COST', max: 20_000 } });
  });

  it('stops parsing at the token limit: 2,000 aliases and 80,000 repeated fields (880 KB)', async () => {
    expect(await limitOf(aliased(2000))).toMatchObject({ status: 400, codes: ['QUERY_LIMIT_EXCEEDED'], details: { limit: 'TOKENS', max: 2000 } });
    const huge = `{ unit(code: "720") { ${'__typename '.repeat(80_000)}} }`;
    expect(huge.length).toBeGreaterThan(880_000);
    expect(await limitOf(huge)).toMatchObject({ status: 400, details: { limit: 'TOKENS', max: 2000 } });
  });

  it('refuses a batch of operations (batching stays off)', async () => {
    const answer = await post(gateway.url, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(answer.status).toBe(400);
  });
});
