import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FirmProfile } from '@scs/shared/catalogue';
import { DONT_KNOW, OPTION_ID_MAX, type AnswerInput } from '@scs/shared/answers';

export const NOTE_MAX = 2000;

export class StartAssessmentDto {
  @ApiPropertyOptional({ description: 'Re-assess: pre-fill from this submitted assessment of the same firm' })
  @IsOptional()
  @IsUUID('4', { message: 'previousId must be an assessment id' })
  previousId?: string;
}

/** Validates one `AnswerInput` (@scs/shared/answers); the check against the catalogue is `answerProblem`. */
export class AnswerInputDto implements AnswerInput {
  @ApiProperty({ example: 'T1' })
  @IsString()
  @Matches(/^[A-Z][0-9]{1,2}$/, { message: 'questionId must look like T1' })
  questionId!: string;

  @ApiProperty({ nullable: true, description: `Option id, '${DONT_KNOW}', or null to clear the answer` })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(OPTION_ID_MAX)
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

export type {
  AnswerConflict,
  AnswerView,
  AssessmentSummary,
  AssessmentView,
  ComparisonView,
  FindingRef,
  SaveAnswersResult,
} from '@scs/shared/contracts';

export const STATUS_VALUES = ['draft', 'submitted'] as const;
export class ListQueryDto {
  @IsOptional()
  @IsIn(STATUS_VALUES)
  status?: (typeof STATUS_VALUES)[number];
}
