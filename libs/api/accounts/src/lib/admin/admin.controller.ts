import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlatformAdmin } from '@scs/api/core';
import { AdminService } from './admin.service';
import { AuditEntryView, AuditQuery, OutboxEntry, OutboxQuery } from './dto/admin.dto';

@ApiTags('admin')
@Controller('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

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
}
