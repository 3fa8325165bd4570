import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  parseCatalogueFiles,
  toPublicCatalogue,
  type Catalogue,
  type Locale,
  type PublicCatalogue,
} from '@scs/shared/catalogue';

// The real catalogue data (as the API loads it), for specs that check the web against what the server computes.
const DATA = join(__dirname, '../../../../shared/catalogue/data');

const cached = new Map<string, Catalogue>();

export function realCatalogue(version = '2026.1'): Catalogue {
  let hit = cached.get(version);
  if (!hit) {
    const dir = join(DATA, version);
    const walk = (d: string): string[] =>
      readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
    hit = parseCatalogueFiles(walk(dir).map((p) => ({ path: relative(dir, p), content: readFileSync(p, 'utf8') })));
    cached.set(version, hit);
  }
  return hit;
}

export function realPublicCatalogue(locale: Locale = 'en', version = '2026.1'): PublicCatalogue {
  return toPublicCatalogue(realCatalogue(version), locale);
}
