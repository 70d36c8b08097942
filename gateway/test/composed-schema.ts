import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';

/** Every Query and Mutation field of the committed supergraph the gateway serves. */
export function composedOperations(): Array<{ type: 'query' | 'mutation'; name: string }> {
  const document = parse(readFileSync(join(__dirname, '..', 'supergraph.graphql'), 'utf8'));
  return document.definitions
    .filter((definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION)
    .filter((definition) => definition.name.value === 'Query' || definition.name.value === 'Mutation')
    .flatMap((definition) =>
      (definition.fields ?? []).map((field) => ({ type: definition.name.value === 'Query' ? ('query' as const) : ('mutation' as const), name: field.name.value })),
    );
}

/** Every mutation of the composed schema, sorted. */
export const composedMutations = (): string[] =>
  composedOperations().filter(({ type }) => type === 'mutation').map(({ name }) => name).sort();
