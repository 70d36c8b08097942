import { writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
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

if (require.main === module) {
  writeFileSync(SUPERGRAPH_FILE, composeSupergraph());
  process.stdout.write(`wrote ${SUPERGRAPH_FILE}\n`);
}
