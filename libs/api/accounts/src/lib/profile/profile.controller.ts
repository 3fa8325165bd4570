import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  type AuthUser,
  CurrentOrg,
  CurrentUser,
  FIRM_ADMINS,
  FIRM_ROLES,
  OrgAccess,
  type OrgContext,
} from '@scs/api/core';
import { Client } from '../client';
import type { ClientMeta } from '../auth/sessions.service';
import { ProfileVersionView, ProfileView, UpdateProfileDto } from './dto/profile.dto';
import { ProfileService } from './profile.service';

@ApiTags('firm profile')
@ApiParam({ name: 'orgId', format: 'uuid' })
@Controller('orgs/:orgId/profile')
export class ProfileController {
  constructor(private readonly profiles: ProfileService) {}

  @Get()
  @OrgAccess(FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({ summary: 'The current firm profile' })
  @ApiOkResponse({ type: ProfileView })
  get(@CurrentOrg() org: OrgContext): Promise<ProfileView> {
    return this.profiles.get(org.orgId);
  }

  @Put()
  @OrgAccess(FIRM_ADMINS, { kind: 'firm' })
  @ApiOperation({ summary: 'Save the complete profile as a new version' })
  @ApiOkResponse({ type: ProfileView })
  @ApiConflictResponse({ description: 'baseVersion is outdated' })
  update(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Body() dto: UpdateProfileDto,
    @Client() client: ClientMeta,
  ): Promise<ProfileView> {
    return this.profiles.update(org.orgId, user, dto, client);
  }

  @Get('versions')
  @OrgAccess(FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({ summary: 'Every saved version, newest first' })
  @ApiOkResponse({ type: [ProfileVersionView] })
  versions(@CurrentOrg() org: OrgContext): Promise<ProfileVersionView[]> {
    return this.profiles.versions(org.orgId);
  }
}
