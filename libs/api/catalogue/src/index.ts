export { CatalogueModule } from './lib/catalogue.module';
export { CatalogueVersion } from './lib/catalogue.entity';
export { ASSESSMENT_COUNTS, type AssessmentCounts } from './lib/admin/catalogue-versions.admin';
export {
  CatalogueImmutableError,
  CatalogueService,
  type Cacheable,
  type StoredCatalogue,
} from './lib/catalogue.service';
export { checksumOf, loadCatalogueDir, readVersionFolder, type LoadedCatalogue } from './lib/catalogue.loader';
