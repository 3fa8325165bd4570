#!/usr/bin/env node
// Creates a library with the workspace conventions: `node tools/generators/new-lib.mjs <shared|api|web> <name> <type>`
// (type: domain | feature | data-access | ui | util). Writes project.json with tags, tsconfigs, jest and
// eslint config, src/index.ts, and the `@scs/<scope>/<name>` alias in tsconfig.base.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [scope, name, type = 'feature'] = process.argv.slice(2);
if (!['shared', 'api', 'web'].includes(scope) || !name) {
  console.error(
    'usage: node tools/generators/new-lib.mjs <shared|api|web> <name> [domain|feature|data-access|ui|util]',
  );
  process.exit(2);
}
const root = join('libs', scope, name);
const up = '../../..';
const project = `${scope}-${name}`;
const write = (file, content) => {
  const path = join(root, file);
  if (!existsSync(path))
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n');
};
mkdirSync(join(root, 'src'), { recursive: true });

const jestCmd = `jest --config ${root}/jest.config.cts --passWithNoTests`;
const testTarget = {
  executor: 'nx:run-commands',
  cache: true,
  outputs: [`{workspaceRoot}/coverage/${root}`],
  inputs: ['default', '^production', '{workspaceRoot}/jest.preset.js', '{workspaceRoot}/jest.api.preset.cjs'],
  options:
    scope === 'api'
      ? { command: jestCmd, env: { NODE_OPTIONS: '--experimental-vm-modules --no-warnings=ExperimentalWarning' } }
      : { command: jestCmd },
};
const typecheck = {
  executor: 'nx:run-commands',
  cache: true,
  inputs: ['default', '^production'],
  options: { command: `tsc -p ${root}/tsconfig.lib.json --noEmit && tsc -p ${root}/tsconfig.spec.json --noEmit` },
};
write('project.json', {
  name: project,
  $schema: `${up}/node_modules/nx/schemas/project-schema.json`,
  sourceRoot: `${root}/src`,
  projectType: 'library',
  // A feature library also carries lib:<project>: eslint.config.mjs lists its allowed feature → feature edges.
  tags: [`scope:${scope}`, `type:${type}`, ...(type === 'feature' ? [`lib:${project}`] : [])],
  ...(scope === 'web' ? { prefix: 'scs' } : {}),
  targets: { test: testTarget, typecheck },
});
const web = scope === 'web';
write('tsconfig.json', {
  extends: `${up}/tsconfig.base.json`,
  compilerOptions: web ? { module: 'preserve', isolatedModules: true, emitDecoratorMetadata: false } : {},
  files: [],
  include: [],
  references: [{ path: './tsconfig.lib.json' }, { path: './tsconfig.spec.json' }],
  ...(web
    ? {
        angularCompilerOptions: {
          strictInjectionParameters: true,
          strictInputAccessModifiers: true,
          strictTemplates: true,
        },
      }
    : {}),
});
write('tsconfig.lib.json', {
  extends: './tsconfig.json',
  compilerOptions: { outDir: `${up}/dist/out-tsc`, types: scope === 'web' ? [] : ['node'] },
  include: ['src/**/*.ts'],
  exclude: ['src/**/*.spec.ts'],
});
write('tsconfig.spec.json', {
  extends: './tsconfig.json',
  compilerOptions: web
    ? { outDir: `${up}/dist/out-tsc`, module: 'preserve', moduleResolution: 'bundler', types: ['jest', 'node'] }
    : {
        outDir: `${up}/dist/out-tsc`,
        module: 'esnext',
        moduleResolution: 'bundler',
        isolatedModules: true,
        types: ['jest', 'node'],
      },
  include: ['src/**/*.spec.ts', 'src/**/*.d.ts'],
});
if (scope === 'api') {
  write('jest.config.cts', `module.exports = require('${up}/jest.api.preset.cjs')(__dirname, '${project}');\n`);
} else if (web) {
  write(
    'jest.config.cts',
    `module.exports = {
  displayName: '${project}',
  preset: '${up}/jest.preset.js',
  setupFilesAfterEnv: ['<rootDir>/${up}/jest.web-setup.ts'],
  transform: { '^.+\\\\.(ts|mjs|js|html)$': ['jest-preset-angular', { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\\\.(html|svg)$' }] },
  transformIgnorePatterns: ['node_modules/(?!(.*\\\\.mjs$|echarts/|zrender/|@jsverse/))'],
  moduleNameMapper: require('${up}/jest.path-aliases.cjs')(),
};
`,
  );
} else {
  write(
    'jest.config.cts',
    `module.exports = {
  displayName: '${project}',
  preset: '${up}/jest.preset.js',
  testEnvironment: 'node',
  transform: { '^.+\\\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper: require('${up}/jest.path-aliases.cjs')(),
};
`,
  );
}
write(
  'eslint.config.mjs',
  web
    ? `import nx from '@nx/eslint-plugin';\nimport baseConfig from '${up}/eslint.config.mjs';\n\nexport default [...nx.configs['flat/angular'], ...nx.configs['flat/angular-template'], ...baseConfig];\n`
    : `import baseConfig from '${up}/eslint.config.mjs';\n\nexport default [...baseConfig];\n`,
);
write('src/index.ts', 'export {};\n');

const basePath = 'tsconfig.base.json';
const base = JSON.parse(readFileSync(basePath, 'utf8'));
base.compilerOptions.paths[`@scs/${scope}/${name}`] = [`./${root}/src/index.ts`];
writeFileSync(basePath, JSON.stringify(base, null, 2) + '\n');
console.log(`created ${root} (${project}, scope:${scope}, type:${type})`);
if (type === 'feature')
  console.log(
    `add '${project}' with its allowed feature edges to featureEdges in eslint.config.mjs (lint fails until then)`,
  );
