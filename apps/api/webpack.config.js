const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && { devtoolModuleFilenameTemplate: '[absolute-resource-path]' }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // The admin CLI (npm run admin) shares the bundle's dependencies: dist/apps/api/cli.js
      additionalEntryPoints: [{ entryName: 'cli', entryPath: 'apps/api/src/cli.ts' }],
      tsConfig: './tsconfig.app.json',
      // The catalogue data ships next to the bundle; the API loads every version at start-up.
      assets: [{ input: 'libs/shared/catalogue/data', glob: '**/*.yaml', output: 'catalogue' }],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
      transformers: [
        { name: '@nestjs/swagger/plugin', options: { classValidatorShim: true, introspectComments: true } },
      ],
    }),
  ],
};
