import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLEnumValue,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

type Member = GraphQLField<unknown, unknown> | GraphQLInputField | GraphQLEnumValue;
type Deprecatable = Member | GraphQLArgument;

function memberOf(type: GraphQLNamedType, name: string): Member | undefined {
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) return type.getFields()[name];
  if (isEnumType(type)) return type.getValue(name) ?? undefined;
  return undefined;
}

function membersOf(type: GraphQLNamedType): Member[] {
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) return Object.values(type.getFields());
  return isEnumType(type) ? [...type.getValues()] : [];
}

const marked = (element: Deprecatable) => element.deprecationReason !== null && element.deprecationReason !== undefined;

/** Every field, argument and input field of `schema` whose type is `type`, with whether it or its field is deprecated. */
function usesOf(schema: GraphQLSchema, type: GraphQLNamedType): boolean[] {
  const uses: boolean[] = [];
  for (const owner of Object.values(schema.getTypeMap())) {
    if (owner.name.startsWith('__')) continue;
    for (const member of membersOf(owner)) {
      if ('type' in member && getNamedType(member.type) === type) uses.push(marked(member));
      const args = 'args' in member ? member.args : [];
      for (const arg of args) if (getNamedType(arg.type) === type) uses.push(marked(member) || marked(arg));
    }
  }
  return uses;
}

/** A type cannot carry `@deprecated`: it counts as deprecated when all its members, or all its uses, are. */
function typeDeprecated(schema: GraphQLSchema, type: GraphQLNamedType): boolean {
  const members = membersOf(type);
  if (members.length > 0 && members.every(marked)) return true;
  const uses = usesOf(schema, type);
  return uses.length > 0 && uses.every(Boolean);
}

/** The element a schema coordinate (`Type`, `Type.field`, `Type.field.argument`, `Enum.VALUE`) names, if any. */
function elementAt(schema: GraphQLSchema, coordinate: string): { member?: Member; argument?: GraphQLArgument } {
  const [typeName = '', memberName, argumentName] = coordinate.split('.');
  const type = schema.getType(typeName);
  const member = type && memberName !== undefined ? memberOf(type, memberName) : undefined;
  const argument = member && 'args' in member ? member.args.find((arg) => arg.name === argumentName) : undefined;
  return { member, argument };
}

/**
 * Whether what `coordinate` names is deprecated in `schema`: marked `@deprecated` itself, or (an argument)
 * on a deprecated field, or (a type) with every member or every use deprecated.
 */
export function isDeprecated(schema: GraphQLSchema, coordinate: string): boolean {
  const parts = coordinate.split('.');
  const type = schema.getType(parts[0] ?? '');
  if (!type) return false;
  if (parts.length === 1) return typeDeprecated(schema, type);
  const { member, argument } = elementAt(schema, coordinate);
  if (member && marked(member)) return true;
  return parts.length === 3 && argument !== undefined && marked(argument);
}

/** The deprecation reason of the field, argument, input field or enum value at `coordinate`. */
export function deprecationReason(schema: GraphQLSchema, coordinate: string): string | undefined {
  const { member, argument } = elementAt(schema, coordinate);
  return (argument ?? member)?.deprecationReason ?? undefined;
}
