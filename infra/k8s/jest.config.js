// Unit tests of the manifests: src/**/*.spec.ts and test/**/*.spec.ts. They render the overlays with
// `kubectl kustomize` (kubectl on PATH), hence the longer timeout.
const base = require('../../jest.base')('unit', __dirname);

module.exports = { ...base, roots: ['<rootDir>/src', '<rootDir>/test'], testTimeout: 60_000 };
