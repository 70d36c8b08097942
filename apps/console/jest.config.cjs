// Unit tests of the console's plain logic (roles, dates, errors, search); the views are tested in a real browser (gateway/test/console.int-spec.ts).
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
};
