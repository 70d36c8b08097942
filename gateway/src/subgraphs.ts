import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvariantViolation } from '@ps/errors';

/** The subgraphs of the platform, their folders and local URLs (composed into the supergraph). */
export const SUBGRAPHS = [
  { name: 'organization', url: 'http://127.0.0.1:4001/graphql' },
  { name: 'personnel', url: 'http://127.0.0.1:4002/graphql' },
  { name: 'evaluation', url: 'http://127.0.0.1:4003/graphql' },
  { name: 'reform', url: 'http://127.0.0.1:4004/graphql' },
] as const;

export const GATEWAY_ROOT = join(__dirname, '..');
export const SUPERGRAPH_FILE = join(GATEWAY_ROOT, 'supergraph.graphql');

/** The emitted SDL of each subgraph, read from `services/<name>/schema.graphql`. */
export function subgraphSdls(servicesRoot = join(GATEWAY_ROOT, '..', 'services')) {
  return SUBGRAPHS.map(({ name, url }) => {
    const file = join(servicesRoot, name, 'schema.graphql');
    if (!existsSync(file)) throw new InvariantViolation(`missing ${file}: run \`pnpm --filter @ps/${name} emit-schema\``);
    return { name, url, sdl: readFileSync(file, 'utf8') };
  });
}

export function committedSupergraph(): string {
  return readFileSync(SUPERGRAPH_FILE, 'utf8');
}
