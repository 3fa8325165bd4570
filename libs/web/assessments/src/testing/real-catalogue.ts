import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCatalogueFiles, toPublicCatalogue, type Catalogue, type Locale, type PublicCatalogue } from '@scs/shared/catalogue';

// The real catalogue data (as the API loads it), for specs that check the web against what the server computes.
const DIR = join(__dirname, '../../../../shared/catalogue/data/2026.1');

let cached: Catalogue | null = null;

export function realCatalogue(): Catalogue {
  if (!cached) {
    const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
    cached = parseCatalogueFiles(walk(DIR).map((p) => ({ path: relative(DIR, p), content: readFileSync(p, 'utf8') })));
  }
  return cached;
}

export function realPublicCatalogue(locale: Locale = 'en'): PublicCatalogue {
  return toPublicCatalogue(realCatalogue(), locale);
}
