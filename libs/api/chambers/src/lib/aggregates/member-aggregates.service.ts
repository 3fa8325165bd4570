import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ChamberLinksService } from '@scs/api/accounts';
import { FIRM_RESULTS, type FirmResults } from '@scs/api/assessments';
import { CatalogueService } from '@scs/api/catalogue';
import { APP_CONFIG, type AppConfig } from '@scs/api/core';
import { ConsentService, ResearchService } from '@scs/api/research';
import {
  DIMENSION_EPSILON,
  FINDING_EPSILON,
  LEVEL_EPSILON,
  RELEASES_PER_YEAR,
  RELEASE_NOISE,
  SCORE_BAND,
  decideRelease,
  lastClosedQuarter,
  quarterEnd,
  quarterOf,
  type RandomSource,
  vocabularyOf,
} from '@scs/shared/disclosure';
import type { AggregateTable, MemberAggregatesView, PlatformBenchmark, ReleaseNoiseRule } from '@scs/shared/contracts';
import {
  CRYPTO_RANDOM,
  memberTables,
  type ReleaseNoise,
  type MemberResult,
  type MemberTables,
  type MemberVocabulary,
} from './member-tables';

const RELEASE_LOCK = 764_700_015; // pg advisory lock (xact) namespace: one release computation per chamber at a time

interface ReleaseRow {
  id: string;
  period: string;
  version: number | null;
  status: 'published' | 'withheld';
  firms: number | null;
  fingerprints: string[];
  tables: AggregateTable[] | null;
  catalogueVersions: string[];
  noise: ReleaseNoiseRule | null;
  createdAt: Date;
}

/** The noise a release is cut with now (stored with the release, so a later change of scales does not misstate it). */
const CURRENT_NOISE: ReleaseNoiseRule = {
  mechanism: 'discrete-laplace',
  ...RELEASE_NOISE,
  levelEpsilon: LEVEL_EPSILON,
  dimensionEpsilon: DIMENSION_EPSILON,
  findingEpsilon: FINDING_EPSILON,
  releasesPerYear: RELEASES_PER_YEAR,
};

const NOT_ENOUGH = {
  en: 'Not enough members have shared their results yet. Figures of your chamber appear with the first quarterly release that counts at least {k} members; until then, the platform-wide comparison below shows where firms stand.',
  de: 'Bisher haben nicht genug Mitglieder ihre Ergebnisse geteilt. Zahlen Ihrer Kammer erscheinen mit der ersten Quartalsveröffentlichung, die mindestens {k} Mitglieder zählt; bis dahin zeigt der plattformweite Vergleich unten, wo die Unternehmen stehen.',
};

/**
 * Closed, versioned member releases of a chamber (docs/privacy.md, "Releases"). Counted: firms that belong to the
 * chamber, have a submitted assessment from before the end of the closed quarter (the latest one counts) and an active
 * consent "share anonymised results with this chamber" given to this chamber (a grant to another chamber never counts). A release is computed once per closed quarter (at the first
 * request after the quarter ended), stored in `chamber_release` and served unchanged; it is published only with at
 * least k members and, after the first, only when at least k members entered, left or changed since the previous
 * published one (otherwise withheld: the previous release stays served). Nothing of a single firm leaves this service.
 */
@Injectable()
export class MemberAggregatesService {
  /** The release clock (tests move it between quarters). */
  clock: () => Date = () => new Date();
  /** The randomness of the release noise (node:crypto; simulations pass a seeded source). */
  random: RandomSource = CRYPTO_RANDOM;
  /** Replaces the noise altogether (tests of the deterministic release rules only). */
  noise: ReleaseNoise | undefined = undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly catalogues: CatalogueService,
    private readonly chamberLinks: ChamberLinksService,
    private readonly consents: ConsentService,
    @Inject(FIRM_RESULTS) private readonly results: FirmResults,
    @Optional() private readonly research?: ResearchService,
  ) {}

  async view(chamberId: string): Promise<MemberAggregatesView> {
    const k = this.config.researchK;
    const release = await this.served(chamberId);
    const common = {
      chamberId,
      k,
      collecting: quarterOf(this.clock()),
      coarsening: { scoreBand: SCORE_BAND, countBase: k, noise: release ? release.noise : CURRENT_NOISE },
    };
    if (!release?.tables || release.version === null) {
      return {
        ...common,
        firms: null,
        published: false,
        tables: [],
        computedAt: (release?.createdAt ?? this.clock()).toISOString(),
        status: 'not_enough_members',
        release: null,
        message: { en: NOT_ENOUGH.en.replace('{k}', String(k)), de: NOT_ENOUGH.de.replace('{k}', String(k)) },
        platform: await this.platform(),
      };
    }
    return {
      ...common,
      firms: release.firms,
      published: true,
      tables: release.tables,
      computedAt: release.createdAt.toISOString(),
      status: 'published',
      release: {
        period: release.period,
        version: release.version,
        firms: release.firms ?? 0,
        publishedAt: release.createdAt.toISOString(),
      },
      message: null,
      platform: null,
    };
  }

  /** The served release's tables and the vocabulary they were labelled with (the benchmark report prints them). */
  async compute(chamberId: string): Promise<{ tables: MemberTables; vocabulary: MemberVocabulary }> {
    const release = await this.served(chamberId);
    const vocabulary = await this.vocabulary(release?.catalogueVersions ?? []);
    if (!release?.tables)
      return { tables: memberTables([], vocabulary, this.config.researchK, { noise: () => 0 }), vocabulary };
    return { tables: { firms: release.firms, published: true, tables: release.tables }, vocabulary };
  }

  /**
   * The version of what `compute` answers (the served release; without one, the current catalogue its labels come
   * from) and the firms it counts: cheap, for the member benchmark's cache key and audit.
   */
  async release(chamberId: string): Promise<{ version: string; firms: number | null }> {
    const release = await this.served(chamberId);
    if (release?.tables) return { version: `${release.id}:${release.version}`, firms: release.firms };
    return { version: `none:${(await this.catalogues.current()).catalogue.version}`, firms: null };
  }

  private async platform(): Promise<PlatformBenchmark | null> {
    return this.research ? this.research.platformBenchmark() : null;
  }

  private async vocabulary(versions: readonly string[]): Promise<MemberVocabulary> {
    const catalogues = (await Promise.all(versions.map((v) => this.catalogues.get(v)))).flatMap((c) =>
      c ? [c.catalogue] : [],
    );
    if (!catalogues.length) catalogues.push((await this.catalogues.current()).catalogue);
    const { levels, dimensions, findings } = vocabularyOf(catalogues);
    return { levels, dimensions, findings };
  }

  /** The latest published release, after cutting the release of the last closed quarter if it does not exist yet. */
  private async served(chamberId: string): Promise<ReleaseRow | null> {
    await this.ensureRelease(chamberId, lastClosedQuarter(this.clock()));
    const [row] = await this.releases(chamberId, `AND "status" = 'published' ORDER BY "version" DESC LIMIT 1`);
    return row ?? null;
  }

  private releases(chamberId: string, tail: string): Promise<ReleaseRow[]> {
    return this.dataSource.query(
      `SELECT "id", "period", "version", "status", "firms", "fingerprints", "tables", "catalogue_versions" AS "catalogueVersions", "noise", "created_at" AS "createdAt"
         FROM "chamber_release" WHERE "chamber_id" = $1 ${tail}`,
      [chamberId],
    );
  }

  /** Computes and stores the release of a closed quarter once (published or withheld); later calls find it. */
  async ensureRelease(chamberId: string, period: string): Promise<void> {
    const exists = await this.dataSource.query(
      `SELECT 1 FROM "chamber_release" WHERE "chamber_id" = $1 AND "period" = $2`,
      [chamberId, period],
    );
    if (exists.length) return;
    const k = this.config.researchK;
    await this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [RELEASE_LOCK, chamberId]);
      const again = await m.query(`SELECT 1 FROM "chamber_release" WHERE "chamber_id" = $1 AND "period" = $2`, [
        chamberId,
        period,
      ]);
      if (again.length) return;
      const members = await this.members(chamberId, quarterEnd(period));
      const fingerprints = members
        .map((x) => createHash('sha256').update(`${x.firmId}:${x.assessmentId}`).digest('hex'))
        .sort();
      const [previous]: { version: number; fingerprints: string[] }[] = await m.query(
        `SELECT "version", "fingerprints" FROM "chamber_release" WHERE "chamber_id" = $1 AND "status" = 'published' ORDER BY "version" DESC LIMIT 1`,
        [chamberId],
      );
      const decision = decideRelease(previous?.fingerprints ?? null, fingerprints, k);
      const versions = [...new Set(members.map((x) => x.catalogueVersion))].sort();
      if (!decision.publish) {
        await m.query(
          `INSERT INTO "chamber_release" ("chamber_id", "period", "status", "reason", "changed", "fingerprints", "catalogue_versions") VALUES ($1, $2, 'withheld', $3, $4, $5, $6)`,
          [
            chamberId,
            period,
            decision.reason,
            decision.changed,
            JSON.stringify(previous?.fingerprints ?? fingerprints),
            JSON.stringify(versions),
          ],
        );
        return;
      }
      const vocabulary = await this.vocabulary(versions);
      // The noise is drawn here, once: the stored tables are served unchanged, so asking again cannot average it out.
      const tables = memberTables(members, vocabulary, k, { random: this.random, noise: this.noise });
      await m.query(
        `INSERT INTO "chamber_release" ("chamber_id", "period", "version", "status", "reason", "firms", "changed", "fingerprints", "tables", "catalogue_versions", "noise")
         VALUES ($1, $2, $3, 'published', $4, $5, $6, $7, $8, $9, $10)`,
        [
          chamberId,
          period,
          (previous?.version ?? 0) + 1,
          decision.reason,
          tables.firms,
          decision.changed,
          JSON.stringify(fingerprints),
          JSON.stringify(tables.tables),
          JSON.stringify(versions),
          JSON.stringify(this.noise ? null : CURRENT_NOISE),
        ],
      );
    });
  }

  /**
   * The members counted: firms that belong to the chamber now, with an active `chamber` consent given to it, and their
   * latest submitted result from before `end` (ordered by firm id). Each owner answers its part: accounts the links,
   * research the consents, assessments the results.
   */
  private async members(chamberId: string, end: Date): Promise<(MemberResult & { assessmentId: string })[]> {
    const firms = await this.chamberLinks.activeMemberIds(chamberId);
    const consenting = await this.consents.activeForChamber('chamber', chamberId, [...firms]);
    const results = await this.results.latestResultsBefore([...consenting], end);
    return results.map((r) => ({ ...r, level: r.level as MemberResult['level'] }));
  }
}
