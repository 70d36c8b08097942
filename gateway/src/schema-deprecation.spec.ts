import { buildSchema } from 'graphql';
import { deprecationReason, isDeprecated } from './schema-deprecation';

const schema = buildSchema(`
  type Query {
    unit(code: ID!, tier: Int @deprecated(reason: "dùng code / use code")): Unit
    oldUnits: [OldUnit!]! @deprecated(reason: "dùng units / use units")
    grade: Grade
    kind: Kind
  }
  type Unit { code: ID!, name: String @deprecated, legacy(at: Int): String @deprecated(reason: "không còn / gone") }
  type OldUnit { code: ID! }
  enum Grade { A @deprecated(reason: "bỏ / dropped") B @deprecated }
  enum Kind { X Y @deprecated }
`);

it.each([
  ['Unit.name', true],
  ['Unit.code', false],
  ['Query.unit.tier', true],
  ['Query.unit.code', false],
  ['Unit.legacy.at', true],
  ['Kind.Y', true],
  ['Kind.X', false],
  ['Grade', true],
  ['OldUnit', true],
  ['Unit', false],
  ['Kind', false],
  ['Missing.field', false],
  ['Unit.missing', false],
])('%s deprecated: %s', (coordinate, expected) => {
  expect(isDeprecated(schema, coordinate)).toBe(expected);
});

it('reads the deprecation reason of a field, argument and enum value', () => {
  expect(['Query.oldUnits', 'Query.unit.tier', 'Grade.A', 'Unit.code'].map((coordinate) => deprecationReason(schema, coordinate))).toEqual([
    'dùng units / use units',
    'dùng code / use code',
    'bỏ / dropped',
    undefined,
  ]);
});
