import { Supergraph } from '@apollo/federation-internals';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/** What client apps see of the supergraph: no federation machinery, no `@inaccessible` parts. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return lexicographicSortSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema());
}

/** The client-facing SDL of the supergraph, types and fields in alphabetical order (stable diffs). */
export function apiSchemaSdl(supergraphSdl: string): string {
  return `${printSchema(apiSchemaOf(supergraphSdl)).trim()}\n`;
}
