// `npm test`: install, build, lint and type-check, bring the real infrastructure up, then run
// every unit test, every integration test (PostgreSQL, Kafka and Keycloak, no mocks; sign-in in
// a real Chromium, federation with a real OpenLDAP) and the bad-input suite against the whole platform (gateway/test/security).
// Runs on the project's Node (`.node-version`) unless PS_NODE=system.
import { pnpm, runtimeSummary, say, useProjectNode } from './lib.mjs';

useProjectNode();
const started = Date.now();
const runtime = runtimeSummary();
say(`runtime: ${runtime}`);
const steps = [];
function step(name, args) {
  const at = Date.now();
  say(name);
  pnpm(args);
  steps.push(`${name}: ${((Date.now() - at) / 1000).toFixed(1)} s`);
}

step('install', ['install', '--frozen-lockfile', '--reporter=silent']);
step('build', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
step('lint and typecheck', ['exec', 'turbo', 'run', 'lint', 'typecheck', '--output-logs=errors-only']);
step('infrastructure', ['run', 'infra:up']);
step('browser (Debian chromium, installed when missing)', ['run', 'infra:chromium']);
step('directory (Debian slapd for the federation test, installed when missing)', ['run', 'infra:ldap']);
step('unit tests', ['exec', 'turbo', 'run', 'test', '--output-logs=new-only']);
step('integration tests', ['exec', 'turbo', 'run', 'test:integration', '--concurrency=1', '--output-logs=new-only']);
step('security tests', ['exec', 'turbo', 'run', 'test:security', '--output-logs=new-only']);

say(`all green in ${((Date.now() - started) / 1000).toFixed(1)} s on ${runtime}\n  ${steps.join('\n  ')}`);
