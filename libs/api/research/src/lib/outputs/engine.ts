import type { DataSource, EntityManager } from 'typeorm';
import { texts } from '@scs/api/core';
import { DONT_KNOW, type Catalogue } from '@scs/shared/catalogue';
import {
  MISSING,
  PREDEFINED_TABLES,
  addPanelFirm,
  addRecord,
  emptyPanelSummary,
  emptyWaveSummary,
  isClosedWave,
  membershipChange,
  planWave,
  researchModuleVariables,
  vocabularyOf,
  waveTableInstances,
  type AnswerVariable,
  type Category,
  type DisclosedTable,
  type PanelSummary,
  type PanelTableDefinition,
  type PredefinedTableId,
  type ResearchRecord,
  type TableDefinition,
  type TableVocabulary,
  type WaveContext,
  type WaveSummary,
} from '@scs/shared/disclosure';
import { researchModuleFor } from '../questionnaire/research-module.2026.1';
import { fromRow } from '../records/record-row';

/** Cache entry holding the firms of a closed wave's published release. */
const RELEASE_MEMBERS = 'release-members';

// The computation behind every research output: streams records out of research.record into sufficient statistics
// (flat memory), plans suppression per wave and renders the predefined tables into research.aggregate_cache. Used by
// the Nest service (refresh after submissions) and by the benchmark (live vs precomputed).

export interface CatalogueSource {
  get(version: string): Promise<Catalogue | undefined>;
}

export const BATCH = 5000;
const RECORD_COLUMNS = `"pseudonym", "wave", "catalogue_version" AS "catalogueVersion", "nace_section" AS "naceSection", "province_group" AS "provinceGroup",
  "province", "headcount_band" AS "headcountBand", "legal_form" AS "legalForm", "activities", "dimension_scores" AS "dimensionScores",
  "overall_score" AS "overallScore", "level", "answers", "research_module" AS "researchModule", "scoring_model" AS "scoringModel"`;

type Row = Parameters<typeof fromRow>[0];

/** Streams the records of one wave in pseudonym order, a batch at a time. */
export async function* recordsOfWave(
  m: EntityManager | DataSource,
  wave: string,
  batch = BATCH,
): AsyncGenerator<ResearchRecord[]> {
  let after = '';
  for (;;) {
    const rows: Row[] = await m.query(
      `SELECT ${RECORD_COLUMNS} FROM "research"."record" WHERE "wave" = $1 AND "pseudonym" > $2 ORDER BY "pseudonym" LIMIT $3`,
      [wave, after, batch],
    );
    if (!rows.length) return;
    yield rows.map(fromRow);
    after = (rows.at(-1) as Row).pseudonym;
    if (rows.length < batch) return;
  }
}

export async function summariseWaveFromDb(m: EntityManager | DataSource, wave: string): Promise<WaveSummary> {
  const s = emptyWaveSummary(wave);
  for await (const batch of recordsOfWave(m, wave)) for (const r of batch) addRecord(s, r);
  return s;
}

const SLIM = (a: string) =>
  `${a}."nace_section" AS "${a}_nace", ${a}."headcount_band" AS "${a}_size", ${a}."legal_form" AS "${a}_form", ${a}."dimension_scores" AS "${a}_dims", ${a}."overall_score" AS "${a}_overall", ${a}."level" AS "${a}_level", ${a}."scoring_model" AS "${a}_model"`;

function slim(row: Record<string, unknown>, a: string, wave: string): ResearchRecord | undefined {
  if (row[`${a}_nace`] === null || row[`${a}_nace`] === undefined) return undefined;
  return {
    pseudonym: row['pseudonym'] as string,
    wave,
    catalogueVersion: '',
    naceSection: row[`${a}_nace`] as string,
    provinceGroup: 'multi',
    province: 'multi',
    headcountBand: row[`${a}_size`] as ResearchRecord['headcountBand'],
    legalForm: row[`${a}_form`] as ResearchRecord['legalForm'],
    activities: [],
    dimensionScores: row[`${a}_dims`] as Record<string, number | null>,
    overallScore: row[`${a}_overall`] as number | null,
    level: row[`${a}_level`] as ResearchRecord['level'],
    answers: {},
    ...(row[`${a}_model`] === 1 || row[`${a}_model`] === 2 ? { scoringModel: row[`${a}_model`] as 1 | 2 } : {}),
  };
}

/** The panel of two waves (firms in both), with the overlaps with the panels of the waves before and after. */
export async function summarisePanelFromDb(
  m: EntityManager | DataSource,
  from: string,
  to: string,
  before?: string,
  after?: string,
): Promise<PanelSummary> {
  const p = emptyPanelSummary(from, to);
  let cursor = '';
  for (;;) {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT a."pseudonym", ${SLIM('a')}, ${SLIM('b')}, ${SLIM('p')}, ${SLIM('n')}
         FROM "research"."record" a
         JOIN "research"."record" b ON b."pseudonym" = a."pseudonym" AND b."wave" = $2
         LEFT JOIN "research"."record" p ON p."pseudonym" = a."pseudonym" AND p."wave" = $3
         LEFT JOIN "research"."record" n ON n."pseudonym" = a."pseudonym" AND n."wave" = $4
        WHERE a."wave" = $1 AND a."pseudonym" > $5 ORDER BY a."pseudonym" LIMIT $6`,
      [from, to, before ?? '', after ?? '', cursor, BATCH],
    );
    for (const row of rows) {
      addPanelFirm(
        p,
        slim(row, 'a', from) as ResearchRecord,
        slim(row, 'b', to) as ResearchRecord,
        slim(row, 'p', before ?? ''),
        slim(row, 'n', after ?? ''),
      );
    }
    if (rows.length < BATCH) return p;
    cursor = (rows.at(-1) as { pseudonym: string }).pseudonym;
  }
}

/** Labels and categories the tables of a wave need, from the catalogue versions its records answered. */
export type WaveVocabulary = TableVocabulary;

export function waveVocabulary(catalogues: readonly Catalogue[]): WaveVocabulary {
  const { catalogues: sorted, levels, dimensions } = vocabularyOf(catalogues);
  const missing: Category[] = [
    { code: MISSING.notApplicable, label: texts('codebook.missing.notApplicable') },
    { code: MISSING.notAnswered, label: texts('codebook.missing.notAnswered') },
  ];
  const variables: AnswerVariable[] = [];
  for (const c of sorted) {
    for (const q of c.questions) {
      variables.push({
        variable: q.id,
        catalogueVersion: c.version,
        label: { en: `${q.id}: ${q.text.en}`, de: `${q.id}: ${q.text.de}` },
        categories: [
          ...q.options.map((o) => ({ code: o.id, label: o.label })),
          ...(q.dontKnow ? [{ code: DONT_KNOW, label: texts('codebook.dontKnow') }] : []),
          ...missing,
        ],
      });
    }
    const module = researchModuleFor(c.version);
    for (const v of module ? researchModuleVariables(module) : []) {
      const q = v.question;
      variables.push({
        variable: v.name,
        catalogueVersion: c.version,
        label: v.option
          ? { en: `${q.text.en} – ${v.option.label.en}`, de: `${q.text.de} – ${v.option.label.de}` }
          : q.text,
        categories: [
          ...(v.option
            ? [
                { code: '1', label: texts('codebook.selected') },
                { code: '0', label: texts('codebook.notSelected') },
              ]
            : q.options.map((o) => ({ code: o.id, label: o.label }))),
          { code: MISSING.notApplicable, label: texts('codebook.missing.notAsked') },
          {
            code: MISSING.notAnswered,
            label: texts('codebook.missing.moduleSkipped'),
          },
        ],
      });
    }
  }
  return { levels, dimensions: dimensions.map(({ id, label }) => ({ id, label })), variables };
}

export interface CacheEntry {
  wave: string;
  tableId: string;
  param: string;
  payload: unknown;
}

/** All single-wave tables of a wave: every instance of every wave table of the registry. */
export function waveTables(
  ctx: WaveContext,
  vocabulary: WaveVocabulary,
  registry: readonly TableDefinition[] = PREDEFINED_TABLES,
): CacheEntry[] {
  return waveTableInstances(ctx, vocabulary, registry).map(({ tableId, param, table }) => ({
    wave: ctx.summary.wave,
    tableId,
    param,
    payload: table,
  }));
}

const PANEL_TABLES = PREDEFINED_TABLES.filter((d): d is PanelTableDefinition<PredefinedTableId> => d.scope === 'panel');

export interface EngineOptions {
  k: number;
  catalogues: CatalogueSource;
}

/** Computes (and caches) all predefined outputs; `dirty` waves are re-read from the records, others come from the cache. */
export class AggregateEngine {
  constructor(
    private readonly ds: DataSource,
    private readonly opts: EngineOptions,
  ) {}

  async waves(): Promise<string[]> {
    const rows: { wave: string }[] = await this.ds.query(
      `SELECT DISTINCT "wave" FROM "research"."record" ORDER BY "wave"`,
    );
    return rows.map((r) => r.wave);
  }

  async vocabulary(s: WaveSummary): Promise<WaveVocabulary> {
    const catalogues = (
      await Promise.all(Object.keys(s.catalogueVersions).map((v) => this.opts.catalogues.get(v)))
    ).filter((c): c is Catalogue => !!c);
    return waveVocabulary(catalogues);
  }

  async cached<T>(wave: string, tableId: string, param = ''): Promise<T | null> {
    const rows: { payload: T }[] = await this.ds.query(
      `SELECT "payload" FROM "research"."aggregate_cache" WHERE "wave" = $1 AND "table_id" = $2 AND "param" = $3`,
      [wave, tableId, param],
    );
    return rows[0]?.payload ?? null;
  }

  /** Recomputes what `dirty` affects (all when 'all') and replaces those cache rows. Returns the number of rows written. */
  /** The firms (pseudonym hashes) of a wave: what the minimum-change rule of wave releases compares. */
  private async membersOf(wave: string): Promise<string[]> {
    const rows: { p: string }[] = await this.ds.query(
      `SELECT encode(sha256(convert_to("pseudonym", 'UTF8')), 'hex') AS "p" FROM "research"."record" WHERE "wave" = $1 ORDER BY 1`,
      [wave],
    );
    return rows.map((r) => r.p);
  }

  async refresh(dirty: ReadonlySet<string> | 'all'): Promise<number> {
    const waves = await this.waves();
    const isDirty = (w: string | undefined) => w !== undefined && (dirty === 'all' || dirty.has(w));
    const entries: CacheEntry[] = [];
    const contexts = new Map<string, WaveContext>();
    const recomputed = new Set<string>();
    const frozen = new Set<string>();
    for (const wave of waves) {
      let summary = isDirty(wave) ? null : await this.cached<WaveSummary>(wave, 'summary');
      // Release of a closed wave (issue 15, attack 4): once published it stays as it is until at least k firms left
      // or entered it, so tables before and after one revocation cannot be differenced down to that firm.
      let members: string[] | null = null;
      if (!summary && isClosedWave(wave)) {
        const released = await this.cached<string[]>(wave, RELEASE_MEMBERS);
        const cachedSummary = released ? await this.cached<WaveSummary>(wave, 'summary') : null;
        members = await this.membersOf(wave);
        if (released && cachedSummary && membershipChange(released, members) < this.opts.k) {
          summary = cachedSummary;
          frozen.add(wave);
        }
      }
      if (!summary) {
        summary = await summariseWaveFromDb(this.ds, wave);
        recomputed.add(wave);
        entries.push({ wave, tableId: 'summary', param: '', payload: summary });
        if (isClosedWave(wave))
          entries.push({ wave, tableId: RELEASE_MEMBERS, param: '', payload: members ?? (await this.membersOf(wave)) });
        entries.push(...waveTables({ summary, plan: planWave(summary, this.opts.k) }, await this.vocabulary(summary)));
      }
      contexts.set(wave, { summary, plan: planWave(summary, this.opts.k) });
    }
    const panels: PanelSummary[] = [];
    for (let i = 0; i + 1 < waves.length; i++) {
      const [from, to] = [waves[i] as string, waves[i + 1] as string];
      // A panel of two frozen (released) waves stays as released, too.
      const touched =
        !(frozen.has(from) && frozen.has(to)) &&
        [waves[i - 1], from, to, waves[i + 2]].some((w) => w !== undefined && recomputed.has(w));
      let panel = touched ? null : await this.cached<PanelSummary>(to, 'panel-summary', from);
      if (!panel) {
        panel = await summarisePanelFromDb(this.ds, from, to, waves[i - 1], waves[i + 2]);
        entries.push({ wave: to, tableId: 'panel-summary', param: from, payload: panel });
      }
      panels.push(panel);
    }
    for (const [i, panel] of panels.entries()) {
      const from = contexts.get(panel.from) as WaveContext;
      const to = contexts.get(panel.to) as WaveContext;
      const present = new Set(
        [...Object.keys(from.summary.scores), ...Object.keys(to.summary.scores)].filter((d) => d !== 'overall'),
      );
      const vocab = (await this.vocabulary(to.summary)).dimensions.filter((d) => present.has(d.id));
      const dims = [
        ...vocab,
        ...[...present].filter((d) => !vocab.some((v) => v.id === d)).map((d) => ({ id: d, label: { en: d, de: d } })),
      ];
      for (const def of PANEL_TABLES)
        entries.push({
          wave: panel.to,
          tableId: def.id,
          param: panel.from,
          payload: def.build({
            panel,
            from,
            to,
            dimensions: dims,
            neighbours: { prev: panels[i - 1], next: panels[i + 1] },
          }),
        });
    }
    await this.ds.transaction(async (m) => {
      await m.query(`DELETE FROM "research"."aggregate_cache" WHERE NOT ("wave" = ANY($1))`, [waves]);
      const panelIds = PANEL_TABLES.map((d) => d.id);
      for (const wave of recomputed)
        await m.query(
          `DELETE FROM "research"."aggregate_cache" WHERE "wave" = $1 AND "table_id" <> 'panel-summary' AND NOT ("table_id" = ANY($2))`,
          [wave, panelIds],
        );
      await m.query(`DELETE FROM "research"."aggregate_cache" WHERE "table_id" = ANY($1)`, [panelIds]);
      for (const e of entries) {
        await m.query(
          `INSERT INTO "research"."aggregate_cache" ("wave", "table_id", "param", "payload", "generation")
           VALUES ($1, $2, $3, $4, COALESCE((SELECT "generation" FROM "research"."aggregate_state" WHERE "wave" = $1), 0))
           ON CONFLICT ("wave", "table_id", "param") DO UPDATE SET "payload" = EXCLUDED."payload", "generation" = EXCLUDED."generation"`,
          [e.wave, e.tableId, e.param, JSON.stringify(e.payload)],
        );
      }
    });
    return entries.length;
  }

  /** A table computed live from the records (no cache): what the precomputed store saves. */
  async live(tableId: string, wave: string, param = ''): Promise<DisclosedTable | null> {
    const panelDef = PANEL_TABLES.find((d) => d.id === tableId);
    if (panelDef) {
      const waves = await this.waves();
      const i = waves.indexOf(param);
      if (i < 0 || waves[i + 1] !== wave) return null;
      const ctx = async (w: string) => {
        const summary = await summariseWaveFromDb(this.ds, w);
        return { summary, plan: planWave(summary, this.opts.k) };
      };
      const [from, to] = [await ctx(param), await ctx(wave)];
      const panel = await summarisePanelFromDb(this.ds, param, wave, waves[i - 1], waves[i + 2]);
      const prev = waves[i - 1]
        ? await summarisePanelFromDb(this.ds, waves[i - 1] as string, param, waves[i - 2], wave)
        : undefined;
      const next = waves[i + 2]
        ? await summarisePanelFromDb(this.ds, wave, waves[i + 2] as string, param, waves[i + 3])
        : undefined;
      const dimensions = (await this.vocabulary(to.summary)).dimensions;
      return panelDef.build({ panel, from, to, dimensions, neighbours: { prev, next } });
    }
    const summary = await summariseWaveFromDb(this.ds, wave);
    const entry = waveTables({ summary, plan: planWave(summary, this.opts.k) }, await this.vocabulary(summary)).find(
      (e) => e.tableId === tableId && e.param === param,
    );
    return (entry?.payload as DisclosedTable | undefined) ?? null;
  }
}

export const TABLE_IDS: PredefinedTableId[] = PREDEFINED_TABLES.map((p) => p.id);
