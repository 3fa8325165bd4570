import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentOrg,
  CurrentUser,
  FIRM_ROLES,
  OrgAccess,
  ResourceAccess,
  type AuthUser,
  type OrgContext,
} from '@scs/api/core';
import { ActionsService } from './actions.service';
import { CreateActionDto, ListActionsQuery, UpdateActionDto, type ActionView } from './action.dto';

@ApiTags('actions')
@Controller()
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Get('orgs/:orgId/actions')
  @OrgAccess(FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({ summary: "The firm's action plan (filter by status or overdue)" })
  list(@CurrentOrg() org: OrgContext, @Query() q: ListActionsQuery): Promise<ActionView[]> {
    return this.actions.list(org.orgId, q);
  }

  @Post('orgs/:orgId/actions')
  @OrgAccess(FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({ summary: 'Turn a finding into an action' })
  create(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateActionDto,
  ): Promise<ActionView> {
    return this.actions.create(org.orgId, user, dto);
  }

  @Patch('actions/:id')
  @ResourceAccess('action', FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({ summary: 'Update an action (title, owner, due date, status, note)' })
  update(@Param('id') id: string, @Body() dto: UpdateActionDto): Promise<ActionView> {
    return this.actions.update(id, dto);
  }

  @Post('actions/:id/close-resolved')
  @ResourceAccess('action', FIRM_ROLES, { kind: 'firm' })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Close an action as resolved by the latest assessment (idempotent; 409 if that assessment did not resolve it)',
  })
  closeResolved(@Param('id') id: string): Promise<ActionView> {
    return this.actions.closeResolved(id);
  }

  @Delete('actions/:id')
  @ResourceAccess('action', FIRM_ROLES, { kind: 'firm' })
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an action' })
  remove(@Param('id') id: string): Promise<void> {
    return this.actions.remove(id);
  }
}
