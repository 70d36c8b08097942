import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
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
  return buildSubgraphSchema({
    typeDefs: gql`${FEDERATION_LINK} ${printSchemaWithDirectives(schema)}`,
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
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

/** Reference resolvers for entities this subgraph only extends: the key is all each needs. */
export function referenceByKey(...typeNames: string[]): ReferenceResolvers {
  const byKey = { __resolveReference: (reference: Record<string, unknown>) => reference };
  return Object.fromEntries(typeNames.map((typeName) => [typeName, byKey]));
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
