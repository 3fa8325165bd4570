import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The reviewed catalogue data of the repository: one folder per version (libs/shared/catalogue/data). */
export const CATALOGUE_DATA = join(__dirname, '../../../catalogue/data');

/** The newest catalogue version under `root` (folders named like 2026.2 only; not partner-check/). */
export function latestCatalogueVersion(root = CATALOGUE_DATA): string {
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
export function catalogueFiles(
  version = latestCatalogueVersion(),
  root = CATALOGUE_DATA,
): { path: string; content: string }[] {
  const dir = join(root, version);
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(dir).map((p) => ({ path: relative(dir, p), content: readFileSync(p, 'utf8') }));
}
