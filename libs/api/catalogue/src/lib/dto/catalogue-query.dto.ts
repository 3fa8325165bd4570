import { msg } from '@scs/api/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { READ_LOCALES, type ReadLocale } from '@scs/shared/catalogue';
import { IsIn, IsOptional, Matches } from 'class-validator';

const VERSION = /^[0-9]{4}\.[0-9]+$/;

export class CatalogueQueryDto {
  @ApiPropertyOptional({ enum: READ_LOCALES, description: 'Language of the texts; overrides Accept-Language' })
  @IsOptional()
  @IsIn(READ_LOCALES)
  lang?: ReadLocale;
}

export class CatalogueDiffQueryDto {
  @ApiProperty({ example: '2026.1', description: 'Older version' })
  @Matches(VERSION, msg('validation.from.version'))
  from!: string;

  @ApiProperty({ example: '2026.2', description: 'Newer version' })
  @Matches(VERSION, msg('validation.to.version'))
  to!: string;
}
