const base = require('../../jest.base')('unit', __dirname);

// Every kustomization is rendered once per run, not once per test file.
module.exports = {
  ...base,
  globalSetup: '<rootDir>/src/testing/render-once.ts',
  globalTeardown: '<rootDir>/src/testing/render-once-teardown.ts',
};
