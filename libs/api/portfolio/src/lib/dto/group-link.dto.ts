import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString } from 'class-validator';
import { IsUscc, LEGAL_FORMS, normaliseUscc, PROVINCES } from '@scs/api/accounts';
import { msg, oneOfLabels } from '@scs/api/core';
import { PROFILE_FIELDS, type Text } from '@scs/shared/catalogue';
import type { ReportLocale } from '@scs/shared/contracts';

const oneOf = (field: 'provinces' | 'legalForm') =>
  oneOfLabels(PROFILE_FIELDS[field].valueLabels as Readonly<Record<string, Text>>, {
    label: PROFILE_FIELDS[field].label,
  });

/** Invite a firm to link to this group, named by the USCC in its firm profile. */
export class InviteEntityDto {
  @ApiProperty({ example: '91310000MA1FL0XXXX', description: "The entity's unified social credit code" })
  @Transform(({ value }) => normaliseUscc(value))
  @IsString(msg('validation.uscc.format'))
  @IsUscc()
  uscc!: string;
}

export class AnswersAccessDto {
  @ApiProperty({ description: 'Whether the group may read the answers of the latest self-check' })
  @IsBoolean(msg('validation.isBoolean'))
  granted!: boolean;
}

/** Filters of the portfolio view. */
export class PortfolioQueryDto {
  @ApiProperty({ required: false, enum: PROVINCES })
  @IsOptional()
  @IsIn(PROVINCES, oneOf('provinces'))
  province?: string;

  @ApiProperty({ required: false, enum: LEGAL_FORMS })
  @IsOptional()
  @IsIn(LEGAL_FORMS, oneOf('legalForm'))
  legalForm?: string;
}

const LOCALES: ReportLocale[] = ['en', 'de', 'zh'];

export class ReportLanguageDto {
  @ApiProperty({ enum: LOCALES })
  @IsIn(
    LOCALES,
    oneOfLabels({
      en: { en: 'English', de: 'Englisch', zh: '英文' },
      de: { en: 'German', de: 'Deutsch', zh: '德文' },
      zh: { en: 'Simplified Chinese', de: 'Vereinfachtes Chinesisch', zh: '简体中文' },
    }),
  )
  locale!: ReportLocale;
}
