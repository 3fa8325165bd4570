import { msg } from '@scs/api/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const WAVE = /^\d{4}-H[12]$/;
const WAVES = /^\d{4}-H[12](,\d{4}-H[12])*$/;

export class TableQueryDto {
  @ApiPropertyOptional({
    description: 'Wave, e.g. 2026-H1 (default: the latest closed wave); for wave-change the later wave',
    example: '2026-H1',
  })
  @IsOptional()
  @Matches(WAVE, msg('validation.wave.format'))
  wave?: string;

  @ApiPropertyOptional({ description: 'wave-change only: the earlier wave (default: the wave before `wave`)' })
  @IsOptional()
  @Matches(WAVE, msg('validation.wave.formatFrom'))
  from?: string;

  @ApiPropertyOptional({
    description: 'answers-by-legal-form only: <catalogueVersion>:<variable>, e.g. 2026.1:T1 or 2026.1:rm.awareness',
    example: '2026.1:T1',
  })
  @IsOptional()
  @Matches(/^\d{4}\.\d+:[A-Za-z0-9_.]{1,80}$/, msg('validation.variable.format'))
  variable?: string;

  @ApiPropertyOptional({ enum: ['en', 'de'], description: 'Language of labels in CSV' })
  @IsOptional()
  @IsIn(['en', 'de'])
  lang?: 'en' | 'de';
}

export class WavesQueryDto {
  @ApiPropertyOptional({
    description: 'Comma-separated waves (default: every closed wave)',
    example: '2025-H2,2026-H1',
  })
  @IsOptional()
  @Matches(WAVES, msg('validation.waves.format'))
  waves?: string;
}

/** The researcher's choice of variables within the k guarantee (docs/privacy.md, "Microdata"). */
export class MicrodataQueryDto extends WavesQueryDto {
  @ApiPropertyOptional({
    description:
      'Per quasi-identifier (sector, province, size, legalForm, activities) exact, grouped or dropped; never finer than the release (400). Default: as released',
    example: 'sector:grouped,size:dropped',
  })
  @IsOptional()
  @Matches(/^[a-zA-Z]+:[a-z]+(,[a-zA-Z]+:[a-z]+){0,4}$/, {
    message: 'must be like sector:grouped,size:dropped',
  })
  qi?: string;
  @ApiPropertyOptional({
    description: 'Variable groups to leave out (scores, answers, module), comma-separated',
    example: 'module',
  })
  @IsOptional()
  @Matches(/^(scores|answers|module)(,(scores|answers|module)){0,2}$/, {
    message: 'must be a comma-separated list of scores, answers, module',
  })
  omit?: string;
}

const CODEBOOK_FORMATS = ['json', 'html', 'ddi', 'stata', 'r'] as const;

export class CodebookQueryDto extends MicrodataQueryDto {
  @ApiPropertyOptional({
    enum: CODEBOOK_FORMATS,
    default: 'json',
    description: 'json, html, ddi (DDI-Codebook 2.6 XML), stata (.do reading microdata.csv), r (.R reading it)',
  })
  @IsOptional()
  @IsIn(CODEBOOK_FORMATS)
  format?: (typeof CODEBOOK_FORMATS)[number];

  @ApiPropertyOptional({ enum: ['en', 'de'], description: 'Language of the labels in the Stata and R scripts' })
  @IsOptional()
  @IsIn(['en', 'de'])
  lang?: 'en' | 'de';
}

export class ExportLogQueryDto {
  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
  @ApiPropertyOptional({ description: 'Entries with a smaller id (paging)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  before?: number;
}

/** The codebook of one table's CSV (tables/:table/codebook). */
export class TableCodebookQueryDto extends TableQueryDto {
  @ApiPropertyOptional({
    enum: CODEBOOK_FORMATS,
    default: 'json',
    description: 'json, html, ddi (DDI-Codebook 2.6 XML), stata (.do reading the table CSV), r (.R reading it)',
  })
  @IsOptional()
  @IsIn(CODEBOOK_FORMATS)
  format?: (typeof CODEBOOK_FORMATS)[number];
}
