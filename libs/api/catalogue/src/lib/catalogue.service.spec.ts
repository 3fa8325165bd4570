import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigModule, loadConfig, postgresOptions, startEmbeddedPostgres, type EmbeddedPostgres } from '@scs/api/core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { catalogueFixtureDir, removeFixtureDirs } from '../testing/catalogue-dir.fixture';
import { CatalogueVersion } from './catalogue.entity';
import { checksumOf, loadCatalogueDir, readVersionFolder } from './catalogue.loader';
import { CatalogueModule } from './catalogue.module';
import { CatalogueService } from './catalogue.service';

let db: EmbeddedPostgres;
let admin: DataSource;
const open: TestingModule[] = [];

beforeAll(async () => {
  db = await startEmbeddedPostgres('memory');
  // The table comes from the entity here; the migration in libs/api/app is checked against it by db:check.
  admin = await new DataSource({ ...postgresOptions(db.url, [CatalogueVersion], []), synchronize: true }).initialize();
}, 180_000); // the in-memory engine's initdb takes a while on a busy 2-core machine
afterAll(async () => {
  removeFixtureDirs();
  await admin?.destroy();
  await db?.stop();
});
beforeEach(() => admin.query('DELETE FROM "catalogue_version"'));
afterEach(async () => {
  while (open.length) await open.pop()?.close();
});

/** Boots the module as the app does: init loads the folder and publishes its versions. */
async function boot(catalogueDir: string): Promise<CatalogueService> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot({ ...loadConfig({}), catalogueDir }),
      TypeOrmModule.forRoot(postgresOptions(db.url, [CatalogueVersion], [], 2)),
      CatalogueModule,
    ],
  }).compile();
  open.push(moduleRef);
  await moduleRef.init();
  return moduleRef.get(CatalogueService);
}

const rows = () => admin.getRepository(CatalogueVersion).find({ order: { version: 'ASC' } });

describe('CatalogueService', () => {
  it('loads every version folder at start-up and stores it with its checksum', async () => {
    const dir = catalogueFixtureDir();
    dir.writeVersion('2026.1');
    dir.writeVersion('2026.2', { effectiveFrom: '2026-10-01', questionText: 'Current tax credit grade?' });

    const service = await boot(dir.root);

    const stored = await rows();
    expect(stored.map((r) => [r.version, r.effectiveFrom])).toEqual([
      ['2026.1', '2026-04-01'],
      ['2026.2', '2026-10-01'],
    ]);
    expect(stored[0]?.checksum).toBe(checksumOf(await readVersionFolder(join(dir.root, '2026.1'))));
    expect(stored[1]?.content.questions[0]?.text.en).toBe('Current tax credit grade?');
    expect((await service.get('2026.1'))?.catalogue.questions).toHaveLength(1);
    expect(await service.get('2025.9')).toBeUndefined();
  });

  it('is idempotent: starting again with the same files changes nothing', async () => {
    const dir = catalogueFixtureDir();
    dir.writeVersion('2026.1');
    await boot(dir.root);
    const before = await rows();

    await boot(dir.root);

    expect(await rows()).toEqual(before);
  });

  it('refuses to start when a published version was changed, and says to make a new version', async () => {
    const dir = catalogueFixtureDir();
    dir.writeVersion('2026.1');
    await boot(dir.root);
    dir.writeVersion('2026.1', { questionText: 'Edited after publication?' });

    await expect(boot(dir.root)).rejects.toThrow(
      /Catalogue version 2026\.1 .* differs .* Published catalogue versions are immutable: .* make a new version .* 2026\.2/,
    );
    expect((await rows())[0]?.content.questions[0]?.text.en).toBe('What is your tax credit grade?');
  });

  it('publishes a new version folder next to the existing ones', async () => {
    const dir = catalogueFixtureDir();
    dir.writeVersion('2026.1');
    await boot(dir.root);
    dir.writeVersion('2026.2', { effectiveFrom: '2026-10-01' });

    const service = await boot(dir.root);

    expect((await rows()).map((r) => r.version)).toEqual(['2026.1', '2026.2']);
    expect(service.list().map((c) => c.version)).toEqual(['2026.2', '2026.1']);
  });

  it('keeps serving a version whose folder was removed from the repository (assessments are pinned to it)', async () => {
    const old = catalogueFixtureDir();
    old.writeVersion('2025.1', { effectiveFrom: '2025-01-01' });
    await boot(old.root);
    const fresh = catalogueFixtureDir();
    fresh.writeVersion('2026.1');

    const service = await boot(fresh.root);

    expect((await service.get('2025.1'))?.effectiveFrom).toBe('2025-01-01');
  });

  it('names the current version: the latest in force, else the latest', async () => {
    const dir = catalogueFixtureDir();
    dir.writeVersion('2026.1', { effectiveFrom: '2026-04-01' });
    dir.writeVersion('2026.2', { effectiveFrom: '2026-10-01' });
    dir.writeVersion('2027.1', { effectiveFrom: '2027-01-01' });
    const service = await boot(dir.root);

    expect((await service.current(new Date('2026-09-30T23:00:00Z'))).version).toBe('2026.1');
    expect((await service.current(new Date('2026-10-01T00:00:00Z'))).version).toBe('2026.2');
    expect((await service.current(new Date('2030-01-01T00:00:00Z'))).version).toBe('2027.1');
    expect((await service.current(new Date('2020-01-01T00:00:00Z'))).version).toBe('2027.1');
  });

  it('refuses to start with invalid catalogue data, naming the folder and every issue', async () => {
    const dir = catalogueFixtureDir();
    dir.writeVersion('2026.1');
    const path = join(dir.root, '2026.1', 'questions', 'd01-tax.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8')
        .replace('weight: high', 'weight: huge')
        .replace('references: [sta-2025]', 'references: [sta-2024]'),
    );

    await expect(boot(dir.root)).rejects.toThrow(
      /2026\.1: Catalogue 2026\.1 is invalid \(2 issues\):\n- questions\[T1\]\.weight: .*\n- questions\[T1\]\.references\[0\]: unknown reference "sta-2024"/,
    );
  });

  it('refuses a folder whose name differs from its version', async () => {
    const dir = catalogueFixtureDir();
    dir.writeVersion('2026.1');
    dir.write('2026.3', 'catalogue.yaml', readFileSync(join(dir.root, '2026.1', 'catalogue.yaml'), 'utf8'));
    for (const f of ['dimensions.yaml', 'references/core.yaml', 'questions/d01-tax.yaml'])
      dir.write('2026.3', f, readFileSync(join(dir.root, '2026.1', f), 'utf8'));

    await expect(loadCatalogueDir(dir.root)).rejects.toThrow(
      'catalogue.yaml says version 2026.1, but the folder is named 2026.3',
    );
  });
});

describe('loadCatalogueDir', () => {
  it('gives the same checksum for a checkout with CRLF line endings', async () => {
    const unix = catalogueFixtureDir();
    unix.writeVersion('2026.1');
    const windows = catalogueFixtureDir();
    windows.writeVersion('2026.1', { lineEnding: '\r\n' });

    const [a] = await loadCatalogueDir(unix.root);
    const [b] = await loadCatalogueDir(windows.root);
    expect(a?.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(b?.checksum).toBe(a?.checksum);
  });

  it('changes the checksum when any file changes', async () => {
    const dir = catalogueFixtureDir();
    dir.writeVersion('2026.1');
    const [before] = await loadCatalogueDir(dir.root);
    dir.write(
      '2026.1',
      'references/core.yaml',
      readFileSync(join(dir.root, '2026.1', 'references/core.yaml'), 'utf8') + '# a comment\n',
    );
    const [after] = await loadCatalogueDir(dir.root);
    expect(after?.checksum).not.toBe(before?.checksum);
  });

  it('loads the real catalogue data folder', async () => {
    const loaded = await loadCatalogueDir(join(import.meta.dirname, '../../../../shared/catalogue/data'));
    expect(loaded.map((l) => l.version)).toContain('2026.1');
  });

  it('reports a missing directory', async () => {
    await expect(loadCatalogueDir('/nonexistent/catalogue')).rejects.toThrow(
      'Catalogue directory /nonexistent/catalogue does not exist (set CATALOGUE_DIR)',
    );
  });
});
