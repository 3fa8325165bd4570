export { accountsEntities } from './lib/entities';
