import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  Authenticated,
  type AuthUser,
  CurrentOrg,
  CurrentUser,
  FIRM_ADMINS,
  OrgAccess,
  type OrgContext,
  Public,
} from '@scs/api/core';
import { Client } from '../client';
import type { ClientMeta } from '../auth/sessions.service';
import {
  AcceptedInvitation,
  AcceptInvitationDto,
  CreatedInvitation,
  CreateInvitationDto,
  InvitationPreview,
  InvitationView,
} from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@ApiParam({ name: 'orgId', format: 'uuid' })
@Controller('orgs/:orgId/invitations')
export class OrgInvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @OrgAccess(FIRM_ADMINS)
  @ApiOperation({ summary: 'Invite a colleague by email' })
  @ApiCreatedResponse({ type: CreatedInvitation })
  invite(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateInvitationDto,
    @Client() client: ClientMeta,
  ): Promise<CreatedInvitation> {
    return this.invitations.invite(org, user, dto, client);
  }

  @Get()
  @OrgAccess(FIRM_ADMINS)
  @ApiOperation({ summary: 'Invitations sent by the organisation, newest first' })
  @ApiOkResponse({ type: [InvitationView] })
  list(@CurrentOrg() org: OrgContext): Promise<InvitationView[]> {
    return this.invitations.list(org.orgId);
  }

  @Delete(':id')
  @OrgAccess(FIRM_ADMINS)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Withdraw a pending invitation' })
  @ApiNoContentResponse()
  revoke(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Client() client: ClientMeta,
  ): Promise<void> {
    return this.invitations.revoke(org.orgId, id, user, client);
  }
}

@ApiTags('invitations')
@ApiParam({ name: 'token', description: 'The token from the emailed link' })
@Controller('invitations/:token')
export class InvitationLinksController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'What an invitation link offers (organisation, role); 410 once used, withdrawn or expired' })
  @ApiOkResponse({ type: InvitationPreview })
  @ApiGoneResponse({ description: 'Used, withdrawn or expired' })
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.invitations.preview(token);
  }

  @Post('accept')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Accept as the signed-in user; for a chamber invitation, name the firm (you own) that joins',
  })
  @ApiOkResponse({ type: AcceptedInvitation })
  @ApiGoneResponse({ description: 'Used, withdrawn or expired' })
  accept(
    @Param('token') token: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: AcceptInvitationDto,
    @Client() client: ClientMeta,
  ): Promise<AcceptedInvitation> {
    return this.invitations.accept(token, user, dto.firmId, client);
  }
}
