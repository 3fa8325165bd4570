import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { OrgKind } from '@scs/api/core';
import type { MailStatus } from '../../mail/mail-outbox.entity';

export const ADMIN_PAGE_MAX = 100;

/** Paging and search of the admin lists: `offset`, `limit` (1–100, default 25) and `q` (part of a name, address …). */
export class AdminListQuery {
  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;

  @ApiPropertyOptional({ default: 25, maximum: ADMIN_PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ADMIN_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'Search text (case-insensitive, part of the shown fields)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

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

export class AdminCatalogueRow {
  @ApiProperty() version!: string;
  @ApiProperty({ description: 'YYYY-MM-DD' }) effectiveFrom!: string;
  @ApiProperty() checksum!: string;
  @ApiProperty() loadedAt!: Date;
  @ApiProperty() questions!: number;
  @ApiProperty({ description: 'Assessments on this version' }) assessments!: number;
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

/** One page of an admin list. */
export class AdminPage<T> {
  items!: T[];
  @ApiProperty({ description: 'Rows matching the search' }) total!: number;
  @ApiProperty() offset!: number;
  @ApiProperty() limit!: number;
}
