import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
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
import { GATEWAY_ROOT } from './subgraphs';

/** The API reference for app developers, next to the supergraph it is generated from. */
export const SCHEMA_REFERENCE_FILE = join(GATEWAY_ROOT, 'API.md');

/** Federation's own machinery in the supergraph, which callers never see. */
const MACHINERY = /^(join__|link__|_|__)/;

const oneLine = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const cell = (text: string | null | undefined) => oneLine(text).replace(/\|/g, '\\|');

function argumentsOf(args: readonly GraphQLArgument[]): string {
  return args.length === 0 ? '' : `(${args.map((arg) => `${arg.name}: ${String(arg.type)}${arg.defaultValue === undefined ? '' : ` = ${JSON.stringify(arg.defaultValue)}`}`).join(', ')})`;
}

function rootField(field: GraphQLField<unknown, unknown>): string {
  const lines = [`### \`${field.name}${argumentsOf(field.args)}: ${String(field.type)}\``, '', oneLine(field.description)];
  const described = field.args.filter((arg) => arg.description);
  if (described.length > 0) lines.push('', ...described.map((arg) => `- \`${arg.name}\`: ${oneLine(arg.description)}`));
  return `${lines.join('\n')}\n`;
}

function fieldRows(fields: ReadonlyArray<GraphQLField<unknown, unknown> | GraphQLInputField>): string[] {
  return ['| Field | Type | Description |', '|---|---|---|', ...fields.map((field) => `| \`${field.name}\` | \`${String(field.type)}\` | ${cell(field.description)} |`)];
}

function typeSection(type: GraphQLNamedType): string {
  const kind = isObjectType(type) ? 'type' : isInputObjectType(type) ? 'input' : isEnumType(type) ? 'enum' : isInterfaceType(type) ? 'interface' : isUnionType(type) ? 'union' : 'scalar';
  const lines = [`### ${kind} \`${type.name}\``, ''];
  if (type.description) lines.push(oneLine(type.description), '');
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) lines.push(...fieldRows(Object.values(type.getFields())));
  else if (isEnumType(type)) lines.push(...type.getValues().map((value) => `- \`${value.name}\`${value.description ? `: ${oneLine(value.description)}` : ''}`));
  else if (isUnionType(type)) lines.push(type.getTypes().map((member) => `\`${member.name}\``).join(' | '));
  else if (isScalarType(type)) lines.push('(scalar)');
  return `${lines.join('\n')}\n`;
}

/** The reference of the composed API: every query and mutation with its arguments, then every type. */
export function schemaReference(supergraphSdl: string): string {
  const schema = buildSchema(supergraphSdl, { assumeValidSDL: true });
  const queries = Object.values(schema.getQueryType()?.getFields() ?? {}).filter((field) => !MACHINERY.test(field.name));
  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
  const roots = new Set(['Query', 'Mutation', 'Subscription']);
  const types = Object.values(schema.getTypeMap())
    .filter((type) => !MACHINERY.test(type.name) && !roots.has(type.name) && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [
    '# API reference',
    '',
    'Generated from `supergraph.graphql` by `pnpm compose`; do not edit. Every name, argument and description is the',
    'composed schema’s own (Vietnamese first, English after the slash). How to call it: the README, "Client apps".',
    '',
    `## Queries (${queries.length})`,
    '',
    ...queries.sort((a, b) => a.name.localeCompare(b.name)).map(rootField),
    `## Mutations (${mutations.length})`,
    '',
    ...mutations.sort((a, b) => a.name.localeCompare(b.name)).map(rootField),
    `## Types (${types.length})`,
    '',
    ...types.map(typeSection),
  ].join('\n');
}

/** The committed reference, for the staleness check. */
export function committedSchemaReference(): string {
  return readFileSync(SCHEMA_REFERENCE_FILE, 'utf8');
}
