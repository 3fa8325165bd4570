import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthUser, CurrentOrg, CurrentUser, FIRM_ROLES, OrgAccess, type OrgContext } from '@scs/api/core';
import { Client } from '../client';
import type { ClientMeta } from '../auth/sessions.service';
import { ChamberLinksService } from './chamber-links.service';
import { FirmChamberView, FirmInvitationView, InviteFirmDto, MemberFirmView } from './dto/chamber.dto';

const CHAMBER_ADMINS = ['owner', 'admin'] as const;

@ApiTags('chamber membership')
@Controller('orgs')
export class ChamberLinksController {
  constructor(private readonly links: ChamberLinksService) {}

  @Post(':chamberId/firm-invitations')
  @OrgAccess([...CHAMBER_ADMINS], { kind: 'chamber', param: 'chamberId' })
  @ApiParam({ name: 'chamberId', format: 'uuid' })
  @ApiOperation({ summary: "Invite a firm to join the chamber (email with a link to the firm's owner)" })
  @ApiCreatedResponse({ type: FirmInvitationView })
  inviteFirm(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Body() dto: InviteFirmDto,
    @Client() client: ClientMeta,
  ): Promise<FirmInvitationView> {
    return this.links.inviteFirm(org, user, dto.email, dto.bindTo ?? 'address', client);
  }

  @Get(':chamberId/member-firms')
  @OrgAccess([...CHAMBER_ADMINS], { kind: 'chamber', param: 'chamberId' })
  @ApiParam({ name: 'chamberId', format: 'uuid' })
  @ApiOperation({ summary: 'Member firms of the chamber: names and join dates only' })
  @ApiOkResponse({ type: [MemberFirmView] })
  memberFirms(@CurrentOrg() org: OrgContext): Promise<MemberFirmView[]> {
    return this.links.memberFirms(org.orgId);
  }

  @Get(':firmId/chambers')
  @OrgAccess(FIRM_ROLES, { kind: 'firm', param: 'firmId' })
  @ApiParam({ name: 'firmId', format: 'uuid' })
  @ApiOperation({ summary: 'Chambers the firm belongs to' })
  @ApiOkResponse({ type: [FirmChamberView] })
  chambers(@CurrentOrg() org: OrgContext): Promise<FirmChamberView[]> {
    return this.links.chambersOf(org.orgId);
  }

  @Delete(':firmId/chambers/:chamberId')
  @OrgAccess(['owner'], { kind: 'firm', param: 'firmId' })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiParam({ name: 'firmId', format: 'uuid' })
  @ApiParam({ name: 'chamberId', format: 'uuid' })
  @ApiOperation({ summary: 'Leave a chamber (firm owner)' })
  @ApiNoContentResponse()
  leave(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('chamberId', new ParseUUIDPipe()) chamberId: string,
    @Client() client: ClientMeta,
  ): Promise<void> {
    return this.links.leave(org.orgId, chamberId, user, client);
  }
}
