// Public face of the partners web feature: the firm's partner pages (/partners) and the partner's page (/partner-check).
export { partnerCheckRoutes, partnersRoutes, partnersScope } from './lib/partners.routes';
