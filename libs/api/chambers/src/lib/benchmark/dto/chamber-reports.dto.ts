import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { oneOfLabels } from '@scs/api/core';
import { REPORT_LOCALE_LABELS } from '@scs/api/reports';
import type {
  AggregateTable,
  DistributionView,
  LocalText,
  MemberAggregatesView,
  MemberRelease,
  PlatformBenchmark,
  ReleaseNoiseRule,
  ChamberReportLocale,
} from '@scs/shared/contracts';

const LOCALES: ChamberReportLocale[] = ['en', 'de'];

/** Language of a chamber report; the chamber's default report language when left out. */
export class ChamberReportLanguageDto {
  @ApiPropertyOptional({ enum: LOCALES, description: "Defaults to the chamber's report language (branding)" })
  @IsOptional()
  @IsIn(LOCALES, oneOfLabels({ en: REPORT_LOCALE_LABELS.en, de: REPORT_LOCALE_LABELS.de }))
  locale?: ChamberReportLocale;
}

export class MemberAggregatesResponse implements MemberAggregatesView {
  @ApiProperty({ format: 'uuid' }) chamberId!: string;
  @ApiProperty({ description: 'Smallest number of firms behind any published figure' }) k!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Members counted (null when fewer than k)' }) firms!:
    | number
    | null;
  @ApiProperty({ description: 'False when fewer than k members share results: every cell is suppressed' })
  published!: boolean;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'level-by-sector, means-by-size, means-by-sector, frequent-findings; suppressed cells have display "." and value null',
  })
  tables!: AggregateTable[];
  @ApiProperty({ format: 'date-time' }) computedAt!: string;
  @ApiProperty({ enum: ['published', 'not_enough_members'] }) status!: 'published' | 'not_enough_members';
  @ApiProperty({
    nullable: true,
    type: Object,
    description: 'The release served: closed quarter, version, members counted, publication time',
  })
  release!: MemberRelease | null;
  @ApiProperty({ description: 'The quarter still running (changes reach the next release)' }) collecting!: string;
  @ApiProperty({
    type: Object,
    description: 'Public release rule: score band width, count rounding base, the noise the release was cut with',
  })
  coarsening!: { scoreBand: number; countBase: number; noise: ReleaseNoiseRule | null };
  @ApiProperty({ nullable: true, type: Object, description: '"Not enough members yet" explanation (en/de)' })
  message!: LocalText | null;
  @ApiProperty({
    nullable: true,
    type: Object,
    description: 'Platform-wide comparison while the chamber has no release',
  })
  platform!: PlatformBenchmark | null;
}

export class DistributionResponse implements DistributionView {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() started!: boolean;
  @ApiProperty({ nullable: true, enum: LOCALES }) locale!: ChamberReportLocale | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) startedAt!: string | null;
  @ApiProperty({ description: 'Member firms of the campaign' }) total!: number;
  @ApiProperty({ description: 'Finished: report prepared, or nothing to prepare' }) done!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() pending!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Reports prepared; null when it would reveal the status of firms that do not share it',
  })
  prepared!: number | null;
  @ApiProperty() finished!: boolean;
}
