import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { msg } from '@scs/api/core';
import { usccProblemKey } from '@scs/api/accounts';
import { PARTNER_LOCALES, PARTNER_SOURCES, type PartnerLocale, type PartnerSource } from '@scs/shared/catalogue';
import { PARTNER_ROLES, type PartnerRole } from '../partner.entity';

const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const TrimToNull = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));
const UpperTrim = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() || null : value));
const LowerTrim = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() || null : value));

/** The same USCC check (GB 32100-2015 check character) as the firm profile. */
export const IsUscc = () =>
  ValidateBy({
    name: 'isUscc',
    validator: {
      validate: (value) => typeof value === 'string' && usccProblemKey(value) === null,
      defaultMessage: (args) =>
        (typeof args?.value === 'string' ? usccProblemKey(args.value) : null) ?? 'validation.uscc.format',
    },
  });

export class CreatePartnerDto {
  @ApiProperty({ example: 'Shanghai Example Trading Co., Ltd.' })
  @Trim()
  @IsString()
  @IsNotEmpty(msg('validation.partner.nameRequired'))
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: '上海示例贸易有限公司', nullable: true })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameZh?: string | null;

  @ApiPropertyOptional({
    description: 'Unified social credit code (18 characters, check character verified)',
    nullable: true,
  })
  @UpperTrim()
  @IsOptional()
  @IsUscc()
  uscc?: string | null;

  @ApiProperty({ enum: PARTNER_ROLES })
  @IsIn(PARTNER_ROLES, msg('validation.partner.role'))
  role!: PartnerRole;

  @ApiPropertyOptional({ nullable: true, example: 'Jiangsu' })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(60)
  province?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contactName?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @LowerTrim()
  @IsOptional()
  @IsEmail({}, msg('validation.email'))
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional({ enum: PARTNER_LOCALES, default: 'zh' })
  @IsOptional()
  @IsIn(PARTNER_LOCALES, msg('validation.partner.language'))
  contactLanguage?: PartnerLocale;

  @ApiPropertyOptional({ description: 'Months between checks (default 12)', minimum: 1, maximum: 60 })
  @IsOptional()
  @IsInt(msg('validation.partner.recheckMonths'))
  @Min(1, msg('validation.partner.recheckMonths'))
  @Max(60, msg('validation.partner.recheckMonths'))
  recheckMonths?: number;
}

export class UpdatePartnerDto extends PartialType(CreatePartnerDto) {}

export class SendCheckDto {
  @ApiPropertyOptional({ description: "Address to send to (default: the partner's contact address)" })
  @LowerTrim()
  @IsOptional()
  @IsEmail({}, msg('validation.email'))
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ enum: PARTNER_LOCALES, description: "Language of the mail and page (default: the contact's)" })
  @IsOptional()
  @IsIn(PARTNER_LOCALES, msg('validation.partner.language'))
  locale?: PartnerLocale;

  @ApiPropertyOptional({ description: 'Days the link stays valid (default 30)', minimum: 1, maximum: 90 })
  @IsOptional()
  @IsInt(msg('validation.partner.validDays'))
  @Min(1, msg('validation.partner.validDays'))
  @Max(90, msg('validation.partner.validDays'))
  validDays?: number;
}

export class VerificationDto {
  @ApiProperty({ enum: PARTNER_SOURCES })
  @IsIn(PARTNER_SOURCES, msg('validation.partner.source'))
  source!: PartnerSource;

  @ApiProperty({ format: 'date', example: '2026-12-01' })
  @IsISO8601({ strict: true }, msg('validation.partner.checkedOn'))
  checkedOn!: string;

  @ApiProperty({ enum: ['no_entry', 'entry_found'] })
  @IsIn(['no_entry', 'entry_found'], msg('validation.partner.outcome'))
  outcome!: 'no_entry' | 'entry_found';

  @ApiPropertyOptional({ nullable: true })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class ExportQuery {
  @ApiPropertyOptional({ enum: ['de', 'en'] })
  @IsOptional()
  @IsIn(['de', 'en'], msg('validation.partner.language'))
  locale?: 'de' | 'en';
}

/** The partner's first step: the address the link was sent to. */
export class ConfirmAddressDto {
  @ApiProperty({ description: 'The address this link was sent to' })
  @LowerTrim()
  @IsEmail({}, msg('validation.email'))
  @MaxLength(254)
  email!: string;
}

export class DeclarationDto {
  @ApiProperty({ description: 'Name of the person who signs' })
  @Trim()
  @IsString()
  @IsNotEmpty(msg('validation.partner.declarationName'))
  @MaxLength(200)
  name!: string;

  @ApiProperty({ description: 'Role or title in the company' })
  @Trim()
  @IsString()
  @IsNotEmpty(msg('validation.partner.declarationRole'))
  @MaxLength(200)
  role!: string;

  @ApiProperty({ format: 'date' })
  @IsISO8601({ strict: true }, msg('validation.partner.declarationDate'))
  date!: string;
}

export class SubmitCheckDto extends ConfirmAddressDto {
  @ApiProperty({ enum: PARTNER_LOCALES, description: 'Language of the answers and the receipt' })
  @IsIn(PARTNER_LOCALES, msg('validation.partner.language'))
  locale!: PartnerLocale;

  @ApiProperty({ description: 'Question id → option id', example: { PC1: 'no' } })
  @IsObject(msg('validation.partner.answers'))
  answers!: Record<string, string>;

  @ApiProperty({ type: DeclarationDto })
  @ValidateNested()
  @Type(() => DeclarationDto)
  declaration!: DeclarationDto;
}

export class EvidenceUploadDto extends ConfirmAddressDto {}
