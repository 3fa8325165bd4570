import { msg, Trim, TrimToNull } from '@scs/api/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { REPORT_LANGUAGES, type ReportLanguage } from '../chamber-branding.entity';

export class UpdateBrandingDto {
  @ApiProperty({ example: 'AHK Greater China', description: 'Name shown on reports and invitations' })
  @Trim()
  @IsString()
  @IsNotEmpty(msg('validation.displayName.required'))
  @MaxLength(200)
  displayName!: string;

  @ApiPropertyOptional({
    nullable: true,
    example: 'Delegation der Deutschen Wirtschaft · +86 21 1234 5678 · info@ahk.example',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(300)
  contactLine?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'https://china.ahk.de' })
  @IsOptional()
  @TrimToNull()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, msg('validation.website.https'))
  @MaxLength(300)
  website?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    maxLength: 3000,
    description:
      'Introduction printed at the start of the member benchmark PDF (plain text; blank lines start a paragraph). Left out: unchanged.',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(3000, msg('validation.benchmarkIntro.tooLong'))
  benchmarkIntro?: string | null;

  @ApiProperty({ enum: REPORT_LANGUAGES, description: "Default language of the chamber's reports" })
  @IsIn(REPORT_LANGUAGES, msg('validation.reportLanguage.choose'))
  reportLanguage!: ReportLanguage;
}
