import { parseCatalogueFiles, type Catalogue } from '@scs/shared/catalogue';
import { catalogueFiles } from '@scs/shared/testing';

/** The catalogue version the API serves by default (the newest in force): the one new self-checks are pinned to. */
export const CURRENT_CATALOGUE_VERSION = '2026.2';

/** A catalogue version read from libs/shared/catalogue/data, as the API loads it. */
export function loadCatalogue(version = CURRENT_CATALOGUE_VERSION): Catalogue {
  return parseCatalogueFiles(catalogueFiles(version));
}
