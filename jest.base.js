// Shared jest settings: unit tests are src/**/*.spec.ts, integration tests test/**/*.int-spec.ts,
// the bad-input (security) suite test/security/**/*.sec-spec.ts.
const PATTERNS = {
  unit: { roots: ['<rootDir>/src'], testMatch: ['**/*.spec.ts'] },
  integration: { roots: ['<rootDir>/test'], testMatch: ['**/*.int-spec.ts'] },
  security: { roots: ['<rootDir>/test/security'], testMatch: ['**/*.sec-spec.ts'] },
};

/**
 * @param {'unit' | 'integration' | 'security'} kind
 * @param {string} packageDir the package's folder (its jest.config.js passes __dirname)
 */
module.exports = function jestConfig(kind, packageDir) {
  const realProcesses = kind !== 'unit';
  return {
    testEnvironment: 'node',
    ...PATTERNS[kind],
    transform: {
      '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
    },
    setupFiles: [require.resolve('reflect-metadata')],
    testTimeout: realProcesses ? 120_000 : 10_000,
    maxWorkers: realProcesses ? 1 : '50%',
    // Integration and security tests bring the real infrastructure up first (idempotent).
    ...(realProcesses
      ? { globalSetup: require.resolve('@ps/testing/dist/global-setup.js', { paths: [packageDir] }) }
      : {}),
  };
};
