import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
} from 'graphql';
import { apiSchemaOf } from './api-schema';
import { GATEWAY_ROOT } from './subgraphs';

/** The API reference for app developers, next to the supergraph it is generated from. */
export const SCHEMA_REFERENCE_FILE = join(GATEWAY_ROOT, 'API.md');

const oneLine = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const cell = (text: string | null | undefined) => oneLine(text).replace(/\|/g, '\\|');

/** "**Deprecated:** reason" when the element is deprecated, else nothing. */
function deprecation(element: { deprecationReason?: string | null }): string {
  const reason = element.deprecationReason;
  return reason === null || reason === undefined ? '' : `**Deprecated:** ${oneLine(reason) || 'no longer supported'}`;
}

const joined = (...parts: string[]) => parts.filter(Boolean).join(' ');

function argumentsOf(args: readonly GraphQLArgument[]): string {
  return args.length === 0 ? '' : `(${args.map((arg) => `${arg.name}: ${String(arg.type)}${arg.defaultValue === undefined ? '' : ` = ${JSON.stringify(arg.defaultValue)}`}`).join(', ')})`;
}

const argumentNotes = (args: readonly GraphQLArgument[]) =>
  args.filter((arg) => arg.description || arg.deprecationReason).map((arg) => `\`${arg.name}\`: ${joined(oneLine(arg.description), deprecation(arg))}`);

function rootField(field: GraphQLField<unknown, unknown>): string {
  const lines = [`### \`${field.name}${argumentsOf(field.args)}: ${String(field.type)}\``, '', joined(oneLine(field.description), deprecation(field))];
  const notes = argumentNotes(field.args);
  if (notes.length > 0) lines.push('', ...notes.map((note) => `- ${note}`));
  return `${lines.join('\n')}\n`;
}

function fieldRow(field: GraphQLField<unknown, unknown> | GraphQLInputField): string {
  const args = 'args' in field ? field.args : [];
  const notes = argumentNotes(args).map((note) => `<br>${note}`).join('');
  return `| \`${field.name}${argumentsOf(args)}\` | \`${String(field.type)}\` | ${cell(joined(oneLine(field.description), deprecation(field)))}${cell(notes)} |`;
}

const KINDS: Array<[(type: GraphQLNamedType) => boolean, string]> = [
  [isObjectType, 'type'],
  [isInputObjectType, 'input'],
  [isEnumType, 'enum'],
  [isInterfaceType, 'interface'],
  [isUnionType, 'union'],
];

function typeSection(type: GraphQLNamedType): string {
  const kind = KINDS.find(([is]) => is(type))?.[1] ?? 'scalar';
  const lines = [`### ${kind} \`${type.name}\``, ''];
  if (type.description) lines.push(oneLine(type.description), '');
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    lines.push('| Field | Type | Description |', '|---|---|---|', ...Object.values(type.getFields()).map(fieldRow));
  } else if (isEnumType(type)) lines.push(...type.getValues().map((value) => `- \`${value.name}\`${value.description || value.deprecationReason ? `: ${joined(oneLine(value.description), deprecation(value))}` : ''}`));
  else if (isUnionType(type)) lines.push(type.getTypes().map((member) => `\`${member.name}\``).join(' | '));
  else if (isScalarType(type)) lines.push('(scalar)');
  return `${lines.join('\n')}\n`;
}

const BUILT_IN = new Set(['Query', 'Mutation', 'Subscription', 'String', 'Int', 'Float', 'Boolean', 'ID']);

/**
 * The reference of the client-facing API: every query and mutation with its arguments, then every type with
 * every field, argument and enum value, each with its description and deprecation.
 */
export function schemaReference(supergraphSdl: string): string {
  const schema = apiSchemaOf(supergraphSdl);
  const queries = Object.values(schema.getQueryType()?.getFields() ?? {});
  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
  const types = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__') && !BUILT_IN.has(type.name));
  return [
    '# API reference',
    '',
    'Generated from `supergraph.graphql` by `pnpm compose` and `schema:release`; do not edit. Every name, argument',
    'and description is the composed schema’s own (Vietnamese first, English after the slash). How to call it: the',
    'README, "Client apps"; what changed in each release: `schema/CHANGELOG.md`.',
    '',
    `## Queries (${queries.length})`,
    '',
    ...queries.map(rootField),
    `## Mutations (${mutations.length})`,
    '',
    ...mutations.map(rootField),
    `## Types (${types.length})`,
    '',
    ...types.map(typeSection),
  ].join('\n');
}

/** The committed reference, for the staleness check. */
export function committedSchemaReference(): string {
  return readFileSync(SCHEMA_REFERENCE_FILE, 'utf8');
}
