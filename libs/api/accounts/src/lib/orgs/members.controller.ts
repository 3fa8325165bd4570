import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthUser, CurrentOrg, CurrentUser, FIRM_ADMINS, OrgAccess, type OrgContext } from '@scs/api/core';
import { Client } from '../client';
import type { ClientMeta } from '../auth/sessions.service';
import { ChangeRoleDto, MemberView } from './dto/member.dto';
import { MembersService } from './members.service';

const ANY_ROLE = ['owner', 'admin', 'member', 'researcher'] as const;

@ApiTags('members')
@ApiParam({ name: 'orgId', format: 'uuid' })
@Controller('orgs/:orgId/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @OrgAccess([...ANY_ROLE])
  @ApiOperation({ summary: 'Members of the organisation with their roles' })
  @ApiOkResponse({ type: [MemberView] })
  list(@CurrentOrg() org: OrgContext): Promise<MemberView[]> {
    return this.members.list(org.orgId);
  }

  @Patch(':userId')
  @OrgAccess(FIRM_ADMINS)
  @ApiOperation({
    summary: "Change a member's role (only owners grant or change the owner role; the last owner stays owner)",
  })
  @ApiOkResponse({ type: MemberView })
  @ApiConflictResponse({ description: 'Would leave the organisation without an owner' })
  changeRole(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Body() dto: ChangeRoleDto,
    @Client() client: ClientMeta,
  ): Promise<MemberView> {
    return this.members.changeRole(org, user, userId, dto, client);
  }

  @Delete(':userId')
  @OrgAccess([...ANY_ROLE])
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a member (owners/admins), or leave (anyone, for themselves); never the last owner' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'Would leave the organisation without an owner' })
  remove(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Client() client: ClientMeta,
  ): Promise<void> {
    return this.members.remove(org, user, userId, client);
  }
}
