import { ApiProperty } from '@nestjs/swagger';
import type {
  CatalogueDiff,
  ItemChange,
  ListDiff,
  OptionField,
  QuestionChange,
  QuestionField,
  QuestionRename,
} from '@scs/shared/catalogue';

// OpenAPI description of CatalogueDiff; the shared interface is the type, these classes only document it.

class ItemChangeDto implements ItemChange<string> {
  @ApiProperty() id!: string;
  @ApiProperty({ type: [String], description: 'Names of the changed fields' }) fields!: string[];
}

class ListDiffDto implements ListDiff<string> {
  @ApiProperty({ type: [String] }) added!: string[];
  @ApiProperty({ type: [String] }) removed!: string[];
  @ApiProperty({ type: [ItemChangeDto] }) changed!: ItemChangeDto[];
}

class QuestionChangeDto implements QuestionChange {
  @ApiProperty() id!: string;
  @ApiProperty({ required: false, description: 'The id in the older version when renamed through the idMap' })
  from?: string;
  @ApiProperty({ type: [String], example: ['options', 'text', 'weight'] }) fields!: QuestionField[];
  @ApiProperty({ type: ListDiffDto, description: 'Option-level changes when fields includes "options"' })
  options!: ListDiff<OptionField>;
}

class QuestionRenameDto implements QuestionRename {
  @ApiProperty({ example: 'D1' }) from!: string;
  @ApiProperty({ example: 'X1' }) to!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Renamed options, old id → new id',
  })
  options!: Record<string, string>;
}

class QuestionsDiffDto {
  @ApiProperty({ type: [String] }) added!: string[];
  @ApiProperty({ type: [String] }) removed!: string[];
  @ApiProperty({ type: [QuestionChangeDto] }) changed!: QuestionChangeDto[];
  @ApiProperty({ type: [QuestionRenameDto], description: "Questions renamed through the newer version's idMap" })
  renamed!: QuestionRenameDto[];
}

export class CatalogueDiffDto implements CatalogueDiff {
  @ApiProperty({ example: '2026.1' }) from!: string;
  @ApiProperty({ example: '2026.2' }) to!: string;
  @ApiProperty({ type: [String], description: 'Changed settings: title, effectiveFrom, weights, levels, severities' })
  settings!: string[];
  @ApiProperty({ type: ListDiffDto }) dimensions!: ListDiffDto;
  @ApiProperty({ type: ListDiffDto }) portals!: ListDiffDto;
  @ApiProperty({ type: ListDiffDto }) references!: ListDiffDto;
  @ApiProperty({ type: QuestionsDiffDto }) questions!: QuestionsDiffDto;
  @ApiProperty({ type: ListDiffDto }) recordTypes!: ListDiffDto;
}
