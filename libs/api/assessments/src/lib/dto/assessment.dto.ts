import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FirmProfile } from '@scs/shared/catalogue';
import type { ScoreResult } from '@scs/shared/scoring';

export const NOTE_MAX = 2000;

export class StartAssessmentDto {
  @ApiPropertyOptional({ description: 'Re-assess: pre-fill from this submitted assessment of the same firm' })
  @IsOptional()
  @IsUUID('4', { message: 'previousId must be an assessment id' })
  previousId?: string;
}

export class AnswerInputDto {
  @ApiProperty({ example: 'T1' })
  @IsString()
  @Matches(/^[A-Z][0-9]{1,2}$/, { message: 'questionId must look like T1' })
  questionId!: string;

  @ApiProperty({ nullable: true, description: "Option id, 'dont_know', or null to clear the answer" })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(64)
  optionId!: string | null;

  @ApiPropertyOptional({ maxLength: NOTE_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX, { message: `note must be at most ${NOTE_MAX} characters` })
  note?: string;

  @ApiProperty({ description: 'The revision this answer was based on (0 for a new answer)' })
  @IsInt()
  @Min(0)
  baseRevision!: number;
}

export class SaveAnswersDto {
  @ApiProperty({ type: [AnswerInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AnswerInputDto)
  answers!: AnswerInputDto[];
}

export class UpdateSnapshotProfileDto {
  @ApiProperty({ description: 'Profile fields to change inside this draft (applicability is re-evaluated)', type: 'object', additionalProperties: true })
  @IsObject({ message: 'profile must be an object' })
  profile!: Partial<FirmProfile>;
}

export class ResearchAnswersDto {
  @ApiProperty({ description: 'Research module answers: question id → option code(s)', type: 'object', additionalProperties: true })
  @IsObject({ message: 'answers must be an object' })
  answers!: Record<string, string | string[]>;
}

export interface AnswerView {
  questionId: string;
  optionId: string | null;
  note: string | null;
  revision: number;
  updatedBy: string;
  updatedByName?: string | null;
  updatedAt: string;
}

export interface AssessmentSummary {
  id: string;
  status: 'draft' | 'submitted';
  catalogueVersion: string;
  createdAt: string;
  submittedAt: string | null;
  overallScore: number | null;
  level: string | null;
  previousId: string | null;
  answered: number;
}

export interface AssessmentView extends AssessmentSummary {
  orgId: string;
  profile: FirmProfile;
  answers: AnswerView[];
  changedQuestions: string[];
  result: ScoreResult | null;
}

export interface SaveAnswersResult {
  saved: { questionId: string; revision: number }[];
}

export interface AnswerConflict {
  questionId: string;
  yourBaseRevision: number;
  current: AnswerView | null;
}

export interface ComparisonView {
  from: { id: string; submittedAt: string | null; overallScore: number | null; level: string | null; catalogueVersion: string };
  to: { id: string; submittedAt: string | null; overallScore: number | null; level: string | null; catalogueVersion: string };
  dimensions: { dimensionId: string; code: string; from: number | null; to: number | null; change: number | null }[];
  findings: { resolved: FindingRef[]; new: FindingRef[]; unchanged: FindingRef[] };
}

export interface FindingRef {
  questionId: string;
  optionId: string;
  dimensionId: string;
  severity: string;
  kind: 'exposure' | 'verify';
}

export const STATUS_VALUES = ['draft', 'submitted'] as const;
export class ListQueryDto {
  @IsOptional()
  @IsIn(STATUS_VALUES)
  status?: (typeof STATUS_VALUES)[number];
}
