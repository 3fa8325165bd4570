// Synthetic research records with the same schema as real ones (see docs/privacy.md, "Synthetic data").
//
//   npm run research:synth -- --firms 100000 --waves 3 [--seed 1] [--first-wave 2025-H1] [--out records.csv] [--replace]
//
// Without --out the records go into research.record of the database in DATABASE_URL (migrated), their waves are
// marked dirty so a running API refreshes its aggregates. Realistic skew: sectors C and G dominate, most firms sit in
// SH/JS/GD/BJ, size bands are skewed small, firms drop out between waves. Answers are drawn per applicable question
// of the real catalogue and scored with the real scoring function.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { parseCatalogueFiles, type Catalogue } from '@scs/shared/catalogue';
import {
  SYNTHETIC_CALIBRATION,
  catalogueScorer,
  csvLine,
  previousWave,
  syntheticRecords,
  waveOf,
  type ResearchRecord,
} from '@scs/shared/disclosure';
import { catalogueFiles, latestCatalogueVersion } from '@scs/shared/testing';
import { researchModuleFor } from '../../libs/api/research/src/lib/questionnaire/research-module.2026.1';

/** The newest catalogue version in the repository (the files read as the specs read them: @scs/shared/testing). */
export function loadLatestCatalogue(root = resolve('libs/shared/catalogue/data')): Catalogue {
  return parseCatalogueFiles(catalogueFiles(latestCatalogueVersion(root), root));
}

/** The first of `waves` consecutive closed waves ending with the last closed one (outputs show closed waves only). */
export function defaultFirstWave(waves: number, now = new Date()): string {
  let w = previousWave(waveOf(now));
  for (let i = 1; i < waves; i++) w = previousWave(w);
  return w;
}

export function synthetic(opts: {
  firms: number;
  waves: number;
  seed: number;
  firstWave?: string;
}): Generator<ResearchRecord> {
  const catalogue = loadLatestCatalogue();
  return syntheticRecords({
    firms: opts.firms,
    waves: opts.waves,
    seed: opts.seed,
    firstWave: opts.firstWave ?? defaultFirstWave(opts.waves),
    catalogueVersion: catalogue.version,
    scorer: catalogueScorer(catalogue, SYNTHETIC_CALIBRATION),
    module: researchModuleFor(catalogue.version),
  });
}

const COLUMNS = [
  'pseudonym',
  'wave',
  'catalogue_version',
  'nace_section',
  'province_group',
  'province',
  'headcount_band',
  'legal_form',
  'activities',
  'dimension_scores',
  'overall_score',
  'level',
  'answers',
  'research_module',
  'key_id',
];

function values(r: ResearchRecord): unknown[] {
  return [
    r.pseudonym,
    r.wave,
    r.catalogueVersion,
    r.naceSection,
    r.provinceGroup,
    r.province,
    r.headcountBand,
    r.legalForm,
    JSON.stringify(r.activities),
    JSON.stringify(r.dimensionScores),
    r.overallScore,
    r.level,
    JSON.stringify(r.answers),
    r.researchModule ? JSON.stringify(r.researchModule) : null,
    'synthetic',
  ];
}

/** Inserts records in multi-row batches; returns the waves written. */
export async function insertRecords(
  client: Client,
  records: Iterable<ResearchRecord>,
  onProgress?: (n: number) => void,
): Promise<{ count: number; waves: string[] }> {
  const batch: unknown[][] = [];
  const waves = new Set<string>();
  let count = 0;
  const flush = async () => {
    if (!batch.length) return;
    const placeholders = batch
      .map((_, i) => `(${COLUMNS.map((__, j) => `$${i * COLUMNS.length + j + 1}`).join(', ')})`)
      .join(', ');
    await client.query(
      `INSERT INTO "research"."record" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${placeholders}
       ON CONFLICT ("wave", "pseudonym") DO NOTHING`,
      batch.flat(),
    );
    count += batch.length;
    batch.length = 0;
    onProgress?.(count);
  };
  for (const r of records) {
    waves.add(r.wave);
    batch.push(values(r));
    if (batch.length === 500) await flush();
  }
  await flush();
  for (const wave of waves) {
    await client.query(
      `INSERT INTO "research"."aggregate_state" ("wave") VALUES ($1) ON CONFLICT ("wave") DO UPDATE SET "dirty" = true`,
      [wave],
    );
  }
  return { count, waves: [...waves].sort() };
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      firms: { type: 'string', default: '1000' },
      waves: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      'first-wave': { type: 'string' },
      out: { type: 'string' },
      replace: { type: 'boolean', default: false },
    },
  });
  const firms = Number(args.firms);
  const waves = Number(args.waves);
  const seed = Number(args.seed);
  if (!Number.isInteger(firms) || firms < 1 || !Number.isInteger(waves) || waves < 1 || !Number.isInteger(seed)) {
    throw new Error('--firms, --waves and --seed must be positive integers');
  }
  const records = synthetic({ firms, waves, seed, firstWave: args['first-wave'] });
  const started = Date.now();
  if (args.out) {
    const out = createWriteStream(args.out);
    out.write(csvLine(COLUMNS));
    let n = 0;
    for (const r of records) {
      if (!out.write(csvLine(values(r).map((v) => (v === null ? '' : String(v)))))) await once(out, 'drain');
      n++;
    }
    out.end();
    await once(out, 'finish');
    console.log(`Wrote ${n} synthetic records to ${args.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is required (or pass --out file.csv)');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    if (args.replace) await client.query(`DELETE FROM "research"."record" WHERE "key_id" = 'synthetic'`);
    const result = await insertRecords(client, records, (n) => n % 50_000 === 0 && console.log(`  ${n} records`));
    console.log(
      `Inserted ${result.count} synthetic records (waves ${result.waves.join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await client.end();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
