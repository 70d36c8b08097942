import { DomainError } from '@ps/errors';
import { GraphQLObjectType, GraphQLSchema, GraphQLString, Kind, graphql, type GraphQLError } from 'graphql';
import { isCalendarDate } from './calendar';
import { LocalDate, applyDateRange, localDateScalar } from './local-date.scalar';

const refusal = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    return error instanceof DomainError ? { code: error.code, reason: (error.extensions.details as { reason: string }).reason } : error;
  }
  return 'accepted';
};

describe('isCalendarDate', () => {
  it.each(['2025-06-30', '2024-02-29', '2000-02-29', '1945-09-02', '0000-01-01'])('accepts the real day %s', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each(['2025-13-45', '2025-02-29', '1900-02-29', '2025-04-31', '2025-00-10', '2025-01-00', 'abc', '', '99999-01-01', '2025-6-1', ' 2025-06-01'])(
    'refuses %j',
    (date) => {
      expect(isCalendarDate(date)).toBe(false);
    },
  );
});

describe('LocalDate', () => {
  it('accepts a real day within the default range, as a variable or a literal', () => {
    expect(LocalDate.parseValue('2025-06-30')).toBe('2025-06-30');
    expect(LocalDate.parseLiteral({ kind: Kind.STRING, value: '1945-09-02' })).toBe('1945-09-02');
    expect(LocalDate.parseValue('2100-12-31')).toBe('2100-12-31');
  });

  it.each([['2025-13-45'], ['abc'], ['99999-01-01'], ['2025-02-29'], [''], [20250101], [null], [{ date: '2025-01-01' }]])(
    'refuses %j with BAD_USER_INPUT (DATE_INVALID)',
    (value) => {
      expect(refusal(() => LocalDate.parseValue(value))).toEqual({ code: 'BAD_USER_INPUT', reason: 'DATE_INVALID' });
    },
  );

  it('refuses a literal that is not a string', () => {
    expect(refusal(() => LocalDate.parseLiteral({ kind: Kind.INT, value: '20250101' }))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'DATE_INVALID',
    });
  });

  it.each(['0000-01-01', '1945-09-01', '2101-01-01', '9999-12-31'])('refuses the real day %s outside the range (DATE_OUT_OF_RANGE)', (date) => {
    expect(refusal(() => LocalDate.parseValue(date))).toEqual({ code: 'BAD_USER_INPUT', reason: 'DATE_OUT_OF_RANGE' });
  });

  it('answers stored dates and refuses to answer anything else', () => {
    expect(LocalDate.serialize('1930-01-01')).toBe('1930-01-01');
    expect(() => LocalDate.serialize(new Date())).toThrow('LocalDate cannot answer object');
  });

  it('takes another range when asked', () => {
    const recent = localDateScalar({ min: '2020-01-01', max: '2030-12-31' });
    expect(recent.parseValue('2025-01-01')).toBe('2025-01-01');
    expect(refusal(() => recent.parseValue('2019-12-31'))).toEqual({ code: 'BAD_USER_INPUT', reason: 'DATE_OUT_OF_RANGE' });
  });
});

describe('applyDateRange', () => {
  const schema = () =>
    new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: { echo: { type: GraphQLString, args: { on: { type: localDateScalar() } }, resolve: (_source, args) => args.on } },
      }),
    });
  // A literal is refused during validation (the error itself), a variable during coercion (wrapped).
  const reasonOf = (errors: readonly GraphQLError[] | undefined) => {
    const error = errors?.[0];
    const refused = error?.originalError ?? error;
    return refused instanceof DomainError ? refused.extensions.details : refused;
  };

  it('makes a built schema refuse dates outside the configured range, in variables and literals', async () => {
    const ranged = schema();
    applyDateRange(ranged, { min: '2020-01-01', max: '2030-12-31' });
    const literal = await graphql({ schema: ranged, source: '{ echo(on: "2019-06-30") }' });
    expect(reasonOf(literal.errors)).toEqual({ reason: 'DATE_OUT_OF_RANGE', min: '2020-01-01', max: '2030-12-31' });
    const variable = await graphql({ schema: ranged, source: 'query ($on: LocalDate) { echo(on: $on) }', variableValues: { on: '2031-01-01' } });
    expect(reasonOf(variable.errors)).toMatchObject({ reason: 'DATE_OUT_OF_RANGE' });
    const accepted = await graphql({ schema: ranged, source: '{ echo(on: "2025-02-28") }' });
    expect(accepted).toEqual({ data: { echo: '2025-02-28' } });
  });

  it('leaves a schema without dates alone', () => {
    const plain = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { a: { type: GraphQLString } } }) });
    expect(() => applyDateRange(plain, { min: '2020-01-01', max: '2030-12-31' })).not.toThrow();
  });
});
