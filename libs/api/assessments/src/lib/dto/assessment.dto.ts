import { msg } from '@scs/api/core';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isPlainObject, registerFastCheck } from '@scs/api/core';
import type { FirmProfile } from '@scs/shared/catalogue';
import {
  DONT_KNOW,
  OPTION_ID_MAX,
  RECORDS_MAX,
  RECORD_NOTE_MAX,
  RECORD_STATUSES,
  type AdverseRecord,
  type AnswerInput,
  type RecordStatus,
} from '@scs/shared/answers';
import { NOTE_MAX } from '@scs/shared/contracts';

export { NOTE_MAX };

export class StartAssessmentDto {
  @ApiPropertyOptional({ description: 'Re-assess: pre-fill from this submitted assessment of the same firm' })
  @IsOptional()
  @IsUUID('4', msg('validation.previousId.uuid'))
  previousId?: string;
}

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const QUESTION_ID_RE = /^[A-Z][0-9]{1,2}$/;

/**
 * One dated adverse record (@scs/shared/answers `AdverseRecord`). The shape is checked here; the month range
 * (1990-01 to the current month) and the tier (one of the record type's tiers) are checked against the catalogue
 * by `answerProblem` in the service, with the field named (e.g. `records[0].tier`).
 */
export class AdverseRecordDto implements AdverseRecord {
  @ApiProperty({ example: '2025-10', description: "Decision month 'YYYY-MM'" })
  @IsString(msg('validation.decided.month'))
  @Matches(MONTH_RE, msg('validation.decided.month'))
  decided!: string;

  @ApiProperty({
    nullable: true,
    example: 'moderate',
    description: "A tier id of the question's record type; null for an untiered type",
  })
  @ValidateIf((_, v) => v !== null)
  @IsString(msg('validation.tier.format'))
  @MaxLength(OPTION_ID_MAX)
  tier!: string | null;

  @ApiProperty({ enum: RECORD_STATUSES })
  @IsIn(RECORD_STATUSES, msg('validation.status.oneOf'))
  status!: RecordStatus;

  @ApiPropertyOptional({ example: '2026-03', description: "'YYYY-MM' when repaired, removed or ended" })
  @IsOptional()
  @IsString(msg('validation.statusDate.month'))
  @Matches(MONTH_RE, msg('validation.statusDate.month'))
  statusDate?: string;

  @ApiPropertyOptional({ maxLength: RECORD_NOTE_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(RECORD_NOTE_MAX, msg('validation.note.max'))
  note?: string;
}

/** Validates one `AnswerInput` (@scs/shared/answers); the check against the catalogue is `answerProblem`. */
export class AnswerInputDto implements AnswerInput {
  @ApiProperty({ example: 'T1' })
  @IsString()
  @Matches(QUESTION_ID_RE, msg('validation.questionId.format'))
  questionId!: string;

  @ApiProperty({ nullable: true, description: `Option id, '${DONT_KNOW}', or null to clear the answer` })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(OPTION_ID_MAX)
  optionId!: string | null;

  @ApiPropertyOptional({
    type: [AdverseRecordDto],
    nullable: true,
    maxItems: RECORDS_MAX,
    description: 'Dated adverse records (then optionId is null); [] = no such record',
  })
  @IsOptional()
  @IsArray(msg('validation.records.array'))
  @ArrayMaxSize(RECORDS_MAX, msg('validation.records.max'))
  @ValidateNested({ each: true })
  @Type(() => AdverseRecordDto)
  records?: AdverseRecordDto[] | null;

  @ApiPropertyOptional({ maxLength: NOTE_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX, msg('validation.note.max'))
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

const FAST_ANSWER_KEYS = new Set(['questionId', 'optionId', 'baseRevision', 'note']);

/**
 * The autosave body in its common shape (answers with an option or null, a revision and maybe a note; no records) is
 * accepted without class-validator when it certainly satisfies the rules above; anything else, records included,
 * takes the full validation. (A string within `.length` is within class-validator's MaxLength, which counts less.)
 */
registerFastCheck(SaveAnswersDto, (value) => {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  const list = value['answers'];
  if (keys.length !== 1 || !Array.isArray(list) || list.length < 1 || list.length > 200) return undefined;
  const answers: AnswerInputDto[] = [];
  for (const x of list as unknown[]) {
    if (!isPlainObject(x) || Object.keys(x).some((k) => !FAST_ANSWER_KEYS.has(k))) return undefined;
    const { questionId, optionId, baseRevision, note } = x;
    if (typeof questionId !== 'string' || !QUESTION_ID_RE.test(questionId)) return undefined;
    if (optionId !== null && (typeof optionId !== 'string' || optionId.length > OPTION_ID_MAX)) return undefined;
    if (typeof baseRevision !== 'number' || !Number.isInteger(baseRevision) || baseRevision < 0) return undefined;
    if (note !== undefined && (typeof note !== 'string' || note.length > NOTE_MAX)) return undefined;
    answers.push(
      Object.assign(new AnswerInputDto(), { questionId, optionId, baseRevision }, note === undefined ? {} : { note }),
    );
  }
  return Object.assign(new SaveAnswersDto(), { answers });
});

export class UpdateSnapshotProfileDto {
  @ApiProperty({
    description: 'Profile fields to change inside this draft (applicability is re-evaluated)',
    type: 'object',
    additionalProperties: true,
  })
  @IsObject(msg('validation.profile.object'))
  profile!: Partial<FirmProfile>;
}

export class ResearchAnswersDto {
  @ApiProperty({
    description: 'Research module answers: question id → option code(s)',
    type: 'object',
    additionalProperties: true,
  })
  @IsObject(msg('validation.answers.object'))
  answers!: Record<string, string | string[]>;
}

export class ResearchAnswersView {
  @ApiProperty({ description: 'The catalogue version of the assessment (= the research module version asked)' })
  catalogueVersion!: string;
  @ApiProperty({
    description: 'Research module answers: question id → option code(s)',
    type: 'object',
    additionalProperties: true,
  })
  answers!: Record<string, string | string[]>;
}

export type {
  AnswerConflict,
  AnswerView,
  AssessmentSummary,
  AssessmentView,
  ComparisonView,
  FindingRef,
  RepairActionsResult,
  RepairPlanView,
  SaveAnswersResult,
  SinceLastView,
} from '@scs/shared/contracts';

export const STATUS_VALUES = ['draft', 'submitted'] as const;
export class ListQueryDto {
  @IsOptional()
  @IsIn(STATUS_VALUES)
  status?: (typeof STATUS_VALUES)[number];
}
