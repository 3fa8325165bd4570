import { Injectable } from '@nestjs/common';
import { ProfileService } from '@scs/api/accounts';
import { InvalidInputError } from '@scs/api/core';
import {
  reportPdfOptions,
  slug,
  type BuiltReport,
  type ReportContentKey,
  type ReportKindProvider,
  type ReportRequest,
} from '@scs/api/reports';
import { PortfolioService } from '../portfolio.service';
import {
  GROUP_PORTFOLIO_TEMPLATE_VERSION,
  renderGroupPortfolioHtml,
  type GroupPortfolioData,
} from './group-portfolio.template';

export const GROUP_PORTFOLIO = 'group_portfolio';

/**
 * Kind `group_portfolio`: the portfolio of a group (subject and owner: the group). Its content is the group's active
 * links, the entities' names and profiles and their standing (ENTITY_STANDINGS digest), as of today.
 */
@Injectable()
export class GroupPortfolioReport implements ReportKindProvider<GroupPortfolioData> {
  readonly kind = GROUP_PORTFOLIO;
  readonly templateVersion = GROUP_PORTFOLIO_TEMPLATE_VERSION;
  readonly subject = 'organisation';

  constructor(
    private readonly portfolio: PortfolioService,
    private readonly profiles: ProfileService,
  ) {}

  async contentKey(request: ReportRequest): Promise<ReportContentKey> {
    if (request.subjectId !== request.orgId) throw new InvalidInputError('errors.portfolio.aboutGroup');
    const group = (await this.profiles.summaries([request.subjectId])).get(request.subjectId);
    return {
      orgId: request.subjectId,
      parts: [request.subjectId, `group:${group?.name ?? ''}`, ...(await this.portfolio.version(request.subjectId))],
    };
  }

  async build(request: ReportRequest): Promise<BuiltReport<GroupPortfolioData>> {
    const group = (await this.profiles.summaries([request.subjectId])).get(request.subjectId);
    const data: GroupPortfolioData = {
      locale: request.locale,
      groupName: group?.name ?? '',
      generatedAt: new Date().toISOString(),
      portfolio: await this.portfolio.view(request.subjectId),
    };
    return {
      data,
      html: renderGroupPortfolioHtml(data),
      pdfOptions: reportPdfOptions(),
      filename: `SCS-Check_group-portfolio_${slug(data.groupName)}_${data.generatedAt.slice(0, 10)}_${data.locale}.pdf`,
    };
  }
}
