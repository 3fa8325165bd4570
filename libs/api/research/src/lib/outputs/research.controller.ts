import { Controller, Get, Param, ParseEnumPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Authenticated,
  type AuthUser,
  CurrentOrg,
  CurrentUser,
  FIRM_ROLES,
  OrgAccess,
  type OrgContext,
  PlatformAdmin,
  NotFoundError,
} from '@scs/api/core';
import {
  PREDEFINED_TABLES,
  type DisclosedTable,
  type PeerBenchmark,
  type PredefinedTableId,
  type ResearchModule,
} from '@scs/shared/disclosure';
import {
  CodebookQueryDto,
  ExportLogQueryDto,
  MicrodataQueryDto,
  TableCodebookQueryDto,
  TableQueryDto,
} from '../dto/research-query.dto';
import { RESEARCH_MODULES, researchModuleFor } from '../questionnaire/research-module.2026.1';
import { ResearchService, type DatasetSummary, type ExportLogView, type TableCatalogueEntry } from './research.service';

const TABLE_IDS = PREDEFINED_TABLES.map((p) => p.id) as PredefinedTableId[];
const RESEARCHER = () => OrgAccess(['researcher'], { kind: 'research' });
const TableId = Object.fromEntries(TABLE_IDS.map((id) => [id, id])) as Record<string, PredefinedTableId>;

/** Researchers (role researcher in a research organisation): predefined, disclosure-controlled outputs only. */
@ApiTags('research')
@ApiParam({ name: 'orgId', format: 'uuid', description: 'The research organisation' })
@Controller('research/:orgId')
export class ResearchController {
  constructor(private readonly research: ResearchService) {}

  @Get('summary')
  @RESEARCHER()
  @ApiOperation({ summary: 'Number of firms and waves available (closed waves only)' })
  summary(): Promise<DatasetSummary> {
    return this.research.datasetSummary();
  }

  @Get('tables')
  @RESEARCHER()
  @ApiOperation({ summary: 'The predefined tables with the waves (and questions) they can be shown for' })
  tables(): Promise<TableCatalogueEntry[]> {
    return this.research.tableCatalogue();
  }

  @Get('tables/:table')
  @RESEARCHER()
  @ApiParam({ name: 'table', enum: TABLE_IDS })
  @ApiOperation({ summary: 'One predefined table ("." = suppressed, "<3" = 1 or 2 firms); logged' })
  table(
    @CurrentUser() user: AuthUser,
    @CurrentOrg() org: OrgContext,
    @Param('table', new ParseEnumPipe(TableId)) tableId: PredefinedTableId,
    @Query() query: TableQueryDto,
  ): Promise<DisclosedTable> {
    return this.research.viewTable({ user, orgId: org.orgId }, tableId, query);
  }

  @Get('tables/:table/csv')
  @RESEARCHER()
  @ApiParam({ name: 'table', enum: TABLE_IDS })
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'A predefined table as CSV (RFC 4180, comma, "." decimal point, UTF-8); logged' })
  async tableCsv(
    @CurrentUser() user: AuthUser,
    @CurrentOrg() org: OrgContext,
    @Param('table', new ParseEnumPipe(TableId)) tableId: PredefinedTableId,
    @Query() query: TableQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { filename, body } = await this.research.tableAsCsv({ user, orgId: org.orgId }, tableId, query);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    return body;
  }

  @Get('tables/:table/codebook')
  @RESEARCHER()
  @ApiParam({ name: 'table', enum: TABLE_IDS })
  @ApiProduces('application/json', 'text/html', 'application/xml', 'text/plain')
  @ApiOperation({
    summary:
      "Codebook of a table's CSV (columns incl. each mean's n, SD and 95 % CI): JSON, HTML, DDI-Codebook 2.6 XML, or a Stata / R script that reads the CSV with its labels; logged",
  })
  async tableCodebook(
    @CurrentUser() user: AuthUser,
    @CurrentOrg() org: OrgContext,
    @Param('table', new ParseEnumPipe(TableId)) tableId: PredefinedTableId,
    @Query() query: TableCodebookQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const out = await this.research.tableCodebook({ user, orgId: org.orgId }, tableId, query);
    res.setHeader('content-type', out.contentType);
    if (query.format === 'stata' || query.format === 'r')
      res.setHeader('content-disposition', `attachment; filename="${out.filename}"`);
    else if (query.format && query.format !== 'json')
      res.setHeader('content-disposition', `inline; filename="${out.filename}"`);
    return out.body;
  }

  @Get('microdata.csv')
  @RESEARCHER()
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      'Microdata (quasi-identifiers generalised to k-anonymity per release, rare answers top-coded; the researcher may coarsen or leave out variables), streamed; logged',
  })
  microdata(
    @CurrentUser() user: AuthUser,
    @CurrentOrg() org: OrgContext,
    @Query() query: MicrodataQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    return this.research.streamMicrodata({ user, orgId: org.orgId }, res, query.waves, query);
  }

  @Get('codebook')
  @RESEARCHER()
  @ApiProduces('application/json', 'text/html', 'application/xml', 'text/plain')
  @ApiOperation({
    summary:
      'Codebook of the microdata: JSON, readable HTML, DDI-Codebook 2.6 XML, or a Stata / R script that reads microdata.csv with its labels and missing codes; logged',
  })
  async codebook(
    @CurrentUser() user: AuthUser,
    @CurrentOrg() org: OrgContext,
    @Query() query: CodebookQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const format = query.format ?? 'json';
    const out = await this.research.codebook({ user, orgId: org.orgId }, format, query.waves, query, query.lang);
    res.setHeader('content-type', out.contentType);
    // Scripts are saved next to the CSV; the codebook files can be opened in the browser.
    if (format === 'stata' || format === 'r')
      res.setHeader('content-disposition', `attachment; filename="${out.filename}"`);
    else if (format !== 'json') res.setHeader('content-disposition', `inline; filename="${out.filename}"`);
    return out.body;
  }
}

/** The research module (any signed-in user), the firms' peer benchmark, and the export log for platform admins. */
@ApiTags('research')
@Controller()
export class FirmResearchController {
  constructor(private readonly research: ResearchService) {}

  @Get('research-module')
  @Authenticated()
  @ApiOperation({
    summary:
      'The optional research module (unscored, asked only of firms that consented); ?catalogueVersion= for an older one',
  })
  module(@Query('catalogueVersion') version?: string): ResearchModule {
    const found = version ? researchModuleFor(version) : RESEARCH_MODULES.at(-1);
    if (!found) throw new NotFoundError('errors.research.noModuleFor', { version: version ?? '' });
    return found;
  }

  @Get('orgs/:orgId/peer-benchmark')
  @OrgAccess(FIRM_ROLES, { kind: 'firm' })
  @ApiParam({ name: 'orgId', format: 'uuid' })
  @ApiOperation({
    summary:
      '"Firms like yours": mean score per dimension of consenting firms of the same sector group and of the same size band (latest closed wave), or { available: false, reason }',
  })
  peerBenchmark(@CurrentOrg() org: OrgContext): Promise<PeerBenchmark> {
    return this.research.peerBenchmark(org.orgId);
  }

  @Get('admin/research-exports')
  @PlatformAdmin()
  @ApiOperation({ summary: 'Every research export (who, what, parameters, when, rows), newest first' })
  @ApiOkResponse({ description: 'Export log entries' })
  exports(@Query() query: ExportLogQueryDto): Promise<ExportLogView[]> {
    return this.research.exportLog(query.limit, query.before);
  }
}
