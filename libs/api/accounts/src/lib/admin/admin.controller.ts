import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ADMIN_PAGE_DESCRIPTION, PlatformAdmin } from '@scs/api/core';
import { AdminListsService } from './admin-lists.service';
import { AdminService } from './admin.service';
import {
  type AdminAuditRow,
  AdminListQuery,
  type AdminMailRow,
  AdminMailsQuery,
  type AdminOrganisationRow,
  AdminOrganisationsQuery,
  type AdminPage,
  type AdminResearchExportRow,
  type AdminUserRow,
} from './dto/admin-lists.dto';
import { AuditEntryView, AuditQuery, OutboxEntry, OutboxQuery } from './dto/admin.dto';

const PAGE = ADMIN_PAGE_DESCRIPTION;

@ApiTags('admin')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly admin: AdminService,
    private readonly lists: AdminListsService,
  ) {}

  @Get('outbox')
  @PlatformAdmin()
  @ApiOperation({ summary: 'Recent outgoing mails and their status (not_sent = no SMTP configured); without bodies' })
  @ApiOkResponse({ type: [OutboxEntry] })
  outbox(@Query() q: OutboxQuery): Promise<OutboxEntry[]> {
    return this.admin.outbox(q);
  }

  @Get('audit')
  @PlatformAdmin()
  @ApiOperation({ summary: 'Audit log, newest first' })
  @ApiOkResponse({ type: [AuditEntryView] })
  audit(@Query() q: AuditQuery): Promise<AuditEntryView[]> {
    return this.admin.audit(q);
  }

  @Get('organisations')
  @PlatformAdmin()
  @ApiOperation({ summary: 'Organisations (firms, chambers, research team), newest first; search by name or id' })
  @ApiOkResponse({ description: PAGE })
  organisations(@Query() q: AdminOrganisationsQuery): Promise<AdminPage<AdminOrganisationRow>> {
    return this.lists.organisations(q);
  }

  @Get('users')
  @PlatformAdmin()
  @ApiOperation({ summary: 'People with an account, newest first; search by address or name' })
  @ApiOkResponse({ description: PAGE })
  users(@Query() q: AdminListQuery): Promise<AdminPage<AdminUserRow>> {
    return this.lists.users(q);
  }

  @Get('mails')
  @PlatformAdmin()
  @ApiOperation({ summary: 'The mail outbox, newest first, without bodies; search by recipient or subject' })
  @ApiOkResponse({ description: PAGE })
  mails(@Query() q: AdminMailsQuery): Promise<AdminPage<AdminMailRow>> {
    return this.lists.mails(q);
  }

  @Get('audit-log')
  @PlatformAdmin()
  @ApiOperation({ summary: 'Audit log, newest first; search by action, target, person or organisation' })
  @ApiOkResponse({ description: PAGE })
  auditLog(@Query() q: AdminListQuery): Promise<AdminPage<AdminAuditRow>> {
    return this.lists.audit(q);
  }

  @Get('research-export-log')
  @PlatformAdmin()
  @ApiOperation({ summary: 'Research exports (who, what, rows), newest first; search by person, team, kind or table' })
  @ApiOkResponse({ description: PAGE })
  researchExports(@Query() q: AdminListQuery): Promise<AdminPage<AdminResearchExportRow>> {
    return this.lists.researchExports(q);
  }
}
