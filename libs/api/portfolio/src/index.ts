// Public face of the group portfolio feature.
export { PortfolioModule } from './lib/portfolio.module';
export { GroupLink } from './lib/group-link.entity';
export { GroupLinksService } from './lib/group-links.service';
export { PortfolioService } from './lib/portfolio.service';
export { GROUP_PORTFOLIO, GroupPortfolioReport } from './lib/report/group-portfolio.report';
export {
  GROUP_PORTFOLIO_TEMPLATE_VERSION,
  heatMapSvg,
  renderGroupPortfolioHtml,
  type GroupPortfolioData,
} from './lib/report/group-portfolio.template';

import { GroupLink } from './lib/group-link.entity';
export const portfolioEntities = [GroupLink];
