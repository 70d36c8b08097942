import { composeSupergraph } from './compose';
import { committedSchemaReference, schemaReference } from './schema-reference';
import { committedSupergraph } from './subgraphs';

it('supergraph.graphql is composed from the current subgraph SDL (run `pnpm compose` after a schema change)', () => {
  expect(committedSupergraph()).toBe(composeSupergraph());
});

it('API.md is the reference of the committed supergraph (run `pnpm compose` after a schema change)', () => {
  const reference = committedSchemaReference();
  expect(reference).toBe(schemaReference(committedSupergraph()));
  expect(reference).toContain('### `registerClientApp(change: AccountChangeInput!, input: RegisterClientAppInput!): ClientAppCredentials!`');
  expect(reference).not.toMatch(/join__|link__|_entities/);
  expect(reference).toContain('| `birthYear` | `Int` | **Deprecated:** Năm sinh lấy từ birthDate');
  expect(reference).toMatch(/\| `headcount\(asOf: LocalDate\)` \| `Int` \| .+<br>`asOf`: Ngày tra cứu/);
});
