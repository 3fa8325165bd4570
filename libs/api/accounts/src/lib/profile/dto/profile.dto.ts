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
import { NAME_MAX, Trim } from '../../validation';
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
import { usccProblem } from '../uscc';

const oneOf = (values: readonly string[]) => ({ message: `Choose one of: ${values.join(', ')}` });
const eachOneOf = (values: readonly string[]) => ({
  each: true,
  message: `Each entry must be one of: ${values.join(', ')}`,
});
const yesNo = { message: 'Answer yes or no' };

const IsUscc = () =>
  ValidateBy({
    name: 'isUscc',
    validator: {
      validate: (value) => typeof value === 'string' && usccProblem(value) === null,
      defaultMessage: (args) =>
        (typeof args?.value === 'string' ? usccProblem(args.value) : null) ??
        'Enter the 18-character unified social credit code',
    },
  });

const IsPastYear = () =>
  ValidateBy({
    name: 'isPastYear',
    validator: {
      validate: (value) => typeof value === 'number' && value <= new Date().getFullYear(),
      defaultMessage: () => 'The year cannot be in the future',
    },
  });

/** The complete firm profile (every catalogue field); saving it creates a new profile version. */
export class UpdateProfileDto implements FirmProfileData {
  @ApiProperty({ example: 'Muster Maschinenbau (Suzhou) Co., Ltd.' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: "Enter the firm's name" })
  @MaxLength(NAME_MAX)
  name!: string;

  @ApiPropertyOptional({
    nullable: true,
    example: '91320594MA1XXXXXXX',
    description: 'Unified social credit code (GB 32100-2015), checked with its check character',
  })
  // A code pasted from a letterhead or a PDF often carries spaces or hyphens (9131 0000 MA1F-L0XX XX): dropped.
  @Transform(({ value }) =>
    typeof value === 'string' ? value.replace(/[\s\-\u2010-\u2015]/g, '').toUpperCase() || null : value,
  )
  @IsOptional()
  @IsUscc()
  uscc?: string | null;

  @ApiProperty({ enum: LEGAL_FORMS })
  @IsIn(LEGAL_FORMS, oneOf(LEGAL_FORMS))
  legalForm!: (typeof LEGAL_FORMS)[number];

  @ApiProperty({ enum: ACTIVITIES, isArray: true })
  @IsArray({ message: 'Choose at least one activity' })
  @ArrayMinSize(1, { message: 'Choose at least one activity' })
  @ArrayUnique({ message: 'Each activity only once' })
  @IsIn(ACTIVITIES, eachOneOf(ACTIVITIES))
  activities!: (typeof ACTIVITIES)[number][];

  @ApiProperty() @IsBoolean(yesNo) importsExports!: boolean;

  @ApiProperty({ enum: HEADCOUNT_BANDS })
  @IsIn(HEADCOUNT_BANDS, oneOf(HEADCOUNT_BANDS))
  headcountBand!: (typeof HEADCOUNT_BANDS)[number];

  @ApiProperty({ description: 'Uses agency/dispatched workers or labour subcontractors' })
  @IsBoolean(yesNo)
  agencyLabour!: boolean;

  @ApiProperty({ enum: YES_NO_UNKNOWN })
  @IsIn(YES_NO_UNKNOWN, oneOf(YES_NO_UNKNOWN))
  pollutantPermit!: (typeof YES_NO_UNKNOWN)[number];

  @ApiProperty({
    enum: YES_NO_UNKNOWN,
    description: 'Personal information of more than 1 million individuals, or cross-border transfer',
  })
  @IsIn(YES_NO_UNKNOWN, oneOf(YES_NO_UNKNOWN))
  largeScaleData!: (typeof YES_NO_UNKNOWN)[number];

  @ApiProperty() @IsBoolean(yesNo) publicProcurement!: boolean;
  @ApiProperty() @IsBoolean(yesNo) largeEnterpriseBuyer!: boolean;

  @ApiProperty({ minimum: MIN_TAX_REGISTRATION_YEAR, example: 2012 })
  @IsInt({ message: 'Enter a year, e.g. 2012' })
  @Min(MIN_TAX_REGISTRATION_YEAR, { message: `Enter a year from ${MIN_TAX_REGISTRATION_YEAR} on` })
  @IsPastYear()
  taxRegistrationYear!: number;

  @ApiProperty({ enum: NACE_SECTIONS })
  @IsIn(NACE_SECTIONS, oneOf(NACE_SECTIONS))
  naceSection!: (typeof NACE_SECTIONS)[number];

  @ApiProperty({ enum: PROVINCES, isArray: true, description: 'ISO 3166-2:CN codes without the CN- prefix' })
  @IsArray({ message: 'Choose at least one province' })
  @ArrayMinSize(1, { message: 'Choose at least one province' })
  @ArrayMaxSize(PROVINCES.length)
  @ArrayUnique({ message: 'Each province only once' })
  @IsIn(PROVINCES, { each: true, message: 'Unknown province code' })
  provinces!: (typeof PROVINCES)[number][];

  @ApiProperty({ description: 'Has a German parent company' }) @IsBoolean(yesNo) germanParent!: boolean;

  // Added with catalogue 2026.2: optional (an absent value is read as the field's default by the rules).
  @ApiPropertyOptional({ enum: O.importer })
  @IsOptional()
  @IsIn(O.importer, oneOf(O.importer))
  importer?: (typeof O.importer)[number];
  @ApiPropertyOptional({ enum: O.exporter })
  @IsOptional()
  @IsIn(O.exporter, oneOf(O.exporter))
  exporter?: (typeof O.exporter)[number];
  @ApiPropertyOptional({
    enum: O.customsDirectUnregistered,
    description: 'Not registered with customs, but directly involved in import/export business',
  })
  @IsOptional()
  @IsIn(O.customsDirectUnregistered, oneOf(O.customsDirectUnregistered))
  customsDirectUnregistered?: (typeof O.customsDirectUnregistered)[number];
  @ApiPropertyOptional({ enum: O.piProcessedVolume })
  @IsOptional()
  @IsIn(O.piProcessedVolume, oneOf(O.piProcessedVolume))
  piProcessedVolume?: (typeof O.piProcessedVolume)[number];
  @ApiPropertyOptional({ enum: O.crossBorderPiVolume })
  @IsOptional()
  @IsIn(O.crossBorderPiVolume, oneOf(O.crossBorderPiVolume))
  crossBorderPiVolume?: (typeof O.crossBorderPiVolume)[number];
  @ApiPropertyOptional({ enum: O.crossBorderSensitivePiVolume })
  @IsOptional()
  @IsIn(O.crossBorderSensitivePiVolume, oneOf(O.crossBorderSensitivePiVolume))
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
