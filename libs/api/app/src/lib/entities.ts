import { accountsEntities } from '@scs/api/accounts';
import { CatalogueVersion } from '@scs/api/catalogue';
import { assessmentsEntities } from '@scs/api/assessments';
import { reportsEntities } from '@scs/api/reports';
import { chambersEntities } from '@scs/api/chambers';
import { researchEntities } from '@scs/api/research';
import { portfolioEntities } from '@scs/api/portfolio';
import { partnersEntities } from '@scs/api/partners';
import { AppSecret } from '@scs/api/core';

/** Every TypeORM entity of the application (features export theirs; this list feeds Nest and the migration CLI). */
export const entities = [
  AppSecret,
  ...accountsEntities,
  CatalogueVersion,
  ...assessmentsEntities,
  ...reportsEntities,
  ...researchEntities,
  ...chambersEntities,
  ...portfolioEntities,
  ...partnersEntities,
];
