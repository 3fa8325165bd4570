// Browser tests: the production build (API serving the web app) in real headless Chromium via playwright-core.
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  // @scs/shared/testing (test fixtures) resolves like in every other project.
  moduleNameMapper: require('../../jest.path-aliases.cjs')(),
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 120000,
};
