// Integration tests: the real API (AppModule + configureApp) against a real PostgreSQL, one fresh database per run.
const preset = require('../../jest.api.preset.cjs')(__dirname, 'api-integration');

module.exports = {
  ...preset,
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 60000,
};
