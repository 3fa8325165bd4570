import { msg, oneOfLabels, Trim } from '@scs/api/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { NAME_MAX } from '../../validation';
import {
  ACTIVITIES,
  type FirmProfileData,
  HEADCOUNT_BANDS,
  LEGAL_FORMS,
  MIN_TAX_REGISTRATION_YEAR,
  NACE_SECTIONS,
  OPTIONAL_PROFILE_FIELDS as O,
  PROVINCES,
  YES_NO_UNKNOWN,
} from '../profile-fields';
import { PROFILE_FIELDS, type ProfileField, type Text } from '@scs/shared/catalogue';
import { usccProblemKey } from '../uscc';

// Messages name the field and its values in the user's words (PROFILE_FIELDS labels), in the request's language.
type EnumField = {
  [K in ProfileField]: (typeof PROFILE_FIELDS)[K] extends { valueLabels: object } ? K : never;
}[ProfileField];
const oneOf = (field: EnumField) =>
  oneOfLabels(PROFILE_FIELDS[field].valueLabels as Readonly<Record<string, Text>>, {
    label: PROFILE_FIELDS[field].label,
  });
const eachOneOf = (field: EnumField) =>
  oneOfLabels(PROFILE_FIELDS[field].valueLabels as Readonly<Record<string, Text>>, {
    each: true,
    label: PROFILE_FIELDS[field].label,
  });
const yesNo = (field: ProfileField) => msg('validation.yesNo', PROFILE_FIELDS[field].label);

/** A valid unified social credit code (GB 32100-2015); the message names what is wrong. */
export const IsUscc = () =>
  ValidateBy({
    name: 'isUscc',
    validator: {
      validate: (value) => typeof value === 'string' && usccProblemKey(value) === null,
      // A message key: the exception filter translates it.
      defaultMessage: (args) =>
        (typeof args?.value === 'string' ? usccProblemKey(args.value) : null) ?? 'validation.uscc.format',
    },
  });

// A code pasted from a letterhead or a PDF often carries spaces or hyphens (9131 0000 MA1F-L0XX XX): dropped.
export const normaliseUscc = (value: unknown): unknown =>
  typeof value === 'string' ? value.replace(/[\s\-\u2010-\u2015]/g, '').toUpperCase() || null : value;

const IsPastYear = () =>
  ValidateBy({
    name: 'isPastYear',
    validator: {
      validate: (value) => typeof value === 'number' && value <= new Date().getFullYear(),
      defaultMessage: () => 'validation.year.future',
    },
  });

/** The complete firm profile (every catalogue field); saving it creates a new profile version. */
export class UpdateProfileDto implements FirmProfileData {
  @ApiProperty({ example: 'Muster Maschinenbau (Suzhou) Co., Ltd.' })
  @Trim()
  @IsString()
  @IsNotEmpty(msg('validation.firmName.required'))
  @MaxLength(NAME_MAX)
  name!: string;

  @ApiPropertyOptional({
    nullable: true,
    example: '91320594MA1XXXXXXX',
    description: 'Unified social credit code (GB 32100-2015), checked with its check character',
  })
  @Transform(({ value }) => normaliseUscc(value))
  @IsOptional()
  @IsUscc()
  uscc?: string | null;

  @ApiProperty({ enum: LEGAL_FORMS })
  @IsIn(LEGAL_FORMS, oneOf('legalForm'))
  legalForm!: (typeof LEGAL_FORMS)[number];

  @ApiProperty({ enum: ACTIVITIES, isArray: true })
  @IsArray(msg('validation.activities.required', PROFILE_FIELDS.activities.label))
  @ArrayMinSize(1, msg('validation.activities.required', PROFILE_FIELDS.activities.label))
  @ArrayUnique(msg('validation.activities.unique'))
  @IsIn(ACTIVITIES, eachOneOf('activities'))
  activities!: (typeof ACTIVITIES)[number][];

  @ApiProperty() @IsBoolean(yesNo('importsExports')) importsExports!: boolean;

  @ApiProperty({ enum: HEADCOUNT_BANDS })
  @IsIn(HEADCOUNT_BANDS, oneOf('headcountBand'))
  headcountBand!: (typeof HEADCOUNT_BANDS)[number];

  @ApiProperty({ description: 'Uses agency/dispatched workers or labour subcontractors' })
  @IsBoolean(yesNo('agencyLabour'))
  agencyLabour!: boolean;

  @ApiProperty({ enum: YES_NO_UNKNOWN })
  @IsIn(YES_NO_UNKNOWN, oneOf('pollutantPermit'))
  pollutantPermit!: (typeof YES_NO_UNKNOWN)[number];

  @ApiProperty({
    enum: YES_NO_UNKNOWN,
    description: 'Personal information of more than 1 million individuals, or cross-border transfer',
  })
  @IsIn(YES_NO_UNKNOWN, oneOf('largeScaleData'))
  largeScaleData!: (typeof YES_NO_UNKNOWN)[number];

  @ApiProperty() @IsBoolean(yesNo('publicProcurement')) publicProcurement!: boolean;
  @ApiProperty() @IsBoolean(yesNo('largeEnterpriseBuyer')) largeEnterpriseBuyer!: boolean;

  @ApiProperty({ minimum: MIN_TAX_REGISTRATION_YEAR, example: 2012 })
  @IsInt(msg('validation.year', PROFILE_FIELDS.taxRegistrationYear.label))
  @Min(MIN_TAX_REGISTRATION_YEAR, msg('validation.year.min', PROFILE_FIELDS.taxRegistrationYear.label))
  @IsPastYear()
  taxRegistrationYear!: number;

  @ApiProperty({ enum: NACE_SECTIONS })
  @IsIn(NACE_SECTIONS, oneOf('naceSection'))
  naceSection!: (typeof NACE_SECTIONS)[number];

  @ApiProperty({ enum: PROVINCES, isArray: true, description: 'ISO 3166-2:CN codes without the CN- prefix' })
  @IsArray(msg('validation.provinces.required', PROFILE_FIELDS.provinces.label))
  @ArrayMinSize(1, msg('validation.provinces.required', PROFILE_FIELDS.provinces.label))
  @ArrayMaxSize(PROVINCES.length)
  @ArrayUnique(msg('validation.provinces.unique'))
  @IsIn(PROVINCES, { each: true, ...msg('validation.provinces.unknown', PROFILE_FIELDS.provinces.label) })
  provinces!: (typeof PROVINCES)[number][];

  @ApiProperty({ description: 'Has a German parent company' }) @IsBoolean(yesNo('germanParent')) germanParent!: boolean;

  // Added with catalogue 2026.2: optional (an absent value is read as the field's default by the rules).
  @ApiPropertyOptional({ enum: O.importer })
  @IsOptional()
  @IsIn(O.importer, oneOf('importer'))
  importer?: (typeof O.importer)[number];
  @ApiPropertyOptional({ enum: O.exporter })
  @IsOptional()
  @IsIn(O.exporter, oneOf('exporter'))
  exporter?: (typeof O.exporter)[number];
  @ApiPropertyOptional({
    enum: O.customsDirectUnregistered,
    description: 'Not registered with customs, but directly involved in import/export business',
  })
  @IsOptional()
  @IsIn(O.customsDirectUnregistered, oneOf('customsDirectUnregistered'))
  customsDirectUnregistered?: (typeof O.customsDirectUnregistered)[number];
  @ApiPropertyOptional({ enum: O.piProcessedVolume })
  @IsOptional()
  @IsIn(O.piProcessedVolume, oneOf('piProcessedVolume'))
  piProcessedVolume?: (typeof O.piProcessedVolume)[number];
  @ApiPropertyOptional({ enum: O.crossBorderPiVolume })
  @IsOptional()
  @IsIn(O.crossBorderPiVolume, oneOf('crossBorderPiVolume'))
  crossBorderPiVolume?: (typeof O.crossBorderPiVolume)[number];
  @ApiPropertyOptional({ enum: O.crossBorderSensitivePiVolume })
  @IsOptional()
  @IsIn(O.crossBorderSensitivePiVolume, oneOf('crossBorderSensitivePiVolume'))
  crossBorderSensitivePiVolume?: (typeof O.crossBorderSensitivePiVolume)[number];

  @ApiPropertyOptional({
    description: 'The version this edit started from; a newer version answers 409 instead of being overwritten',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  baseVersion?: number;
}

export class ProfileView {
  @ApiProperty({ format: 'uuid' }) orgId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: FirmProfileData;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, format: 'uuid' }) createdBy!: string | null;
  @ApiProperty({ description: 'All catalogue fields are filled in' }) complete!: boolean;
  @ApiProperty({ type: [String], description: 'Catalogue fields still missing' }) missing!: string[];
}

export class ProfileVersionView extends ProfileView {
  @ApiProperty({ nullable: true }) createdByName!: string | null;
}
