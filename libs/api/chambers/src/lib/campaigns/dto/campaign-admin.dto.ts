import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { INVITATION_STATUSES, type InvitationStatus } from './campaign.views';

export class MergeCampaignDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The campaign of the same chamber whose invitations and firms move into this one; it is then deleted',
  })
  @IsUUID('4', { message: 'Choose the campaign to merge' })
  sourceCampaignId!: string;
}

export class InvitationListQuery {
  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ enum: INVITATION_STATUSES })
  @IsOptional()
  @IsIn(INVITATION_STATUSES)
  status?: InvitationStatus;

  @ApiPropertyOptional({ description: 'Part of the address (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class ExportQuery {
  @ApiPropertyOptional({ enum: ['de', 'en'], default: 'de', description: 'Language of the column headers and values' })
  @IsOptional()
  @IsIn(['de', 'en'])
  locale?: 'de' | 'en';
}
