import { msg } from '@scs/api/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import type { MailStatus } from '../../mail/mail-outbox.entity';

const MAIL_STATUSES = ['pending', 'sent', 'failed', 'not_sent'] as const;

export class OutboxQuery {
  @ApiPropertyOptional({ enum: MAIL_STATUSES }) @IsOptional() @IsIn(MAIL_STATUSES) status?: MailStatus;
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** Outbox entries without their bodies: bodies hold reset and invitation links, which admins must not see. */
export class OutboxEntry {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() to!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: MAIL_STATUSES }) status!: MailStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true }) lastError!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true }) sentAt!: Date | null;
}

export class AuditQuery {
  @ApiPropertyOptional({ description: 'e.g. auth.login_failed' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() orgId?: string;
  @ApiPropertyOptional({ description: 'Entries with a smaller id (paging)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER, msg('validation.before.entryId'))
  before?: number;
  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class AuditEntryView {
  @ApiProperty() id!: string;
  @ApiProperty() at!: Date;
  @ApiProperty({ nullable: true }) actorUserId!: string | null;
  @ApiProperty({ nullable: true }) orgId!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty({ nullable: true }) target!: string | null;
  @ApiProperty({ nullable: true }) ip!: string | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) details!: Record<string, unknown> | null;
}
