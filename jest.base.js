// Shared jest settings: unit tests are src/**/*.spec.ts, integration tests test/**/*.int-spec.ts.
/**
 * @param {'unit' | 'integration'} kind
 * @param {string} packageDir the package's folder (its jest.config.js passes __dirname)
 */
module.exports = function jestConfig(kind, packageDir) {
  const integration = kind === 'integration';
  return {
    testEnvironment: 'node',
    roots: integration ? ['<rootDir>/test'] : ['<rootDir>/src'],
    testMatch: integration ? ['**/*.int-spec.ts'] : ['**/*.spec.ts'],
    transform: {
      '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
    },
    setupFiles: [require.resolve('reflect-metadata')],
    testTimeout: integration ? 120_000 : 10_000,
    maxWorkers: integration ? 1 : '50%',
    // Integration tests bring the real infrastructure up first (idempotent).
    ...(integration
      ? { globalSetup: require.resolve('@ps/testing/dist/global-setup.js', { paths: [packageDir] }) }
      : {}),
  };
};
