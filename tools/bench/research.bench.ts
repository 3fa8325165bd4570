// Research outputs at scale: loads synthetic firms × waves into a fresh PostgreSQL database, precomputes the
// aggregates, then times each predefined table served from the precomputed store against computing it live from the
// records, and streams the microdata export (rows/s, peak RSS).
//
//   npm run research:bench -- [--firms 100000] [--waves 3] [--keep]      (also part of `npm run bench`)
//   (server: BENCH_DATABASE_URL, default TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres;
//    BENCH_RESEARCH_FIRMS overrides the default of 100,000 firms, e.g. for a quick run)
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { postgresOptions } from '@scs/api/core';
import { chooseGeneralisation, microdataRow, microdataVariables, type QiCombination } from '@scs/shared/disclosure';
import { entities, migrations } from '../../libs/api/app/src';
import { AggregateEngine, recordsOfWave } from '../../libs/api/research/src/lib/outputs/engine';
import { RESEARCH_MODULES } from '../../libs/api/research/src/lib/questionnaire/research-module.2026.1';
import { insertRecords, loadLatestCatalogue, synthetic } from '../db/research-synth';

const { values: args } = parseArgs({
  options: {
    firms: { type: 'string', default: process.env['BENCH_RESEARCH_FIRMS'] ?? '100000' },
    waves: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
  },
});
const firms = Number(args.firms);
const waveCount = Number(args.waves);
const K = 10;

const server =
  process.env['BENCH_DATABASE_URL'] ??
  process.env['TEST_DATABASE_URL'] ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const withDb = (name: string) => {
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: server });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** One line for tools/bench/run-all.mjs (the project-wide table). */
function result(r: {
  figure: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  baseline: number | null;
  ratio: number | null;
}): void {
  const round = (x: number | null) => (x === null ? null : +x.toFixed(2));
  console.log(
    `BENCH_RESULT ${JSON.stringify({ ...r, median: round(r.median), min: round(r.min), max: round(r.max), baseline: round(r.baseline), ratio: round(r.ratio) })}`,
  );
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

async function main(): Promise<void> {
  const name = `scs_bench_${Date.now()}`;
  await admin(`CREATE DATABASE "${name}"`);
  const url = withDb(name);
  const ds = new DataSource(postgresOptions(url, entities, migrations));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const catalogue = loadLatestCatalogue();
    console.log(
      `research bench: ${firms} synthetic firms × ${waveCount} waves, k = ${K}, catalogue ${catalogue.version}`,
    );

    const client = new Client({ connectionString: url });
    await client.connect();
    const [loadMs, loaded] = await time(() => insertRecords(client, synthetic({ firms, waves: waveCount, seed: 1 })));
    await client.end();
    await ds.query('ANALYZE "research"."record"');
    console.log(`loaded ${loaded.count} records (waves ${loaded.waves.join(', ')}) in ${(loadMs / 1000).toFixed(1)} s`);

    const engine = new AggregateEngine(ds, {
      k: K,
      catalogues: { get: async (v) => (v === catalogue.version ? catalogue : undefined) },
    });
    const [precomputeMs, outputs] = await time(() => engine.refresh('all'));
    console.log(
      `precomputed ${outputs} outputs for all waves in ${(precomputeMs / 1000).toFixed(1)} s (runs after submissions, off the request path)\n`,
    );

    const waves = loaded.waves;
    const last = waves.at(-1) as string;
    const cases: [string, string, string][] = [
      ['level-by-sector', last, ''],
      ['means-by-size', last, ''],
      ['means-by-sector', last, ''],
      ['answers-by-legal-form', last, `${catalogue.version}:T1`],
      ['wave-change', last, waves.at(-2) as string],
    ];
    console.log('table                       precomputed (median of 50)   live (from records)   ratio');
    for (const [id, wave, param] of cases) {
      const cached: number[] = [];
      for (let i = 0; i < 50; i++) {
        const [d, payload] = await time(() => engine.cached(wave, id, param));
        if (!payload) throw new Error(`no cached ${id}`);
        JSON.stringify(payload); // the API serialises it too
        cached.push(d);
      }
      const [live] = await time(() => engine.live(id, wave, param));
      const c = median(cached);
      const sorted = [...cached].sort((a, b) => a - b);
      result({
        figure: `${id} served precomputed (${firms} firms × ${waveCount} waves; baseline = live from records)`,
        unit: 'ms',
        median: c,
        min: sorted[0] as number,
        max: sorted.at(-1) as number,
        baseline: live,
        ratio: live / c,
      });
      console.log(
        `${id.padEnd(28)}${ms(c).padStart(12)}${' '.repeat(17)}${ms(live).padStart(12)}${`${Math.round(live / c)}×`.padStart(14)}   ${c < 20 ? 'OK (< 20 ms)' : 'SLOW'}`,
      );
    }

    // Microdata export: generalisation from grouped counts, then rows streamed in batches into a sink.
    const combos: QiCombination[] = await ds.query(
      `SELECT "wave", "nace_section" AS "naceSection", "province", "province_group" AS "provinceGroup", "headcount_band" AS "headcountBand",
              "legal_form" AS "legalForm", "activities", count(*)::int AS "firms" FROM "research"."record" GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    );
    const g = chooseGeneralisation(combos, K);
    const vars = microdataVariables({
      catalogues: [catalogue],
      modules: RESEARCH_MODULES,
      levels: g.levels,
      waves,
      k: K,
    });
    let peak = process.memoryUsage().rss;
    const rssStart = peak;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    let rows = 0;
    let bytes = 0;
    const [exportMs] = await time(async () => {
      for (const wave of waves) {
        for await (const batch of recordsOfWave(ds, wave, 2000)) {
          let chunk = '';
          for (const r of batch) chunk += microdataRow(vars, r, r.pseudonym.slice(0, 16));
          bytes += Buffer.byteLength(chunk);
          rows += batch.length;
        }
      }
    });
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const rate = rows / (exportMs / 1000);
    result({
      figure: `microdata export rows/s (${rows} rows)`,
      unit: 'rows/s',
      median: rate,
      min: rate,
      max: rate,
      baseline: null,
      ratio: null,
    });
    result({
      figure: 'microdata export peak RSS (baseline = RSS before)',
      unit: 'MB',
      median: peak / 2 ** 20,
      min: peak / 2 ** 20,
      max: peak / 2 ** 20,
      baseline: rssStart / 2 ** 20,
      ratio: peak / rssStart,
    });
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
    console.log(
      `\nmicrodata export: ${rows} rows × ${vars.length} columns (${mb(bytes)} CSV) in ${(exportMs / 1000).toFixed(1)} s = ${Math.round(rows / (exportMs / 1000))} rows/s`,
    );
    console.log(`  generalisation ${JSON.stringify(g.levels)}, ${g.classes} classes, smallest ${g.smallestClass}`);
    console.log(
      `  RSS before ${mb(rssStart)}, peak during export ${mb(peak)} (batches of 2,000 rows: memory does not grow with the file)`,
    );
  } finally {
    await ds.destroy();
    if (!args.keep) await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    else console.log(`kept database ${withDb(name)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
