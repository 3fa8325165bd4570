import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseCatalogueFiles, type Catalogue } from '@scs/shared/catalogue';

/** The real catalogue data of `version`, read from the workspace (for specs; the app loads it through the catalogue feature). */
export function readCatalogue(version = '2026.1'): Catalogue {
  let root = process.cwd();
  while (!existsSync(join(root, 'libs/shared/catalogue/data')) && dirname(root) !== root) root = dirname(root);
  const dir = join(root, 'libs/shared/catalogue/data', version);
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return parseCatalogueFiles(walk(dir).map((p) => ({ path: relative(dir, p), content: readFileSync(p, 'utf8') })));
}
