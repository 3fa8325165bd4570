// Fixtures shared by the specs and the test suites (tests/api, tests/e2e, tools): import from '@scs/shared/testing'
// in tests only (lint forbids it in product code). Framework-free and free of other libs.
export { SMALL_FIRM_PROFILE, TEST_FIRM_PROFILE } from './lib/firm-profiles';
export { testDimension, testFinding, testLevels, testSeverities, testText } from './lib/catalogue-parts';
export { catalogueDataDir, catalogueFiles, latestCatalogueVersion } from './lib/catalogue-files';
export { ENGLISH_CRM_EXPORT, GERMAN_EXCEL_EXPORT, GERMAN_MEMBERS } from './lib/member-lists';
export { minimalJpeg, minimalPdf, minimalPng } from './lib/evidence-files';
export { usccFor } from './lib/uscc';
