import { writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SCHEMA_REFERENCE_FILE, schemaReference } from './schema-reference';
import { SUPERGRAPH_FILE, subgraphSdls } from './subgraphs';
import { InvariantViolation } from '@ps/errors';

/** Composes the supergraph from the subgraphs' committed SDL; throws with every composition error. */
export function composeSupergraph(): string {
  const result = composeServices(
    subgraphSdls().map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })),
  );
  if (result.errors) {
    throw new InvariantViolation(`composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl.trim()}\n`;
}

/** Commits `supergraph` and regenerates the API reference from it. */
export function writeComposition(supergraph: string): void {
  writeFileSync(SUPERGRAPH_FILE, supergraph);
  writeFileSync(SCHEMA_REFERENCE_FILE, schemaReference(supergraph));
  process.stdout.write(`wrote ${SUPERGRAPH_FILE} and ${SCHEMA_REFERENCE_FILE}\n`);
}

if (require.main === module) writeComposition(composeSupergraph());
