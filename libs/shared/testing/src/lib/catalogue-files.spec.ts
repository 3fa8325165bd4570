import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogueDataDir, catalogueFiles, latestCatalogueVersion } from './catalogue-files';

describe('catalogue files', () => {
  it('takes the newest version folder by number (2026.10 after 2026.9), not other folders', () => {
    const root = mkdtempSync(join(tmpdir(), 'catalogue-data-'));
    for (const d of ['2026.1', '2026.9', '2026.10', 'partner-check']) mkdirSync(join(root, d));
    writeFileSync(join(root, '2027.1'), 'a file, not a version');
    mkdirSync(join(root, '2026.10', 'questions'));
    writeFileSync(join(root, '2026.10', 'catalogue.yaml'), 'version: 2026.10\n');
    writeFileSync(join(root, '2026.10', 'questions', 'tax.yaml'), '- id: T1\n');

    expect(latestCatalogueVersion(root)).toBe('2026.10');
    expect(catalogueFiles(undefined, root).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'catalogue.yaml', content: 'version: 2026.10\n' },
      { path: join('questions', 'tax.yaml'), content: '- id: T1\n' },
    ]);
    expect(() => latestCatalogueVersion(join(root, 'partner-check'))).toThrow(/no catalogue version/);
  });

  it("reads the repository's catalogue data", () => {
    const version = latestCatalogueVersion();
    expect(readdirSync(catalogueDataDir())).toContain(version);
    expect(catalogueDataDir(join(catalogueDataDir(), version))).toBe(catalogueDataDir());
    expect(catalogueFiles(version).length).toBeGreaterThan(1);
  });
});
