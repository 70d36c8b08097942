import { sendOperation } from '../exchange';
import { dateProbe, effectiveDateProbe, representationProbe, TARGETS, tokenOf, urlOf, type Case, type TargetName } from '../targets';

const INVALID = { reason: 'DATE_INVALID' };
const OUT_OF_RANGE = { reason: 'DATE_OUT_OF_RANGE', min: '1945-09-02', max: '2100-12-31' };

/** Dates no request may carry: no calendar day, or a day outside 1945-09-02..2100-12-31. */
export const BAD_DATES: Array<[value: string | number, details: Record<string, unknown>]> = [
  ['2025-13-45', INVALID],
  ['abc', INVALID],
  ['99999-01-01', INVALID],
  ['2025-02-29', INVALID],
  ['', INVALID],
  [20250101, INVALID],
  ['0000-01-01', OUT_OF_RANGE],
  ['1945-09-01', OUT_OF_RANGE],
  ['2101-01-01', OUT_OF_RANGE],
];

const refusedAs = (details: Record<string, unknown>) => ({ status: 400, code: 'BAD_USER_INPUT', details });

/** `asOf` as a variable and as a literal on every target, a variable of the wrong type, and `effectiveDate` of a change. */
export function dateCases(): Case[] {
  return TARGETS.flatMap((target): Case[] => {
    const url = urlOf(target);
    const probe = dateProbe(target);
    const ask = (query: string, variables: Record<string, unknown> = {}) => () => sendOperation(url, query, variables, { token: tokenOf('date') });
    const asOf = BAD_DATES.flatMap(([value, details]): Case[] => [
      { target, kind: 'date', name: `asOf ${JSON.stringify(value)} as a variable`, send: ask(probe.query, probe.variables(value)), expected: refusedAs(details) },
      { target, kind: 'date', name: `asOf ${JSON.stringify(value)} as a literal`, send: ask(probe.literal(JSON.stringify(value))), expected: refusedAs(details) },
    ]);
    const wrongType: Case = {
      target,
      kind: 'date',
      name: 'asOf from a variable declared Int',
      send: ask(probe.query.replace('$date: LocalDate', '$date: Int'), { date: 20250101 }),
      expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    return [...asOf, wrongType, ...effectiveDateCases(target)];
  });
}

/** A change dated no real day, or out of range: refused before any resolver (and the caller may not write anyway). */
function effectiveDateCases(target: TargetName): Case[] {
  const probe = effectiveDateProbe(target);
  return (['2025-02-30', '0000-01-01', 'abc'] as const).map((value) => ({
    target,
    kind: 'date',
    name: `effectiveDate ${JSON.stringify(value)} of a change`,
    send: () => sendOperation(urlOf(target), probe.query, probe.variables(value), { token: tokenOf('write') }),
    expected: refusedAs(value === '0000-01-01' ? OUT_OF_RANGE : INVALID),
  }));
}

/**
 * `_entities` as only the gateway should send it, but with what it never sends: a bad `asOf`, a
 * key of the wrong type, a type the subgraph does not know. Answered 200 with the entity's
 * error, as GraphQL answers a field; never a database error.
 */
export function representationCases(): Case[] {
  const extending = ['personnel', 'evaluation', 'reform'] as const;
  const badAsOf = extending.flatMap((target) =>
    (['2025-13-45', 20250101, '1945-09-01'] as const).map((asOf) => ({ target, asOf })),
  );
  const rows: Case[] = badAsOf.map(({ target, asOf }) => {
    const probe = representationProbe(target);
    return {
      target,
      kind: 'representation',
      name: `a unit's asOf ${JSON.stringify(asOf)}`,
      send: () => sendOperation(urlOf(target), probe.query, probe.variables(asOf), { token: tokenOf('date') }),
      expected: { status: 200, code: 'BAD_USER_INPUT', details: asOf === '1945-09-01' ? OUT_OF_RANGE : INVALID },
    };
  });
  for (const target of extending) {
    const probe = representationProbe(target);
    const units = probe.variables('2025-06-30').units as Array<Record<string, unknown>>;
    rows.push({
      target,
      kind: 'representation',
      name: 'a unit whose code is an object',
      send: () => sendOperation(urlOf(target), probe.query, { units: [{ ...units[0], code: { $ne: '' } }] }, { token: tokenOf('date') }),
      expected: { status: 200, code: 'BAD_USER_INPUT', details: { reason: 'REPRESENTATION_INVALID', field: 'code' } },
    });
  }
  for (const target of ['organization', ...extending] as const) {
    rows.push({
      target,
      kind: 'representation',
      name: 'a representation of a type the subgraph does not know',
      send: () =>
        sendOperation(urlOf(target), 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: [{ __typename: 'User', id: '1' }] }, { token: tokenOf('date') }),
      expected: { status: 200, code: 'BAD_USER_INPUT', details: { reason: 'REPRESENTATION_INVALID', field: '__typename' } },
    });
  }
  return rows;
}
