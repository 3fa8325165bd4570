import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, NotFoundError } from '@scs/api/core';
import {
  attachTranslations,
  diffCatalogues,
  toPublicCatalogue,
  type Catalogue,
  type CatalogueDiff,
  type PublicCatalogue,
  type ReadLocale,
  type Translations,
} from '@scs/shared/catalogue';
import { createHash } from 'node:crypto';
import { Repository } from 'typeorm';
import { CatalogueVersion } from './catalogue.entity';
import { loadCatalogueDir, type LoadedCatalogue } from './catalogue.loader';

export interface StoredCatalogue {
  version: string;
  effectiveFrom: string;
  checksum: string;
  catalogue: Catalogue;
  loadedAt: Date;
}

/** A response body with the validator that identifies it (for ETag / If-None-Match). */
export interface Cacheable<T> {
  body: T;
  etag: string;
  locale?: ReadLocale;
}

export class CatalogueImmutableError extends Error {
  override name = 'CatalogueImmutableError';
}

const today = (now: Date) => now.toISOString().slice(0, 10);
// Newest first: by effective date, then by version number (2026.10 after 2026.9).
const newestFirst = (a: StoredCatalogue, b: StoredCatalogue) =>
  b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version.localeCompare(a.version, 'en', { numeric: true });

@Injectable()
export class CatalogueService implements OnModuleInit {
  private readonly logger = new Logger(CatalogueService.name);
  private readonly versions = new Map<string, StoredCatalogue>();
  private readonly publicBodies = new Map<string, PublicCatalogue>();
  /** Translation files per version and locale, from the folders on disk (not stored: they may grow after publishing). */
  private readonly translations = new Map<string, Map<string, Translations>>();

  constructor(
    @InjectRepository(CatalogueVersion) private readonly repository: Repository<CatalogueVersion>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Start-up: load every version folder, publish new versions, refuse changed ones, then cache all published versions. */
  async onModuleInit(): Promise<void> {
    const loaded = await loadCatalogueDir(this.config.catalogueDir);
    await this.publish(loaded);
    for (const l of loaded)
      this.translations.set(l.version, new Map(l.translations.map((t) => [t.locale, t.texts] as const)));
    for (const row of await this.repository.find()) this.remember(row);
    this.logger.log(
      `Catalogue versions: ${[...this.versions.keys()].join(', ')}; current ${this.currentOf(new Date())?.version ?? 'none'}`,
    );
  }

  /** Inserts versions not yet in the database; a version already there must have the same checksum. Safe to run concurrently. */
  async publish(loaded: readonly LoadedCatalogue[]): Promise<void> {
    for (const l of loaded) {
      await this.repository
        .createQueryBuilder()
        .insert()
        .into(CatalogueVersion)
        .values({ version: l.version, effectiveFrom: l.effectiveFrom, checksum: l.checksum, content: l.catalogue })
        .orIgnore()
        .execute();
      const stored = await this.repository.findOneByOrFail({ version: l.version });
      if (stored.checksum !== l.checksum) {
        throw new CatalogueImmutableError(
          `Catalogue version ${l.version} in ${l.dir} differs from the version published on ${stored.loadedAt.toISOString()} ` +
            `(checksum ${l.checksum.slice(0, 12)} on disk, ${stored.checksum.slice(0, 12)} in the database). ` +
            `Published catalogue versions are immutable: restore the folder ${l.version} and make a new version ` +
            `(copy it to a new folder such as ${nextVersion(l.version)} and change that).`,
        );
      }
    }
  }

  /** The version in force: the latest effectiveFrom on or before `now`; before any is in force, the latest. */
  async current(now = new Date()): Promise<StoredCatalogue> {
    const current = this.currentOf(now);
    if (!current) throw new NotFoundError('errors.catalogue.nonePublished');
    return current;
  }

  /** A published version; falls back to the database for versions published by a newer replica since start-up. */
  async get(version: string): Promise<StoredCatalogue | undefined> {
    const cached = this.versions.get(version);
    if (cached) return cached;
    const row = await this.repository.findOneBy({ version });
    return row ? this.remember(row) : undefined;
  }

  /** A version already in memory, without asking the database (the autosave's fast path). */
  cached(version: string): StoredCatalogue | undefined {
    return this.versions.get(version);
  }

  async require(version: string): Promise<StoredCatalogue> {
    const found = await this.get(version);
    if (!found) throw new NotFoundError('errors.catalogue.noSuchVersion', { version });
    return found;
  }

  /** All published versions, newest first. */
  list(): StoredCatalogue[] {
    return [...this.versions.values()].sort(newestFirst);
  }

  /** The catalogue localized for clients; `version` undefined means the current one. */
  /** The translation file of a version in a language (`zh` texts, `de` corrections), if the folder has one. */
  translationsOf(version: string, locale: ReadLocale): Translations | undefined {
    return this.translations.get(version)?.get(locale);
  }

  /**
   * A digest of a version's translation files (every language): content built from the catalogue's wording (reports)
   * names it in its cache key, since the files are not in the checksum and may be corrected after publishing.
   */
  translationsDigest(version: string): string {
    const files = [...(this.translations.get(version) ?? [])].sort(([a], [b]) => a.localeCompare(b));
    return createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 12);
  }

  async publicCatalogue(version: string | undefined, locale: ReadLocale): Promise<Cacheable<PublicCatalogue>> {
    const stored = version === undefined ? await this.current() : await this.require(version);
    const key = `${stored.version}:${locale}`;
    let body = this.publicBodies.get(key);
    if (!body) {
      body = toPublicCatalogue(stored.catalogue, locale, this.translationsOf(stored.version, locale));
      this.publicBodies.set(key, body);
    }
    const texts = this.translationsOf(stored.version, locale);
    // The translation file is not in the checksum, so its digest goes into the ETag: a changed file is fetched again.
    const suffix = texts ? `-${createHash('sha256').update(JSON.stringify(texts)).digest('hex').slice(0, 12)}` : '';
    return { body, etag: `"${stored.checksum.slice(0, 32)}-${locale}${suffix}"`, locale };
  }

  async diff(from: string, to: string): Promise<Cacheable<CatalogueDiff>> {
    const [a, b] = await Promise.all([this.require(from), this.require(to)]);
    return {
      body: diffCatalogues(a.catalogue, b.catalogue),
      etag: `"${a.checksum.slice(0, 16)}-${b.checksum.slice(0, 16)}"`,
    };
  }

  private currentOf(now: Date): StoredCatalogue | undefined {
    const all = this.list();
    return all.find((c) => c.effectiveFrom <= today(now)) ?? all[0];
  }

  private remember(row: CatalogueVersion): StoredCatalogue {
    const stored = {
      version: row.version,
      effectiveFrom: row.effectiveFrom,
      checksum: row.checksum,
      catalogue: row.content,
      loadedAt: row.loadedAt,
    };
    // Server-side texts of this version (report, exports) read its translation files through localize().
    for (const [locale, texts] of this.translations.get(row.version) ?? [])
      if (locale === 'zh' || locale === 'de') attachTranslations(row.content, locale, texts);
    this.versions.set(stored.version, stored);
    return stored;
  }
}

function nextVersion(version: string): string {
  const [year, n] = version.split('.');
  return `${year}.${Number(n) + 1}`;
}
