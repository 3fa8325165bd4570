import { Controller, Get, Param } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { FIRM_ROLES, ResourceAccess, NotFoundError } from '@scs/api/core';

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

/**
 * The firm's own answers to the research module of one assessment (the write side is PUT
 * /assessments/:id/research-answers in the assessments feature, which stores them on the assessment). Read here by
 * plain SQL so that this feature does not depend on the assessments feature, which depends on it.
 */
@ApiTags('research')
@Controller()
export class ResearchAnswersController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('assessments/:id/research-answers')
  @ResourceAccess('assessment', FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({ summary: "The firm's answers to the optional, unscored research module of this assessment" })
  @ApiOkResponse({ type: ResearchAnswersView })
  @ApiNotFoundResponse({ description: 'No such assessment' })
  async answers(@Param('id') id: string): Promise<ResearchAnswersView> {
    const rows: { catalogue_version: string; research_answers: Record<string, string | string[]> | null }[] =
      await this.dataSource.query(`SELECT "catalogue_version", "research_answers" FROM "assessment" WHERE "id" = $1`, [
        id,
      ]);
    const row = rows[0];
    if (!row) throw new NotFoundError('errors.assessment.notFound');
    return { catalogueVersion: row.catalogue_version, answers: row.research_answers ?? {} };
  }
}
