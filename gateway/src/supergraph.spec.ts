import { composeSupergraph } from './compose';
import { committedSupergraph } from './subgraphs';

it('supergraph.graphql is composed from the current subgraph SDL (run `pnpm compose` after a schema change)', () => {
  expect(committedSupergraph()).toBe(composeSupergraph());
});
