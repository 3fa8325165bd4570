import nx from '@nx/eslint-plugin';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverOnly = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'pg-boss',
  '@electric-sql/*',
  'puppeteer-core',
  'argon2',
  'nodemailer',
  'exceljs',
  'passport*',
  'express',
];
const browserOnly = ['@angular/*', 'ngx-echarts', '@jsverse/*', 'rxjs'];

/**
 * The allowed feature → feature edges, each with its reason. Every feature library carries the tag `lib:<project>`;
 * a feature may import another feature only when the edge is listed here, so a new edge is a visible decision
 * (lint fails until it is added with its reason). Features otherwise meet through contracts registered at start-up
 * (docs/architecture.md, "Features meet through contracts").
 */
const featureEdges = {
  'api-app': {
    'api-accounts': 'composes the application (AppModule, entity list, migrations)',
    'api-assessments': 'composes the application',
    'api-catalogue': 'composes the application',
    'api-chambers': 'composes the application',
    'api-reports': 'composes the application; health reports whether PDFs can be rendered',
    'api-research': 'composes the application',
    'api-portfolio': 'composes the application',
    'api-partners': 'composes the application',
  },
  'api-accounts': {},
  'api-catalogue': {},
  'api-research': {
    'api-accounts': 'firm profiles (peer group) and the audit log of consent changes',
    'api-catalogue': 'catalogue versions label the research outputs',
  },
  'api-reports': {
    'api-accounts': 'a report belongs to an organisation and names who requested it (entity relations)',
  },
  'api-assessments': {
    'api-accounts': 'organisations, profiles, audit log and mail',
    'api-catalogue': 'an assessment pins its catalogue version',
    'api-reports': 'provides REPORT_DATA_SOURCE (the firm report content) through the reports contract',
    'api-research': 'records submissions for research (ResearchRecordsService); peer figures through PEER_FIGURES',
  },
  'api-chambers': {
    'api-accounts':
      'chambers are organisations; invitations, audit log and mail; names, members and chamber links (DirectoryService, ChamberLinksService)',
    'api-assessments':
      "campaign progress, distribution and member aggregates read firms' assessment dates and results through FIRM_RESULTS",
    'api-catalogue': 'labels of the member aggregates come from the catalogue versions of a release',
    'api-reports': 'registers the member benchmark and chamber-prepared firm report kinds; provides REPORT_BRANDING',
    'api-research': 'the platform-wide comparison shown to chambers without a release of their own',
  },
  'api-portfolio': {
    'api-accounts': 'organisation names, firm profiles (USCC, province, legal form), memberships and the audit log',
    'api-assessments':
      "an entity's standing (levels, scores, actions, repair deadlines, dates) and granted answers through ENTITY_STANDINGS",
    'api-reports': 'registers the group portfolio report kind',
  },
  'api-partners': {
    'api-accounts': 'partners belong to a firm organisation; audit log, mail outbox, USCC check, members for reminders',
    'api-reports': 'registers the partner receipt report kind and requests it',
  },
  'web-admin': {},
  'web-partners': {},
  'web-accounts': {
    'web-assessments':
      "the firm page's consents tab lazy-loads the sharing feature's routes (no code shared at build time)",
  },
  'web-assessments': {
    'web-catalogue': 'questions and applicability texts of the wizard come from the catalogue feature',
    'web-reports': 'the result page shows the PDF report panel',
  },
  'web-catalogue': {},
  'web-portfolio': {
    'web-reports': 'the portfolio page shows the PDF report panel',
  },
  'web-chambers': {},
  'web-reports': {},
  'web-research': {},
};

// Every feature library must be listed (a new feature library is a decision about its edges, too).
const libs = join(dirname(fileURLToPath(import.meta.url)), 'libs');
const featureLibs = readdirSync(libs, { withFileTypes: true })
  .filter((scope) => scope.isDirectory())
  .flatMap((scope) =>
    readdirSync(join(libs, scope.name), { withFileTypes: true })
      .filter((lib) => existsSync(join(libs, scope.name, lib.name, 'project.json')))
      .map((lib) => JSON.parse(readFileSync(join(libs, scope.name, lib.name, 'project.json'), 'utf8'))),
  )
  .filter((project) => project.tags?.includes('type:feature'));
for (const project of featureLibs) {
  if (!(project.name in featureEdges))
    throw new Error(`eslint.config.mjs: list the allowed feature edges of ${project.name} in featureEdges`);
  if (!project.tags.includes(`lib:${project.name}`))
    throw new Error(`libs/**/${project.name}/project.json: a feature library carries the tag "lib:${project.name}"`);
}
const lowerTypes = ['type:data-access', 'type:ui', 'type:domain', 'type:util'];
const featureEdgeConstraints = Object.entries(featureEdges).map(([lib, allowed]) => ({
  sourceTag: `lib:${lib}`,
  onlyDependOnLibsWithTags: [...lowerTypes, ...Object.keys(allowed).map((to) => `lib:${to}`)],
}));

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/coverage', '**/*.yaml'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            // scope: web and api never import each other; shared stays framework-free
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
              bannedExternalImports: serverOnly,
            },
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'],
              bannedExternalImports: browserOnly.filter((p) => p !== 'rxjs'),
            },
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: [...serverOnly, ...browserOnly],
            },
            // type: apps compose features; features use data-access, ui, domain and util; domain/util stay at the bottom
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:domain', 'type:util'],
            },
            // feature → feature only along the edges listed in featureEdges (type:feature here, the lib:<name> rules narrow it)
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:feature', ...lowerTypes],
            },
            ...featureEdgeConstraints,
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util'],
            },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:domain', 'type:util'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Test fixtures are for specs, test helpers (testing/ folders) and the test projects (tests/*, which turn this
    // off), never for product code.
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@scs/shared/testing', message: 'Test fixtures: import them in specs and tests only.' }] },
      ],
    },
  },
  {
    // In tests a failed lookup should fail the test at once; `!` says exactly that.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e.ts', '**/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
