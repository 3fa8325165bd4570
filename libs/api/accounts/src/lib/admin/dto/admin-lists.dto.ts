import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AdminListQuery, type OrgKind } from '@scs/api/core';
import type { MailStatus } from '../../mail/mail-outbox.entity';

export { AdminListQuery, AdminPage } from '@scs/api/core';

const ORG_KINDS = ['firm', 'chamber', 'research'] as const;
const MAIL_STATUSES = ['pending', 'sent', 'failed', 'not_sent'] as const;

export class AdminOrganisationsQuery extends AdminListQuery {
  @ApiPropertyOptional({ enum: ORG_KINDS }) @IsOptional() @IsIn(ORG_KINDS) kind?: OrgKind;
}

export class AdminMailsQuery extends AdminListQuery {
  @ApiPropertyOptional({ enum: MAIL_STATUSES }) @IsOptional() @IsIn(MAIL_STATUSES) status?: MailStatus;
}

export class AdminOrganisationRow {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ORG_KINDS }) kind!: OrgKind;
  @ApiProperty() name!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ description: 'People with a role in the organisation' }) members!: number;
}

export class AdminUserRow {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty() platformAdmin!: boolean;
  @ApiProperty({ description: 'The address was confirmed' }) verified!: boolean;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ description: 'Organisations the person belongs to' }) organisations!: number;
}

/** Without bodies: they hold reset and invitation links, which admins must not see. */
export class AdminMailRow {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() to!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: MAIL_STATUSES }) status!: MailStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) sentAt!: Date | null;
}

export class AdminAuditRow {
  @ApiProperty() id!: string;
  @ApiProperty() at!: Date;
  @ApiProperty({ nullable: true, type: String }) actorEmail!: string | null;
  @ApiProperty({ nullable: true, type: String }) orgName!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) orgId!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty({ nullable: true, type: String }) target!: string | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
}

export class AdminResearchExportRow {
  @ApiProperty() id!: string;
  @ApiProperty() at!: Date;
  @ApiProperty({ nullable: true, type: String }) userEmail!: string | null;
  @ApiProperty({ nullable: true, type: String }) orgName!: string | null;
  @ApiProperty() kind!: string;
  @ApiProperty({ nullable: true, type: String }) tableId!: string | null;
  @ApiProperty() rowCount!: number;
}
