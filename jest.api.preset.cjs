// Shared Jest settings for NestJS code: Nest 12 is ESM-only, so these projects run Jest in native ESM mode
// (NODE_OPTIONS=--experimental-vm-modules is set per target, never globally: it breaks the Angular projects).
const { join } = require('node:path');

module.exports = (rootDir, name) => ({
  displayName: name,
  rootDir,
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: join(rootDir, 'tsconfig.spec.json'), useESM: true }],
    '^.+\\.ya?ml$': join(__dirname, 'jest.text-transform.cjs'),
  },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    ...require('./jest.path-aliases.cjs')(),
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json', 'yaml'],
  setupFilesAfterEnv: [join(__dirname, 'jest.nest-setup.ts')],
  testTimeout: 30000,
});
