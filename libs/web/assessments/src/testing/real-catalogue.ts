import {
  parseCatalogueFiles,
  toPublicCatalogue,
  type Catalogue,
  type Locale,
  type PublicCatalogue,
} from '@scs/shared/catalogue';
import { catalogueFiles } from '@scs/shared/testing';

// The real catalogue data (as the API loads it), for specs that check the web against what the server computes.

const cached = new Map<string, Catalogue>();

export function realCatalogue(version = '2026.1'): Catalogue {
  let hit = cached.get(version);
  if (!hit) {
    hit = parseCatalogueFiles(catalogueFiles(version));
    cached.set(version, hit);
  }
  return hit;
}

export function realPublicCatalogue(locale: Locale = 'en', version = '2026.1'): PublicCatalogue {
  return toPublicCatalogue(realCatalogue(version), locale);
}
