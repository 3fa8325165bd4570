import { Foundation1764150000000 } from './1764150000000-Foundation';
import { Accounts1764200000000 } from './1764200000000-Accounts';
import { CatalogueVersions1764300000000 } from './1764300000000-CatalogueVersions';
import { Assessments1764400000000 } from './1764400000000-Assessments';

/** The linear migration history, oldest first. New migrations are appended here (the webpack bundle needs explicit imports). */
export const migrations = [Foundation1764150000000, Accounts1764200000000, CatalogueVersions1764300000000, Assessments1764400000000];
