const base = require('../../jest.base')('unit', __dirname);

// Unit tests of the manifests: src/**/*.spec.ts and test/**/*.spec.ts. Every kustomization is
// rendered once per run (kubectl on PATH), not once per test file; the budget and restore tests
// render their own edited copies, hence the longer timeout.
module.exports = {
  ...base,
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testTimeout: 60_000,
  globalSetup: '<rootDir>/src/testing/render-once.ts',
  globalTeardown: '<rootDir>/src/testing/render-once-teardown.ts',
};
