import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { createHmac, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { DataSource, type EntityManager } from 'typeorm';
import { DirectoryService, ProfileService } from '@scs/api/accounts';
import { CatalogueService } from '@scs/api/catalogue';
import { APP_CONFIG, type AppConfig, type AuthUser, InvalidInputError, NotFoundError } from '@scs/api/core';
import type { Catalogue, Locale } from '@scs/shared/catalogue';
import {
  PREDEFINED_TABLES,
  buildCodebook,
  chooseGeneralisation,
  chosenLevels,
  codebookDdi,
  codebookHtml,
  codebookR,
  codebookStata,
  isClosedWave,
  linkageSuppression,
  meansTable,
  microdataHeader,
  microdataRow,
  microdataVariables,
  parseQiChoice,
  peerBenchmark,
  rareAnswers,
  planWave,
  previousWave,
  sectorGroupOf,
  tableCodebook,
  tableCsv,
  tableMeta,
  TABLES,
  type Codebook,
  type DisclosedTable,
  type PeerBenchmark,
  type PredefinedTable,
  type PredefinedTableId,
  type QiCombination,
  type AnswerCount,
  type MicrodataGroup,
  type QiLevels,
  type ResearchRecord,
  QUASI_IDENTIFIERS,
  type WaveSummary,
} from '@scs/shared/disclosure';
import type { PlatformBenchmark } from '@scs/shared/contracts';
import { RESEARCH_MODULES } from '../questionnaire/research-module.2026.1';
import { AggregatesService } from './aggregates.service';
import { recordsOfWave, waveVocabulary } from './engine';
import type { ExportKind } from './export-log.entity';

export interface TableParams {
  wave?: string;
  from?: string;
  variable?: string;
}

export interface TableCatalogueEntry extends PredefinedTable<PredefinedTableId> {
  /** Waves with data (closed waves only). */
  waves: string[];
  /** answers-by-legal-form: the variables available in the latest wave, as `version:variable` with their label. */
  variables?: { id: string; label: { en: string; de: string } }[];
}

export interface DatasetSummary {
  k: number;
  /** Distinct firms over all closed waves (null when fewer than k). */
  firms: number | null;
  waves: { wave: string; firms: number | null; catalogueVersions: string[] }[];
  /** The wave still collecting submissions (not shown until it closes). */
  openWave: string | null;
  /** The microdata release: quasi-identifier levels (a file may be coarser, never finer) and how many answer codes are top-coded. */
  microdata: { levels: QiLevels; topCodedAnswers: number } | null;
}

export interface ExportLogView {
  id: string;
  at: Date;
  userId: string;
  userEmail: string | null;
  orgId: string;
  orgName: string | null;
  kind: ExportKind;
  tableId: string | null;
  params: Record<string, unknown>;
  rowCount: number;
}

interface Caller {
  user: AuthUser;
  orgId: string;
}

/** The profile attributes the peer groups are formed by. */
export interface PeerProfile {
  naceSection?: string | null;
  headcountBand?: string | null;
}

/** The codebook's forms: JSON, readable HTML, DDI-Codebook XML, and the Stata and R scripts that read the CSV. */
export const CODEBOOK_FORMATS = ['json', 'html', 'ddi', 'stata', 'r'] as const;
export type CodebookFormat = (typeof CODEBOOK_FORMATS)[number];

/** What a researcher asks of a microdata file or codebook: coarser quasi-identifiers, groups left out. */
export interface MicrodataChoice {
  qi?: string;
  omit?: string;
}

/** The file name of a table's CSV download (its codebook and scripts name the same file). */
export function tableFileName(table: DisclosedTable): string {
  const suffix = [table.waves.join('_'), table.variable ? table.variable.replace(/[^A-Za-z0-9_]/g, '_') : '']
    .filter(Boolean)
    .join('_');
  return `${table.id}_${suffix}.csv`;
}

/** The researcher-facing outputs (predefined tables, CSV, microdata, codebook) and the firms' peer benchmark. */
@Injectable()
export class ResearchService {
  private readonly logger = new Logger(ResearchService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly aggregates: AggregatesService,
    private readonly catalogues: CatalogueService,
    private readonly profiles: ProfileService,
    private readonly directory: DirectoryService,
  ) {}

  private get engine() {
    return this.aggregates.engine;
  }

  /** Closed waves with records, oldest first. */
  async closedWaves(now = new Date()): Promise<string[]> {
    return (await this.engine.waves()).filter((w) => isClosedWave(w, now));
  }

  private async summaryOf(wave: string): Promise<WaveSummary | null> {
    let summary = await this.engine.cached<WaveSummary>(wave, 'summary');
    if (!summary) {
      // Never computed yet (e.g. first request after a restore): compute now rather than answer "no data".
      await this.aggregates.refreshDirty();
      summary = await this.engine.cached<WaveSummary>(wave, 'summary');
    }
    return summary;
  }

  async datasetSummary(): Promise<DatasetSummary> {
    const k = this.config.researchK;
    const all = await this.engine.waves();
    const closed = all.filter((w) => isClosedWave(w));
    const waves = [];
    for (const wave of closed) {
      const s = await this.summaryOf(wave);
      const firms = s?.firms ?? 0;
      waves.push({
        wave,
        firms: firms >= k ? firms : null,
        catalogueVersions: Object.keys(s?.catalogueVersions ?? {}).sort(),
      });
    }
    const [{ n }] = closed.length
      ? ((await this.dataSource.query(
          `SELECT count(DISTINCT "pseudonym")::int AS "n" FROM "research"."record" WHERE "wave" = ANY($1)`,
          [closed],
        )) as [{ n: number }])
      : [{ n: 0 }];
    const release = closed.length ? await this.released() : null;
    return {
      k,
      firms: n >= k ? n : null,
      waves,
      openWave: all.find((w) => !isClosedWave(w)) ?? null,
      microdata: release
        ? {
            levels: release.levels,
            topCodedAnswers: Object.values(release.topCoded).reduce((sum, codes) => sum + codes.length, 0),
          }
        : null,
    };
  }

  async tableCatalogue(): Promise<TableCatalogueEntry[]> {
    const waves = await this.closedWaves();
    const latest = waves.at(-1);
    const variables: TableCatalogueEntry['variables'] = [];
    if (latest) {
      const rows: { param: string; label: { en: string; de: string } }[] = await this.dataSource.query(
        `SELECT "param", "payload"->'title' AS "label" FROM "research"."aggregate_cache" WHERE "wave" = $1 AND "table_id" = $2 ORDER BY "param"`,
        [latest, TABLES.answersByLegalForm.id],
      );
      variables.push(...rows.map((r) => ({ id: r.param, label: r.label })));
    }
    return PREDEFINED_TABLES.map((p) => ({
      ...tableMeta(p),
      waves: p.scope === 'panel' ? waves.slice(1) : waves,
      ...(p.params.includes('variable') ? { variables } : {}),
    }));
  }

  /** One predefined table from the precomputed store (closed waves only). */
  async table(tableId: PredefinedTableId, params: TableParams): Promise<DisclosedTable> {
    const def = PREDEFINED_TABLES.find((p) => p.id === tableId);
    if (!def) throw new NotFoundError('errors.research.noTable', { tableId });
    const waves = await this.closedWaves();
    const wave = params.wave ?? waves.at(-1);
    if (!wave || !waves.includes(wave))
      throw new NotFoundError(wave ? 'errors.research.noClosedWave' : 'errors.research.noClosedWaveYet', {
        wave: wave ?? '',
      });
    let param = '';
    if (def.scope === 'panel') {
      const from = params.from ?? waves[waves.indexOf(wave) - 1] ?? previousWave(wave);
      if (waves[waves.indexOf(wave) - 1] !== from)
        throw new InvalidInputError(
          'errors.research.consecutiveWaves',
          {},
          {
            fields: {
              from: waves[waves.indexOf(wave) - 1]
                ? { code: 'errors.research.fromMustBe', params: { wave: waves[waves.indexOf(wave) - 1] as string } }
                : { code: 'errors.research.fromBefore', params: { wave } },
            },
          },
        );
      param = from;
    } else if (def.params.includes('variable')) {
      if (!params.variable)
        throw new InvalidInputError(
          'errors.research.chooseQuestion',
          {},
          { fields: { variable: 'errors.research.variableRequired' } },
        );
      param = params.variable;
    }
    let payload = await this.engine.cached<DisclosedTable>(wave, tableId, param);
    if (!payload && !(await this.engine.cached(wave, 'summary'))) {
      await this.aggregates.refreshDirty();
      payload = await this.engine.cached<DisclosedTable>(wave, tableId, param);
    }
    if (!payload)
      throw def.params.includes('variable')
        ? new NotFoundError('errors.research.noQuestionInWave', { variable: param, wave })
        : new NotFoundError('errors.research.noData', { tableId, wave });
    return payload;
  }

  async viewTable(caller: Caller, tableId: PredefinedTableId, params: TableParams): Promise<DisclosedTable> {
    const table = await this.table(tableId, params);
    await this.log(caller, 'table', tableId, { ...params, wave: table.waves.at(-1) }, table.rows.length);
    return table;
  }

  async tableAsCsv(
    caller: Caller,
    tableId: PredefinedTableId,
    params: TableParams & { lang?: Locale },
  ): Promise<{ filename: string; body: string }> {
    const table = await this.table(tableId, params);
    await this.log(caller, 'table_csv', tableId, { ...params, wave: table.waves.at(-1) }, table.rows.length);
    return { filename: tableFileName(table), body: tableCsv(table, params.lang ?? 'en') };
  }

  /** The codebook of a table's CSV (DDI, HTML, JSON) or the Stata / R script that reads it with its labels; logged. */
  async tableCodebook(
    caller: Caller,
    tableId: PredefinedTableId,
    params: TableParams & { lang?: Locale; format?: CodebookFormat },
  ): Promise<{ contentType: string; filename: string; body: string | Codebook }> {
    const table = await this.table(tableId, params);
    const format = params.format ?? 'json';
    const csv = tableFileName(table);
    const cb = tableCodebook(table, csv);
    await this.log(caller, 'codebook', tableId, { ...params, format, wave: table.waves.at(-1) }, cb.variables.length);
    const lang = params.lang === 'de' ? 'de' : 'en';
    const stem = csv.replace(/\.csv$/, '');
    switch (format) {
      case 'html':
        return { contentType: 'text/html; charset=utf-8', filename: `${stem}.codebook.html`, body: codebookHtml(cb) };
      case 'ddi':
        return {
          contentType: 'application/xml; charset=utf-8',
          filename: `${stem}.codebook.xml`,
          body: codebookDdi(cb),
        };
      case 'stata':
        return { contentType: 'text/plain; charset=utf-8', filename: `${stem}.do`, body: codebookStata(cb, lang) };
      case 'r':
        return { contentType: 'text/plain; charset=utf-8', filename: `${stem}.R`, body: codebookR(cb, lang) };
      case 'json':
        return { contentType: 'application/json; charset=utf-8', filename: `${stem}.codebook.json`, body: cb };
    }
  }

  private async selectedWaves(list: string | undefined): Promise<string[]> {
    const closed = await this.closedWaves();
    if (!list) return closed;
    const wanted = [...new Set(list.split(','))];
    const unknown = wanted.filter((w) => !closed.includes(w));
    if (unknown.length)
      throw new InvalidInputError(
        'errors.research.unknownWaves',
        { waves: unknown },
        { fields: { waves: { code: 'errors.research.availableWaves', params: { waves: closed.join(', ') || '-' } } } },
      );
    return closed.filter((w) => wanted.includes(w));
  }

  /** The researcher's choice (qi levels, left-out groups) checked against the release: 400 when finer or unknown. */
  private choice(released: QiLevels, choice: MicrodataChoice): { levels: QiLevels; omit: MicrodataGroup[] } {
    let wanted: Partial<QiLevels>;
    try {
      wanted = parseQiChoice(choice.qi ?? '');
    } catch (e) {
      const problem = (e as Error).message;
      throw new InvalidInputError(
        'errors.research.qiUnreadable',
        { problem },
        {
          fields: { qi: { code: 'errors.research.qiUnreadable', params: { problem } } },
        },
      );
    }
    const { levels, refused } = chosenLevels(released, wanted);
    if (refused.length) {
      const why = refused.map((r) => `${r.qi} ${r.wanted} (this release: ${r.released} at the finest)`).join('; ');
      const params = { k: this.config.researchK, why };
      throw new InvalidInputError('errors.research.qiTooFine', params, {
        fields: { qi: { code: 'errors.research.qiTooFine', params } },
      });
    }
    const omit = [...new Set((choice.omit ?? '').split(',').filter(Boolean))] as MicrodataGroup[];
    return { levels, omit };
  }

  private async spec(waves: string[], choice: MicrodataChoice = {}) {
    const combos: (QiCombination & { firms: number })[] = waves.length
      ? await this.dataSource.query(
          `SELECT "wave", "nace_section" AS "naceSection", "province", "province_group" AS "provinceGroup", "headcount_band" AS "headcountBand",
                  "legal_form" AS "legalForm", "activities", count(*)::int AS "firms"
             FROM "research"."record" WHERE "wave" = ANY($1)
            GROUP BY 1, 2, 3, 4, 5, 6, 7`,
          [waves],
        )
      : [];
    const release = await this.released();
    const chosen = this.choice(release.levels, choice);
    const generalisation = {
      ...chooseGeneralisation(combos, this.config.researchK),
      levels: chosen.levels,
      released: release.levels,
    };
    const versionRows: { v: string }[] = waves.length
      ? await this.dataSource.query(
          `SELECT DISTINCT "catalogue_version" AS "v" FROM "research"."record" WHERE "wave" = ANY($1)`,
          [waves],
        )
      : [];
    const catalogues = (await Promise.all(versionRows.map((r) => this.catalogues.get(r.v)))).flatMap((c) =>
      c ? [c.catalogue] : [],
    ) as Catalogue[];
    const modules = RESEARCH_MODULES.filter((m) => catalogues.some((c) => c.version === m.version));
    const kept = waves.filter((w) => !generalisation.droppedWaves.includes(w));
    return {
      spec: {
        catalogues,
        modules,
        levels: generalisation.levels,
        waves: kept,
        k: this.config.researchK,
        topCoded: release.topCoded,
        suppressed: release.suppressed,
        omit: chosen.omit,
      },
      generalisation,
    };
  }

  /**
   * The microdata generalisation of the current release, the same for every requested wave set (attack 3 of issue 15:
   * a generalisation chosen per request let rows be linked across files below k). It is chosen over all closed waves
   * and stored; a later release (a new closed wave, revocations) may only coarsen it, per quasi-identifier, never
   * refine it: each coarser level is a function of the finer one, so joining files of different releases tells no
   * more than the finest file, which was k-anonymous.
   */
  private async released(): Promise<{
    levels: QiLevels;
    topCoded: Record<string, string[]>;
    suppressed: string[];
  }> {
    const closed = await this.closedWaves();
    const k = this.config.researchK;
    // Rare answers (fewer than k firms per wave and question) of the closed waves that go into files (≥ k firms).
    const answerCounts: AnswerCount[] = closed.length
      ? await this.dataSource.query(
          `SELECT r."wave", kv."key" AS "questionId", kv."value" AS "code", count(*)::int AS "firms"
             FROM "research"."record" r CROSS JOIN LATERAL jsonb_each_text(r."answers") kv
            WHERE r."wave" = ANY($1)
              AND (SELECT count(*) FROM "research"."record" w WHERE w."wave" = r."wave") >= $2
            GROUP BY 1, 2, 3`,
          [closed, k],
        )
      : [];
    const combos: QiCombination[] = closed.length
      ? await this.dataSource.query(
          `SELECT "wave", "nace_section" AS "naceSection", "province", "province_group" AS "provinceGroup", "headcount_band" AS "headcountBand",
                  "legal_form" AS "legalForm", "activities", count(*)::int AS "firms"
             FROM "research"."record" WHERE "wave" = ANY($1)
            GROUP BY 1, 2, 3, 4, 5, 6, 7`,
          [closed],
        )
      : [];
    const generalisation = chooseGeneralisation(combos, k);
    const needed = generalisation.levels;
    const fileWaves = closed.filter((w) => !generalisation.droppedWaves.includes(w));
    return this.dataSource.transaction(async (m) => {
      await m.query(`LOCK TABLE "research"."microdata_release" IN SHARE ROW EXCLUSIVE MODE`);
      const [last]: {
        version: number;
        levels: QiLevels;
        waves: string[];
        topCoded: Record<string, string[]>;
        suppressed: string[];
        digest: string | null;
      }[] = await m.query(
        `SELECT "version", "levels", "waves", "top_coded" AS "topCoded", "suppressed", "records_digest" AS "digest"
           FROM "research"."microdata_release" ORDER BY "version" DESC LIMIT 1`,
      );
      const levels = (
        last ? Object.fromEntries(QUASI_IDENTIFIERS.map((q) => [q, Math.max(last.levels[q], needed[q])])) : needed
      ) as QiLevels;
      // Top-coding only grows: a code once top-coded stays top-coded (a later file never shows what an earlier hid).
      const topCoded = rareAnswers(answerCounts, k, last?.topCoded ?? {});
      // The rows the linkage check ran on (closed waves ≥ k firms): closed waves only lose rows (revocations).
      const [{ digest }]: [{ digest: string }] = await m.query(
        `SELECT md5(coalesce(string_agg("wave" || '|' || "pseudonym", ',' ORDER BY "wave", "pseudonym"), '')) AS "digest"
           FROM "research"."record" WHERE "wave" = ANY($1)`,
        [fileWaves],
      );
      const same =
        last &&
        QUASI_IDENTIFIERS.every((q) => last.levels[q] === levels[q]) &&
        JSON.stringify(last.waves) === JSON.stringify(closed) &&
        JSON.stringify(last.topCoded) === JSON.stringify(topCoded) &&
        last.digest === digest;
      if (same) return { levels, topCoded, suppressed: last.suppressed };
      const suppressed = await this.linkageSuppressed(m, fileWaves, levels, topCoded, last?.suppressed ?? []);
      await m.query(
        `INSERT INTO "research"."microdata_release" ("version", "levels", "waves", "top_coded", "suppressed", "records_digest")
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          (last?.version ?? 0) + 1,
          JSON.stringify(levels),
          JSON.stringify(closed),
          JSON.stringify(topCoded),
          JSON.stringify(suppressed),
          digest,
        ],
      );
      return { levels, topCoded, suppressed };
    });
  }

  /**
   * The rows whose quasi-identifiers the release suppresses (linkageSuppression): rows of one wave that agree in every
   * other column can be linked across files, and every set of codings such linked rows show must hold k firms, for
   * every variable choice. Checked on the release's coding when it is cut; earlier suppressions of rows still present
   * are kept (the list only grows, like the top-coding).
   */
  private async linkageSuppressed(
    m: EntityManager,
    waves: readonly string[],
    levels: QiLevels,
    topCoded: Record<string, string[]>,
    previous: readonly string[],
  ): Promise<string[]> {
    const records: ResearchRecord[] = [];
    for (const wave of waves) for await (const batch of recordsOfWave(m, wave, 2000)) records.push(...batch);
    if (!records.length) return [];
    const versions = [...new Set(records.map((r) => r.catalogueVersion))];
    const catalogues = (await Promise.all(versions.map((v) => this.catalogues.get(v)))).flatMap((c) =>
      c ? [c.catalogue] : [],
    ) as Catalogue[];
    const modules = RESEARCH_MODULES.filter((mod) => catalogues.some((c) => c.version === mod.version));
    const result = linkageSuppression(
      records,
      { catalogues, modules, levels, waves, k: this.config.researchK, topCoded },
      previous,
    );
    if (result.smallestClass < this.config.researchK)
      this.logger.warn(`microdata release: smallest linked class ${result.smallestClass} after suppression`);
    return result.suppressed;
  }

  async codebook(
    caller: Caller,
    format: CodebookFormat,
    list?: string,
    choice: MicrodataChoice = {},
    lang: Locale = 'en',
  ): Promise<{ contentType: string; filename: string; body: string | Codebook }> {
    const waves = await this.selectedWaves(list);
    const { spec } = await this.spec(waves, choice);
    const cb = buildCodebook(spec);
    await this.log(
      caller,
      'codebook',
      null,
      { format, waves: spec.waves, generalisation: spec.levels, omit: spec.omit },
      cb.variables.length,
    );
    const scriptLang = lang === 'de' ? 'de' : 'en';
    switch (format) {
      case 'html':
        return { contentType: 'text/html; charset=utf-8', filename: 'codebook.html', body: codebookHtml(cb) };
      case 'ddi':
        return { contentType: 'application/xml; charset=utf-8', filename: 'codebook.xml', body: codebookDdi(cb) };
      case 'stata':
        return {
          contentType: 'text/plain; charset=utf-8',
          filename: 'microdata.do',
          body: codebookStata(cb, scriptLang),
        };
      case 'r':
        return { contentType: 'text/plain; charset=utf-8', filename: 'microdata.R', body: codebookR(cb, scriptLang) };
      case 'json':
        return { contentType: 'application/json; charset=utf-8', filename: 'codebook.json', body: cb };
    }
  }

  /**
   * Streams the microdata CSV: quasi-identifiers generalised to k-anonymity, a per-export firm id (HMAC of the
   * pseudonym with a random salt), records read in batches with backpressure, so memory stays flat.
   */
  async streamMicrodata(caller: Caller, res: Response, list?: string, choice: MicrodataChoice = {}): Promise<void> {
    const waves = await this.selectedWaves(list);
    const { spec, generalisation } = await this.spec(waves, choice);
    const vars = microdataVariables(spec);
    const salt = randomBytes(16);
    const idOf = (pseudonym: string) => createHmac('sha256', salt).update(pseudonym).digest('hex').slice(0, 16);
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="microdata.csv"');
    res.setHeader('x-generalisation', JSON.stringify(generalisation.levels));
    let rows = 0;
    const write = async (chunk: string) => {
      if (!res.write(chunk)) await once(res, 'drain');
    };
    try {
      await write(microdataHeader(vars));
      for (const wave of spec.waves) {
        for await (const batch of recordsOfWave(this.dataSource, wave, 2000)) {
          if (res.destroyed) return;
          let chunk = '';
          for (const r of batch) chunk += microdataRow(vars, r, idOf(r.pseudonym));
          rows += batch.length;
          await write(chunk);
        }
      }
    } finally {
      await this.log(
        caller,
        'microdata',
        null,
        {
          waves: spec.waves,
          generalisation: generalisation.levels,
          released: generalisation.released,
          omit: spec.omit,
          droppedWaves: generalisation.droppedWaves,
        },
        rows,
      );
      res.end();
    }
  }

  async exportLog(limit = 100, before?: number): Promise<ExportLogView[]> {
    const rows: (Omit<ExportLogView, 'userEmail' | 'orgName'> & { id: string })[] = await this.dataSource.query(
      `SELECT l."id", l."at", l."user_id" AS "userId", l."org_id" AS "orgId",
              l."kind", l."table_id" AS "tableId", l."params", l."row_count" AS "rowCount"
         FROM "research"."export_log" l
        WHERE ($2::bigint IS NULL OR l."id" < $2)
        ORDER BY l."id" DESC LIMIT $1`,
      [limit, before ?? null],
    );
    // Who exported and for which organisation: names from accounts, one batched read each.
    const users = await this.directory.users(rows.map((r) => r.userId));
    const orgs = await this.directory.organisationNames(rows.flatMap((r) => (r.orgId ? [r.orgId] : [])));
    return rows.map((r) => ({
      id: String(r.id),
      at: r.at,
      userId: r.userId,
      userEmail: (r.userId && users.get(r.userId)?.email) || null,
      orgId: r.orgId,
      orgName: (r.orgId && orgs.get(r.orgId)) || null,
      kind: r.kind,
      tableId: r.tableId,
      params: r.params,
      rowCount: r.rowCount,
    }));
  }

  /** "Firms like yours": the firm's sector-group and size-band rows of the latest closed wave's means tables. */
  async peerBenchmark(orgId: string): Promise<PeerBenchmark> {
    let profile: PeerProfile = {};
    try {
      profile = (await this.profiles.current(orgId)).data;
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
    }
    return this.peerBenchmarkFor(profile);
  }

  /**
   * Platform-wide comparison: the "all firms" row of the latest closed wave's means table (published cells only,
   * k-controlled like every research table). Shown to chambers that do not have enough members for a release.
   */
  async platformBenchmark(): Promise<PlatformBenchmark | null> {
    const k = this.config.researchK;
    const wave = (await this.closedWaves()).at(-1);
    const summary = wave ? await this.summaryOf(wave) : null;
    if (!wave || !summary || summary.firms < k) return null;
    const catalogues = (
      await Promise.all(Object.keys(summary.catalogueVersions).map((v) => this.catalogues.get(v)))
    ).flatMap((c) => (c ? [c.catalogue] : []));
    const dims = waveVocabulary(catalogues).dimensions;
    const table = meansTable(summary, planWave(summary, k), dims, 'size');
    const total = table.rows.find((r) => r.total);
    if (!total || total.suppressed || total.n.value === null) return null;
    const [overall, ...rest] = total.cells;
    return {
      wave,
      firms: total.n.value,
      overall: { value: overall.value, display: overall.display, status: overall.status },
      dimensions: dims.map((d, i) => ({
        label: d.label,
        mean: {
          value: rest[i]?.value ?? null,
          display: rest[i]?.display ?? '.',
          status: rest[i]?.status ?? 'suppressed',
        },
      })),
    };
  }

  /**
   * The version of the peer figures `peerBenchmarkFor` answers: the latest closed wave and a digest of its summary,
   * computed in the database (cheap, for report cache keys); "none" without a closed wave.
   */
  async peerRelease(): Promise<string> {
    const wave = (await this.closedWaves()).at(-1);
    if (!wave) return 'none';
    const digest = async () =>
      (
        (await this.dataSource.query(
          `SELECT md5("payload"::text) AS "v" FROM "research"."aggregate_cache" WHERE "wave" = $1 AND "table_id" = 'summary' AND "param" = ''`,
          [wave],
        )) as { v: string }[]
      )[0]?.v;
    const v = (await digest()) ?? ((await this.summaryOf(wave)) ? await digest() : undefined);
    return `${wave}:${v ?? 'none'}`;
  }

  /** The peer benchmark of a firm with this profile (e.g. the profile an assessment was submitted with). */
  async peerBenchmarkFor(profile: PeerProfile): Promise<PeerBenchmark> {
    const k = this.config.researchK;
    const firm = {
      sectorGroup: profile.naceSection ? sectorGroupOf(profile.naceSection) : null,
      headcountBand: profile.headcountBand ?? null,
    };
    const wave = (await this.closedWaves()).at(-1);
    const summary = wave ? await this.summaryOf(wave) : null;
    if (!summary) return peerBenchmark(null, [], firm, k);
    const catalogues = (
      await Promise.all(Object.keys(summary.catalogueVersions).map((v) => this.catalogues.get(v)))
    ).flatMap((c) => (c ? [c.catalogue] : []));
    return peerBenchmark({ summary, plan: planWave(summary, k) }, waveVocabulary(catalogues).dimensions, firm, k);
  }

  private async log(
    caller: Caller,
    kind: ExportKind,
    tableId: string | null,
    params: Record<string, unknown>,
    rowCount: number,
  ): Promise<void> {
    const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
    await this.dataSource.query(
      `INSERT INTO "research"."export_log" ("user_id", "org_id", "kind", "table_id", "params", "row_count") VALUES ($1, $2, $3, $4, $5, $6)`,
      [caller.user.id, caller.orgId, kind, tableId, JSON.stringify(clean), rowCount],
    );
  }
}
