import { msg, Trim } from '@scs/api/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { MESSAGE_MAX } from './create-campaign.dto';

/** Changes to an open or scheduled campaign; the opening date is fixed once set. */
export class UpdateCampaignDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty(msg('validation.title.required'))
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty(msg('validation.messageDe.required'))
  @MaxLength(MESSAGE_MAX)
  messageDe?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty(msg('validation.messageEn.required'))
  @MaxLength(MESSAGE_MAX)
  messageEn?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true }, msg('validation.closesAt.iso'))
  closesAt?: string;
}
