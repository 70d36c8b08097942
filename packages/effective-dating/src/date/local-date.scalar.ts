import { InvariantViolation } from '@ps/errors';
import { GraphQLScalarType, Kind, isScalarType, type GraphQLSchema } from 'graphql';
import { DEFAULT_DATE_RANGE, isCalendarDate, isWithin, type DateRange } from './calendar';
import { DateOutOfRangeError, InvalidDateError } from './local-date.errors';

const NAME = 'LocalDate';

/** A date a client sent, accepted only as a real calendar day within `range`; refused with BAD_USER_INPUT. */
function parseDate(value: unknown, range: DateRange): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) throw new InvalidDateError();
  if (!isWithin(value, range)) throw new DateOutOfRangeError(range);
  return value;
}

/** Dates the platform answers come from its own columns: anything else is a bug, not the caller's doing. */
function serializeDate(value: unknown): string {
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  throw new InvariantViolation(`${NAME} cannot answer ${typeof value} ${String(value).slice(0, 40)}`);
}

/**
 * The `LocalDate` scalar (the name the composed schema already uses): YYYY-MM-DD, a real
 * calendar day within `range`. A refusal is a typed BAD_USER_INPUT that never reaches SQL.
 */
export function localDateScalar(range: DateRange = DEFAULT_DATE_RANGE): GraphQLScalarType<string, string> {
  return new GraphQLScalarType<string, string>({
    name: NAME,
    description: 'A local date string (i.e., with no associated timezone) in `YYYY-MM-DD` format, e.g. `2020-01-01`.',
    serialize: serializeDate,
    parseValue: (value) => parseDate(value, range),
    parseLiteral: (node) => parseDate(node.kind === Kind.STRING ? node.value : undefined, range),
  });
}

/** The scalar every `@Field` and `@Arg` of a date uses; the default range until a server applies its own. */
export const LocalDate = localDateScalar();

/**
 * Makes the `LocalDate` of a built schema (a subgraph's, or the gateway's API schema) accept
 * `range`, as configured for the deployment. The schema is changed in place; a schema
 * without dates is left alone.
 */
export function applyDateRange(schema: GraphQLSchema, range: DateRange): void {
  const type = schema.getType(NAME);
  if (!isScalarType(type)) return;
  const ranged = localDateScalar(range);
  type.parseValue = ranged.parseValue;
  type.parseLiteral = ranged.parseLiteral;
}
