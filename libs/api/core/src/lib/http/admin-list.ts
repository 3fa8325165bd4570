import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** The platform admin's paged lists (each served by the feature that owns the table). */
export const ADMIN_PAGE_MAX = 100;
export const ADMIN_PAGE_DESCRIPTION =
  'One page: { items, total, offset, limit } (query: offset, limit 1–100, q = search text)';

/** Paging and search of the admin lists: `offset`, `limit` (1–100, default 25) and `q` (part of a name, address …). */
export class AdminListQuery {
  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;

  @ApiPropertyOptional({ default: 25, maximum: ADMIN_PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ADMIN_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'Search text (case-insensitive, part of the shown fields)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/** One page of an admin list. */
export class AdminPage<T> {
  items!: T[];
  @ApiProperty({ description: 'Rows matching the search' }) total!: number;
  @ApiProperty() offset!: number;
  @ApiProperty() limit!: number;
}

/** `%text%` for ILIKE, with the pattern characters of the search text taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
