import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCatalogueFiles, type Catalogue } from '@scs/shared/catalogue';

/** The catalogue version the API serves by default (the newest in force): the one new self-checks are pinned to. */
export const CURRENT_CATALOGUE_VERSION = '2026.2';

/** A catalogue version read from libs/shared/catalogue/data, as the API loads it. */
export function loadCatalogue(version = CURRENT_CATALOGUE_VERSION): Catalogue {
  const dir = join(process.cwd(), 'libs/shared/catalogue/data', version);
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.yaml') ? [join(d, e.name)] : [],
    );
  return parseCatalogueFiles(walk(dir).map((p) => ({ path: relative(dir, p), content: readFileSync(p, 'utf8') })));
}
