// The service and controller specs start an in-memory PostgreSQL (PGlite), whose initdb can take a minute on a busy
// 2-core machine: allow hooks that long.
module.exports = { ...require('../../../jest.api.preset.cjs')(__dirname, 'api-catalogue'), testTimeout: 180000 };
