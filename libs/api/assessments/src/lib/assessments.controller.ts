import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CurrentOrg,
  CurrentUser,
  FIRM_ROLES,
  OrgAccess,
  ResourceAccess,
  type AuthUser,
  type OrgContext,
} from '@scs/api/core';
import { AnswersService } from './answers/answers.service';
import { AssessmentsService, type ResultView } from './assessments.service';
import { ActionsService } from './actions/actions.service';
import { ExportService } from './export.service';
import {
  ResearchAnswersDto,
  ResearchAnswersView,
  SaveAnswersDto,
  StartAssessmentDto,
  UpdateSnapshotProfileDto,
  type AssessmentSummary,
  type AssessmentView,
  type ComparisonView,
  type RepairActionsResult,
  type RepairPlanView,
  type SaveAnswersResult,
} from './dto/assessment.dto';

@ApiTags('assessments')
@Controller()
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly answers: AnswersService,
    private readonly exports: ExportService,
    private readonly actions: ActionsService,
  ) {}

  @Get('orgs/:orgId/assessments')
  @OrgAccess(FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({ summary: "The firm's assessments, newest first" })
  list(@CurrentOrg() org: OrgContext): Promise<AssessmentSummary[]> {
    return this.assessments.list(org.orgId);
  }

  @Post('orgs/:orgId/assessments')
  @OrgAccess(FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({
    summary: 'Start a self-check (pinned to the current catalogue and profile); with previousId: re-assess, pre-filled',
  })
  @ApiUnprocessableEntityResponse({ description: 'The firm profile is incomplete' })
  start(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Body() dto: StartAssessmentDto,
  ): Promise<AssessmentView> {
    return this.assessments.start(org.orgId, user, dto.previousId);
  }

  @Get('assessments/:id')
  @ResourceAccess('assessment', FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({ summary: 'An assessment with its answers (and result once submitted)' })
  get(@Param('id') id: string): Promise<AssessmentView> {
    return this.assessments.get(id);
  }

  @Put('assessments/:id/answers')
  @ResourceAccess('assessment', FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({ summary: 'Autosave a batch of answers; each carries the revision it was based on' })
  @ApiConflictResponse({
    description: 'Submitted (read-only), or answers changed by someone else: body.conflicts lists the current values',
  })
  save(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: SaveAnswersDto,
  ): Promise<SaveAnswersResult> {
    return this.answers.saveAnswers(id, user, dto.answers);
  }

  @Patch('assessments/:id/profile')
  @ResourceAccess('assessment', FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({ summary: 'Change profile answers inside a draft; applicability is re-evaluated' })
  profile(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: UpdateSnapshotProfileDto,
  ): Promise<AssessmentView> {
    return this.assessments.updateProfile(id, user, dto.profile);
  }

  @Get('assessments/:id/research-answers')
  @ResourceAccess('assessment', FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({ summary: "The firm's answers to the optional, unscored research module of this assessment" })
  @ApiOkResponse({ type: ResearchAnswersView })
  @ApiNotFoundResponse({ description: 'No such assessment' })
  researchAnswers(@Param('id') id: string): Promise<ResearchAnswersView> {
    return this.answers.researchAnswers(id);
  }

  @Put('assessments/:id/research-answers')
  @ResourceAccess('assessment', FIRM_ROLES, { kind: 'firm' })
  @HttpCode(204)
  @ApiOperation({ summary: 'Answers to the optional, unscored research module (only used when the firm consented)' })
  research(@Param('id') id: string, @Body() dto: ResearchAnswersDto): Promise<void> {
    return this.answers.saveResearchAnswers(id, dto.answers);
  }

  @Post('assessments/:id/submit')
  @ResourceAccess('assessment', FIRM_ROLES, { kind: 'firm' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit: the server recomputes the score and freezes the assessment' })
  @ApiUnprocessableEntityResponse({ description: 'Applicable questions are unanswered (listed in body.unanswered)' })
  submit(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<AssessmentView> {
    return this.assessments.submit(id, user);
  }

  @Get('assessments/:id/result')
  @ResourceAccess('assessment', FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({ summary: 'The stored result of a submitted assessment' })
  result(@Param('id') id: string): Promise<ResultView> {
    return this.assessments.result(id);
  }

  @Get('assessments/:id/repair-plan')
  @ResourceAccess('assessment', FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({
    summary: 'Credit-repair plan and projected exposure (36 months), as of the submission date (a draft: today)',
  })
  async repairPlan(@Param('id') id: string): Promise<RepairPlanView> {
    const a = await this.assessments.find(id);
    const plan = await this.assessments.planOf(a);
    return { assessmentId: id, ...plan };
  }

  @Post('assessments/:id/repair-plan/actions')
  @ResourceAccess('assessment', FIRM_ROLES, { kind: 'firm' })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Turn the repair plan into dated actions (idempotent: existing ones are returned, not duplicated)',
  })
  async repairActions(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<RepairActionsResult> {
    const a = await this.assessments.find(id);
    const plan = await this.assessments.planOf(a);
    return this.actions.createFromRepairPlan(a.orgId, a.id, user, plan.repairPlan);
  }

  @Get('assessments/:id/compare/:otherId')
  @ResourceAccess('assessment', FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({
    summary:
      'Compare with another submitted assessment of the same firm: score change per dimension, findings resolved/new/unchanged',
  })
  compare(@Param('id') id: string, @Param('otherId') otherId: string): Promise<ComparisonView> {
    return this.assessments.compare(id, otherId);
  }

  @Get('assessments/:id/export.csv')
  @ResourceAccess('assessment', FIRM_ROLES, { kind: 'firm' })
  @ApiQuery({ name: 'lang', required: false, enum: ['en', 'de'] })
  @ApiOkResponse({ description: 'CSV (UTF-8 with BOM, semicolon-separated)' })
  async csv(
    @Param('id') id: string,
    @Query('lang') lang: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.exports.csv(id, lang === 'de' ? 'de' : 'en');
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    return new StreamableFile(file.content, { type: 'text/csv; charset=utf-8' });
  }

  @Get('assessments/:id/export.xlsx')
  @ResourceAccess('assessment', FIRM_ROLES, { kind: 'firm' })
  @ApiQuery({ name: 'lang', required: false, enum: ['en', 'de'] })
  @ApiOkResponse({ description: 'Excel workbook' })
  async xlsx(
    @Param('id') id: string,
    @Query('lang') lang: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.exports.xlsx(id, lang === 'de' ? 'de' : 'en');
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    return new StreamableFile(file.content, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  }
}
