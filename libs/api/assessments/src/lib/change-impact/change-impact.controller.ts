import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentOrg, FIRM_ROLES, OrgAccess, PlatformAdmin, type OrgContext } from '@scs/api/core';
import type { ChangeImpactNotifyResult, ChangeImpactSummary, ChangeImpactView } from '@scs/shared/contracts';
import { ChangeImpactService } from './change-impact.service';

@ApiTags('assessments')
@Controller()
export class ChangeImpactController {
  constructor(private readonly impact: ChangeImpactService) {}

  @Get('orgs/:orgId/change-impact')
  @OrgAccess(FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({
    summary:
      'What the current catalogue version changes for this firm: questions, superseded references, score today with answers carried over',
  })
  forFirm(@CurrentOrg() org: OrgContext): Promise<ChangeImpactView> {
    return this.impact.forFirm(org.orgId);
  }

  @Get('admin/change-impact')
  @PlatformAdmin()
  @ApiOperation({
    summary: 'How many firms have their latest assessment on an older catalogue version, and how many were notified',
  })
  summary(): Promise<ChangeImpactSummary> {
    return this.impact.summary();
  }

  @Post('admin/change-impact/notify')
  @PlatformAdmin()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Notify owners and admins of affected firms (once per firm and catalogue version; also runs at worker start-up)',
  })
  notify(): Promise<ChangeImpactNotifyResult> {
    return this.impact.notifyAffected();
  }
}
