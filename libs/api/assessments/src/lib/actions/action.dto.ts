import { msg } from '@scs/api/core';
import { ACTION_STATUSES, NOTE_MAX, type CreateActionInput, type UpdateActionInput } from '@scs/shared/contracts';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';

export { ACTION_STATUSES };

export class CreateActionDto implements CreateActionInput {
  @ApiProperty({ maxLength: 300 })
  @IsString()
  @IsNotEmpty(msg('validation.actionTitle.required'))
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional({ description: 'The finding this action addresses (question id)' })
  @IsOptional()
  @Matches(/^[A-Z][0-9]{1,2}$/, msg('validation.questionId.format'))
  questionId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  optionId?: string;

  @ApiPropertyOptional({ description: 'Assessment the finding came from' })
  @IsOptional()
  @IsUUID('4')
  assessmentId?: string;

  @ApiPropertyOptional({ nullable: true, description: 'A member of the firm' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID('4', msg('validation.ownerUserId.uuid'))
  ownerUserId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2026-12-31' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsISO8601({ strict: true }, msg('validation.dueDate.date'))
  @Matches(/^\d{4}-\d{2}-\d{2}$/, msg('validation.dueDate.date'))
  dueDate?: string | null;

  @ApiPropertyOptional({ enum: ACTION_STATUSES })
  @IsOptional()
  @IsIn(ACTION_STATUSES, msg('validation.status.oneOf'))
  status?: (typeof ACTION_STATUSES)[number];

  @ApiPropertyOptional({ maxLength: NOTE_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX)
  note?: string;
}

export class UpdateActionDto implements UpdateActionInput {
  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @IsNotEmpty(msg('validation.actionTitle.required'))
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID('4', msg('validation.ownerUserId.uuid'))
  ownerUserId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsISO8601({ strict: true }, msg('validation.dueDate.date'))
  @Matches(/^\d{4}-\d{2}-\d{2}$/, msg('validation.dueDate.date'))
  dueDate?: string | null;

  @ApiPropertyOptional({ enum: ACTION_STATUSES })
  @IsOptional()
  @IsIn(ACTION_STATUSES, msg('validation.status.oneOf'))
  status?: (typeof ACTION_STATUSES)[number];

  @ApiPropertyOptional({ maxLength: NOTE_MAX, nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(NOTE_MAX)
  note?: string | null;
}

export class ListActionsQuery {
  @ApiPropertyOptional({ enum: ACTION_STATUSES })
  @IsOptional()
  @IsIn(ACTION_STATUSES, msg('validation.status.oneOf'))
  status?: (typeof ACTION_STATUSES)[number];

  @ApiPropertyOptional({ description: 'Only actions past their due date and not done' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  overdue?: boolean;
}

export type { ActionView } from '@scs/shared/contracts';
