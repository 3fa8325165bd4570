// Public face of the chambers web feature: its lazy routes (mounted at /chamber) and its texts.
export { chambersRoutes, chambersScope } from './lib/chambers.routes';
