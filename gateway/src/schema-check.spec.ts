import { apiSchemaSdl } from './api-schema';
import { checkCurrentSchema } from './schema-check.cli';
import { readReleases } from './schema-releases';
import { committedSupergraph } from './subgraphs';
import { describeVerdict } from './schema-report';

// Composing and diffing the whole API takes seconds on a loaded CI machine.
jest.setTimeout(30_000);

it('the API composed now breaks no client app of the last release (see README, "Schema changes and client apps")', async () => {
  const verdict = await checkCurrentSchema();
  expect(verdict.refused.map(({ change, why }) => `${change.path} ${change.type}: ${why}`)).toEqual([]);
  expect(describeVerdict(verdict)).toContain(`compared with release ${readReleases().at(-1)?.version}`);
});

it('a release holds the client-facing schema only, without federation machinery', () => {
  const [first] = readReleases();
  expect(first?.version).toBe('0.1.0');
  expect(first?.sdl).not.toMatch(/join__|link__|_entities|_Any|@inaccessible/);
  expect(apiSchemaSdl(committedSupergraph())).toContain('registerClientApp(change: AccountChangeInput!, input: RegisterClientAppInput!): ClientAppCredentials!');
});
