export { catalogueRoutes, catalogueScope } from './lib/catalogue.routes';
export {
  CatalogueClient,
  catalogueResource,
  indexCatalogue,
  pick,
  resourceValue,
  type CatalogueIndex,
  type PublicDimension,
  type PublicOption,
  type PublicPortal,
  type PublicQuestion,
  type PublicReference,
} from './lib/catalogue.client';
export { describeAnyRule, describeRule } from './lib/applicability-text';
export { ReferenceItemComponent } from './lib/reference-item.component';
export { PortalItemComponent } from './lib/portal-item.component';
