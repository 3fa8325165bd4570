// Test helpers of the partners feature for other projects' tests (the integration tests): small, valid evidence files.
export { minimalJpeg, minimalPdf, minimalPng } from '../lib/evidence/evidence.fixtures';
