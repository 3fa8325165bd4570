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

export class CodebookQueryDto extends WavesQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'html', 'ddi'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'html', 'ddi'])
  format?: 'json' | 'html' | 'ddi';
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
