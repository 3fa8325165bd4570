import { Body, Controller, Get, Ip, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  Authenticated,
  type AuthUser,
  CurrentOrg,
  CurrentUser,
  FIRM_ADMINS,
  FIRM_ROLES,
  OrgAccess,
  type OrgContext,
} from '@scs/api/core';
import { ConsentStatusView, ConsentTextDto, UpdateConsentDto } from '../dto/consent.dto';
import { ConsentService } from './consent.service';

@ApiTags('consent')
@Controller()
export class ConsentController {
  constructor(private readonly consents: ConsentService) {}

  @Get('consent-texts')
  @Authenticated()
  @ApiOperation({ summary: 'The current consent texts (German and English) with their versions' })
  @ApiOkResponse({ type: [ConsentTextDto] })
  texts(): Promise<ConsentTextDto[]> {
    return this.consents.texts();
  }

  // Every member may see what the firm agreed to (the wizard shows it read-only); only owners and admins change it.
  @Get('orgs/:orgId/consents')
  @OrgAccess(FIRM_ROLES, { kind: 'firm' })
  @ApiParam({ name: 'orgId', format: 'uuid' })
  @ApiOperation({ summary: "The firm's consents (research, chamber, chamber participation); any member may read them" })
  @ApiOkResponse({ type: [ConsentStatusView] })
  status(@CurrentOrg() org: OrgContext): Promise<ConsentStatusView[]> {
    return this.consents.status(org.orgId);
  }

  @Put('orgs/:orgId/consents')
  @OrgAccess(FIRM_ADMINS, { kind: 'firm' })
  @ApiParam({ name: 'orgId', format: 'uuid' })
  @ApiOperation({
    summary:
      "Grant (with the text version shown) or revoke one consent; revoking research consent deletes the firm's research records",
  })
  @ApiOkResponse({ type: [ConsentStatusView] })
  @ApiConflictResponse({ description: 'The consent text changed since it was shown' })
  change(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Body() dto: UpdateConsentDto,
    @Ip() ip: string,
  ): Promise<ConsentStatusView[]> {
    return this.consents.change(org.orgId, user, dto, ip ?? null);
  }
}
