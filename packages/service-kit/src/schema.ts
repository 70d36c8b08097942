import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { BadUserInputError, DomainError } from '@ps/errors';
import {
  defaultFieldResolver,
  getNullableType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLResolveInfo,
  type GraphQLScalarType,
  type GraphQLSchema,
} from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

/** Entity reference resolvers by type name: `{ AdministrativeUnit: { __resolveReference } }`. */
export type ReferenceResolvers = GraphQLResolverMap<unknown>;

const FEDERATION_LINK = `
  extend schema
    @link(
      url: "https://specs.apollo.dev/federation/v2.7"
      import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"]
    )
`;

/**
 * Turns type-graphql classes into an Apollo Federation 2 subgraph schema. Reference resolvers
 * are deep-merged into the generated resolver map, so an entity keeps its field resolvers.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ validate: false, ...options, skipCheck: true });
  const resolvers = deepMerge(
    createResolversMap(schema) as Record<string, unknown>,
    referenceResolvers as Record<string, unknown>,
  );
  const subgraph = buildSubgraphSchema({
    typeDefs: gql`${FEDERATION_LINK} ${printSchemaWithDirectives(schema)}`,
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
  return refuseUnknownRepresentations(subgraph);
}

/**
 * `_entities` with a representation that is no object or names no entity of this subgraph is the
 * caller's mistake: BAD_USER_INPUT (REPRESENTATION_INVALID, field `__typename`), where
 * @apollo/subgraph throws a plain error that would be answered INTERNAL_SERVER_ERROR.
 */
export function refuseUnknownRepresentations(schema: GraphQLSchema): GraphQLSchema {
  const entities = schema.getQueryType()?.getFields()._entities;
  const entityUnion = schema.getType('_Entity');
  if (!entities?.resolve || !isUnionType(entityUnion)) return schema;
  const known = new Set(entityUnion.getTypes().map((type) => type.name));
  const resolve = entities.resolve;
  entities.resolve = (source, args: { representations?: unknown[] }, context, info) => {
    for (const reference of args.representations ?? []) {
      const typename = isPlain(reference) ? reference.__typename : undefined;
      if (typeof typename !== 'string' || !known.has(typename)) throw representationInvalid('__typename');
    }
    return resolve(source, args, context, info);
  };
  return schema;
}

/** The subgraph SDL that composition reads (`schema.graphql` in each service). */
export function printFederatedSdl(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** Merges nested plain objects; resolver functions and class instances are taken as they are. */
export function deepMerge(target: Plain, source: Plain): Plain {
  const merged: Plain = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const existing = merged[key];
    merged[key] = isPlain(existing) && isPlain(value) ? deepMerge(existing, value) : value;
  }
  return merged;
}

/**
 * Builds a subgraph from resolver instances (constructed with their services), so type-graphql
 * uses exactly these objects instead of instantiating resolver classes itself.
 */
export function schemaFromResolvers(
  instances: readonly object[],
  options: { orphanedTypes?: BuildSchemaOptions['orphanedTypes']; referenceResolvers?: ReferenceResolvers } = {},
): Promise<GraphQLSchema> {
  const byClass = new Map<unknown, object>(instances.map((instance) => [instance.constructor, instance]));
  const resolvers = [...byClass.keys()] as unknown as BuildSchemaOptions['resolvers'];
  return buildFederatedSchema(
    { resolvers, orphanedTypes: options.orphanedTypes, container: { get: (type) => byClass.get(type) } },
    options.referenceResolvers,
  );
}

/**
 * Reference resolvers for entities this subgraph only extends: the key (and the external fields
 * it `@requires`) is all each needs, read through the fields' scalars (see `coerceRepresentation`).
 */
export function referenceByKey(...typeNames: string[]): ReferenceResolvers {
  const byKey = {
    __resolveReference: (reference: Record<string, unknown>, _context: unknown, info: GraphQLResolveInfo) =>
      coerceRepresentation(reference, info.schema),
  };
  // @apollo/subgraph calls it (reference, context, info); its resolver-map type reads it as a field resolver.
  return Object.fromEntries(typeNames.map((typeName) => [typeName, byKey])) as unknown as ReferenceResolvers;
}

/**
 * An entity representation (`_entities(representations: …)`) is `_Any` to GraphQL: nothing
 * checks its fields. Each scalar field is parsed here as an argument of that type would be, so a
 * date the gateway never sends ("2025-13-01", 20250101, {}) is BAD_USER_INPUT (DATE_INVALID,
 * DATE_OUT_OF_RANGE) and never reaches SQL; another ill-typed key is BAD_USER_INPUT
 * (REPRESENTATION_INVALID, `details.field`). Unknown fields and null values are left as they are.
 */
export function coerceRepresentation(reference: Record<string, unknown>, schema: GraphQLSchema): Record<string, unknown> {
  const type = schema.getType(String(reference.__typename));
  if (!isObjectType(type)) return reference;
  const fields = type.getFields();
  const coerced: Record<string, unknown> = { ...reference };
  for (const [name, value] of Object.entries(reference)) {
    const field = fields[name];
    const scalar = field ? getNullableType(field.type) : undefined;
    if (value !== null && value !== undefined && isScalarType(scalar)) coerced[name] = parseKey(scalar, name, value);
  }
  return coerced;
}

function parseKey(scalar: GraphQLScalarType, field: string, value: unknown): unknown {
  try {
    return scalar.parseValue(value);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw representationInvalid(field);
  }
}

function representationInvalid(field: string): BadUserInputError {
  return new BadUserInputError(
    `Tham chiếu thực thể không hợp lệ (trường ${field})`,
    `Invalid entity representation (field ${field})`,
    { reason: 'REPRESENTATION_INVALID', field },
  );
}

/**
 * Runs `check` with the request's context before every mutation's resolver (a refusal is the
 * mutation's typed error, and nothing is written). Queries are untouched.
 */
export function guardMutations<Context>(schema: GraphQLSchema, check: (context: Context) => Promise<void>): GraphQLSchema {
  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, context: Context, info) => {
      await check(context);
      return resolve(source, args, context, info);
    };
  }
  return schema;
}
