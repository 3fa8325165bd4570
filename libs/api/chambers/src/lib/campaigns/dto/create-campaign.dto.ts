import { msg, Trim } from '@scs/api/core';
import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export const MESSAGE_MAX = 5000;

export class CreateCampaignDto {
  @ApiProperty({ example: 'SCS-Selbstcheck 2026' })
  @Trim()
  @IsString()
  @IsNotEmpty(msg('validation.title.required'))
  @MaxLength(200)
  title!: string;

  @ApiProperty({ description: 'Invitation message in German' })
  @Trim()
  @IsString()
  @IsNotEmpty(msg('validation.messageDe.required'))
  @MaxLength(MESSAGE_MAX)
  messageDe!: string;

  @ApiProperty({ description: 'Invitation message in English' })
  @Trim()
  @IsString()
  @IsNotEmpty(msg('validation.messageEn.required'))
  @MaxLength(MESSAGE_MAX)
  messageEn!: string;

  @ApiProperty({ format: 'date-time', description: 'From when invitations can be sent and links used' })
  @IsISO8601({ strict: true }, msg('validation.opensAt.iso'))
  opensAt!: string;

  @ApiProperty({ format: 'date-time', description: "From then on the campaign's links no longer let firms join" })
  @IsISO8601({ strict: true }, msg('validation.closesAt.iso'))
  closesAt!: string;
}
