import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../validation';
import { MESSAGE_MAX } from './create-campaign.dto';

/** Changes to an open or scheduled campaign; the opening date is fixed once set. */
export class UpdateCampaignDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'Enter a title' })
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'Enter the German message' })
  @MaxLength(MESSAGE_MAX)
  messageDe?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'Enter the English message' })
  @MaxLength(MESSAGE_MAX)
  messageEn?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'Enter the closing date as an ISO 8601 date/time' })
  closesAt?: string;
}
