// Public face of the accounts web feature: its lazy routes, its texts, and the data access other features may use.
export { accountsRoutes, accountsScope } from './lib/accounts.routes';
export { AccountsApi } from './lib/data/accounts.api';
export { applyServerErrors, serverError } from './lib/data/form-errors';
export type * from './lib/data/accounts.types';
