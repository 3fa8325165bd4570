// Public face of the group portfolio web feature: its lazy routes (mounted at /portfolio) and its texts.
export { portfolioRoutes, portfolioScope } from './lib/portfolio.routes';
