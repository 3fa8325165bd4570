import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { LocalisedText } from '@scs/api/core';
import type { RenderingView, ReportKind, ReportLocale, ReportStatus, ReportView } from '@scs/shared/contracts';

export const REPORT_LOCALES: ReportLocale[] = ['en', 'de', 'zh'];
/** The report languages in the user's words, for "choose one of" messages. */
export const REPORT_LOCALE_LABELS: Readonly<Record<ReportLocale, LocalisedText>> = {
  en: { en: 'English', de: 'Englisch', zh: '英文' },
  de: { en: 'German', de: 'Deutsch', zh: '德文' },
  zh: { en: 'Simplified Chinese', de: 'Vereinfachtes Chinesisch', zh: '简体中文' },
};

export class CreateReportDto {
  @ApiProperty({ enum: REPORT_LOCALES, description: 'Language of the report' })
  @IsIn(REPORT_LOCALES, { message: 'locale must be "en", "de" or "zh"' })
  locale!: ReportLocale;
}

export class ReportResponse implements ReportView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) assessmentId!: string | null;
  @ApiProperty({
    description: 'Registered report kind: assessment, prepared_assessment (prepared by a chamber), chamber_benchmark',
    example: 'assessment',
  })
  kind!: ReportKind;
  @ApiProperty({ enum: REPORT_LOCALES }) locale!: ReportLocale;
  @ApiProperty({ enum: ['queued', 'rendering', 'done', 'failed'] }) status!: ReportStatus;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Why rendering failed (status failed), or why the last attempt failed while a retry is queued',
  })
  error!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'SHA-256 (hex) of the PDF' }) sha256!:
    | string
    | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) bytes!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) pages!: number | null;
  @ApiProperty({ description: 'Rendering attempts so far' }) attempts!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Object,
    description: 'The chamber that prepared this report for the firm with its branding: { orgId, name }',
  })
  preparedBy?: { orgId: string; name: string | null } | null;
}

export class RenderingResponse implements RenderingView {
  @ApiProperty({
    enum: ['available', 'unavailable', 'worker'],
    description: 'available; unavailable (no Chromium in this process); worker (rendered by worker processes)',
  })
  status!: RenderingView['status'];
  @ApiPropertyOptional({ type: String, description: 'Why rendering is unavailable and what to install' })
  reason?: string;
}
