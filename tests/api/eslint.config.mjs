import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  // A test project: its support files may use the shared test fixtures too.
  { files: ['**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
];
