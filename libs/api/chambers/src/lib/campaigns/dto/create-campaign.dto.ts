import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../validation';

export const MESSAGE_MAX = 5000;

export class CreateCampaignDto {
  @ApiProperty({ example: 'SCS-Selbstcheck 2026' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'Enter a title' })
  @MaxLength(200)
  title!: string;

  @ApiProperty({ description: 'Invitation message in German' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'Enter the German message' })
  @MaxLength(MESSAGE_MAX)
  messageDe!: string;

  @ApiProperty({ description: 'Invitation message in English' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'Enter the English message' })
  @MaxLength(MESSAGE_MAX)
  messageEn!: string;

  @ApiProperty({ format: 'date-time', description: 'From when invitations can be sent and links used' })
  @IsISO8601({ strict: true }, { message: 'Enter the opening date as an ISO 8601 date/time' })
  opensAt!: string;

  @ApiProperty({ format: 'date-time', description: "From then on the campaign's links no longer let firms join" })
  @IsISO8601({ strict: true }, { message: 'Enter the closing date as an ISO 8601 date/time' })
  closesAt!: string;
}
