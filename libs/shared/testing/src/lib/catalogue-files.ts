import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const DATA = 'libs/shared/catalogue/data';

/**
 * The reviewed catalogue data of the repository, one folder per version: libs/shared/catalogue/data, found from the
 * working directory upwards (the API libs' specs run as native ES modules, without `__dirname`).
 */
export function catalogueDataDir(from = process.cwd()): string {
  let dir = from;
  while (!existsSync(join(dir, DATA)) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, DATA);
}

/** The newest catalogue version under `root` (folders named like 2026.2 only; not partner-check/). */
export function latestCatalogueVersion(root = catalogueDataDir()): string {
  const version = readdirSync(root)
    .filter((d) => /^\d{4}\.\d+$/.test(d) && statSync(join(root, d)).isDirectory())
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .at(-1);
  if (!version) throw new Error(`no catalogue version under ${root}`);
  return version;
}

/**
 * Every file of one catalogue version as `parseCatalogueFiles` of @scs/shared/catalogue takes them (path relative to
 * the version folder, content); the newest version unless one is named.
 */
export function catalogueFiles(version?: string, root = catalogueDataDir()): { path: string; content: string }[] {
  const dir = join(root, version ?? latestCatalogueVersion(root));
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(dir).map((p) => ({ path: relative(dir, p), content: readFileSync(p, 'utf8') }));
}
