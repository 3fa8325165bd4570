module.exports = {
  displayName: 'web-partners',
  preset: '../../../jest.preset.js',
  setupFilesAfterEnv: ['<rootDir>/../../../jest.web-setup.ts'],
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
    ],
  },
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|echarts/|zrender/|@jsverse/|intl-messageformat/|@formatjs/))'],
  moduleNameMapper: require('../../../jest.path-aliases.cjs')(),
};
