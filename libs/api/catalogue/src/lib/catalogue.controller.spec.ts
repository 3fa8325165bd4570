import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  AllExceptionsFilter,
  ConfigModule,
  IS_PUBLIC,
  loadConfig,
  postgresOptions,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '@scs/api/core';
import { DataSource } from 'typeorm';
import { catalogueFixtureDir, removeFixtureDirs } from '../testing/catalogue-dir.fixture';
import { CatalogueController, matchesEtag } from './catalogue.controller';
import { CatalogueVersion } from './catalogue.entity';
import { CatalogueModule } from './catalogue.module';

let db: EmbeddedPostgres;
let schema: DataSource;
let app: INestApplication;
let base: string;

beforeAll(async () => {
  db = await startEmbeddedPostgres('memory');
  schema = await new DataSource({ ...postgresOptions(db.url, [CatalogueVersion], []), synchronize: true }).initialize();
  const dir = catalogueFixtureDir();
  dir.writeVersion('2026.1');
  dir.writeVersion('2026.2', { effectiveFrom: '2026-05-01', questionText: 'Current tax credit grade?' });
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot({ ...loadConfig({}), catalogueDir: dir.root }),
      TypeOrmModule.forRoot(postgresOptions(db.url, [CatalogueVersion], [], 2)),
      CatalogueModule,
    ],
  }).compile();
  app = moduleRef.createNestApplication();
  // The same prefix and validation as configureApp() in libs/api/app.
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new AllExceptionsFilter(app.get(HttpAdapterHost))); // as in the app: domain errors become HTTP there
  await app.listen(0, '127.0.0.1');
  base = `${await app.getUrl()}/api/catalogue`;
});

afterAll(async () => {
  await app?.close();
  await schema?.destroy();
  await db?.stop();
  removeFixtureDirs();
});

describe('GET /api/catalogue', () => {
  it('returns the version in force, in English by default, with caching headers', async () => {
    const res = await fetch(base);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBe('en');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}-en"$/);
    expect(res.headers.get('vary')).toMatch(/Accept-Language/i);
    const body = await res.json();
    expect(body).toMatchObject({ version: '2026.2', locale: 'en', title: 'Fixture catalogue' });
    expect(body.dimensions[0]).toMatchObject({ name: 'Tax', nameZh: '纳税信用' });
    expect(body.questions[0].text).toBe('Current tax credit grade?');
  });

  it('follows Accept-Language, and ?lang over the header', async () => {
    const german = await fetch(base, { headers: { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' } });
    expect(german.headers.get('content-language')).toBe('de');
    expect((await german.json()).dimensions[0].name).toBe('Steuern');
    const english = await fetch(`${base}?lang=en`, { headers: { 'accept-language': 'de' } });
    expect(english.headers.get('content-language')).toBe('en');
    expect(english.headers.get('etag')).not.toBe(german.headers.get('etag'));
  });

  it('answers 304 without a body when If-None-Match matches', async () => {
    const first = await fetch(`${base}?lang=de`);
    const etag = first.headers.get('etag') ?? '';
    const again = await fetch(`${base}?lang=de`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const otherLanguage = await fetch(`${base}?lang=en`, { headers: { 'if-none-match': etag } });
    expect(otherLanguage.status).toBe(200);
  });

  it('rejects an unsupported language and unknown query parameters', async () => {
    expect((await fetch(`${base}?lang=fr`)).status).toBe(400);
    expect((await fetch(`${base}?langs=de`)).status).toBe(400);
  });
});

describe('GET /api/catalogue/:version', () => {
  it('returns a published version', async () => {
    const res = await fetch(`${base}/2026.1?lang=de`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ version: '2026.1', effectiveFrom: '2026-04-01', locale: 'de' });
  });

  it('answers 404 with a JSON body for an unknown version', async () => {
    const res = await fetch(`${base}/1999.1`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ statusCode: 404, message: 'Catalogue version 1999.1 does not exist' });
  });
});

describe('GET /api/catalogue/diff', () => {
  it('lists what changed between two versions', async () => {
    const res = await fetch(`${base}/diff?from=2026.1&to=2026.2`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const body = await res.json();
    expect(body).toMatchObject({ from: '2026.1', to: '2026.2', settings: ['effectiveFrom'] });
    expect(body.questions.changed).toEqual([
      { id: 'T1', fields: ['text'], options: { added: [], removed: [], changed: [] } },
    ]);
  });

  it('answers 400 without both versions and 404 for an unknown one', async () => {
    expect((await fetch(`${base}/diff?from=2026.1`)).status).toBe(400);
    expect((await fetch(`${base}/diff?from=2026.1&to=2030.1`)).status).toBe(404);
  });
});

describe('matchesEtag', () => {
  it.each([
    [undefined, false],
    ['"abc-en"', true],
    ['W/"abc-en"', true],
    ['"x", "abc-en"', true],
    ['*', true],
    ['"abc-de"', false],
  ])('If-None-Match %s -> %s', (header, expected) => {
    expect(matchesEtag(header, '"abc-en"')).toBe(expected);
  });
});

describe('CatalogueController', () => {
  it('declares every route @Public', () => {
    const handlers = ['current', 'diff', 'version'] as const;
    for (const h of handlers)
      expect([h, Reflect.getMetadata(IS_PUBLIC, CatalogueController.prototype[h])]).toEqual([h, true]);
  });

  it('documents its routes in OpenAPI', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/catalogue', '/api/catalogue/diff', '/api/catalogue/{version}']),
    );
    expect(document.paths['/api/catalogue']?.get?.description).toContain('Content-Language');
  });
});
