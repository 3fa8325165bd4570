import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@scs/api/accounts';
import { AssessmentsModule } from '@scs/api/assessments';
import { ReportsModule, reportKinds } from '@scs/api/reports';
import { GroupLink } from './group-link.entity';
import { GroupLinksService } from './group-links.service';
import { PortfolioController } from './portfolio.controller';
import { PortfolioService } from './portfolio.service';
import { GroupPortfolioReport } from './report/group-portfolio.report';

/**
 * The group portfolio: links between a group firm and its entities (own table `group_link`), the portfolio view and
 * its PDF. Standing comes from the assessments feature through ENTITY_STANDINGS, names and profiles from accounts.
 */
@Module({
  imports: [TypeOrmModule.forFeature([GroupLink]), AccountsModule, AssessmentsModule, ReportsModule],
  controllers: [PortfolioController],
  providers: [GroupLinksService, PortfolioService, ...reportKinds(GroupPortfolioReport)],
  exports: [GroupLinksService, PortfolioService],
})
export class PortfolioModule {}
