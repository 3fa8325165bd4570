import { parseCatalogueFiles, type Catalogue } from '@scs/shared/catalogue';
import { catalogueFiles } from '@scs/shared/testing';

/** The real catalogue data of `version`, read from the workspace (for specs; the app loads it through the catalogue feature). */
export function readCatalogue(version = '2026.1'): Catalogue {
  return parseCatalogueFiles(catalogueFiles(version));
}
