// Public face of the research web feature: its lazy routes (mounted at /research) and its texts.
export { researchRoutes, researchScope } from './lib/research.routes';
