import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Ip,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  type AuthUser,
  CurrentOrg,
  CurrentUser,
  FileUpload,
  FIRM_ADMINS,
  FIRM_ROLES,
  OrgAccess,
  type OrgContext,
  type UploadedBytes,
} from '@scs/api/core';
import type {
  PartnerCheckView,
  PartnerDetailView,
  PartnerImportResult,
  PartnerView,
  VerificationView,
} from '@scs/shared/contracts';
import { CreatePartnerDto, ExportQuery, SendCheckDto, UpdatePartnerDto, VerificationDto } from './dto/partner.dto';
import { PartnerLinkService } from './partner-link.service';
import { PartnersService } from './partners.service';
import { contentDisposition } from './disposition';

const IMPORT_CAP = 2 * 1024 * 1024;
const firm = { kind: 'firm' as const };
const uuid = () => new ParseUUIDPipe();

@ApiTags('partners')
@ApiParam({ name: 'orgId', format: 'uuid' })
@Controller('orgs/:orgId/partners')
export class PartnersController {
  constructor(
    private readonly partners: PartnersService,
    private readonly links: PartnerLinkService,
  ) {}

  @Get()
  @OrgAccess(FIRM_ROLES, firm)
  @ApiOperation({ summary: "The firm's business partners with the state, level and red flags of their latest check" })
  list(@CurrentOrg() org: OrgContext): Promise<PartnerView[]> {
    return this.partners.list(org.orgId);
  }

  @Post()
  @OrgAccess(FIRM_ROLES, firm)
  @ApiOperation({ summary: 'Add a partner (USCC validated with its check character)' })
  create(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Body() dto: CreatePartnerDto,
    @Ip() ip: string,
  ): Promise<PartnerView> {
    return this.partners.create(org.orgId, dto, { userId: user.id, ip });
  }

  @Get('export')
  @OrgAccess(FIRM_ROLES, firm)
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The partner list with status as CSV (; separated, UTF-8 with BOM); never answers or evidence',
  })
  async exportCsv(@CurrentOrg() org: OrgContext, @Query() q: ExportQuery): Promise<StreamableFile> {
    const file = await this.partners.exportCsv(org.orgId, q.locale ?? 'de');
    return new StreamableFile(file.content, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${file.filename}"`,
      length: file.content.byteLength,
    });
  }

  @Post('import/preview')
  @OrgAccess(FIRM_ROLES, firm)
  @UseInterceptors(FileUpload('file', IMPORT_CAP, 'errors.partner.import.fileTooLarge'))
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('multipart/form-data')
  @ApiPayloadTooLargeResponse({ description: 'A file over 2 MB or more than 2,000 rows' })
  @ApiOperation({ summary: 'Read a CSV or XLSX partner list without storing it: the rows and the rejected rows' })
  preview(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: UploadedBytes | undefined,
    @Ip() ip: string,
  ): Promise<PartnerImportResult> {
    return this.partners.import(org.orgId, file?.buffer, true, { userId: user.id, ip });
  }

  @Post('import')
  @OrgAccess(FIRM_ROLES, firm)
  @UseInterceptors(FileUpload('file', IMPORT_CAP, 'errors.partner.import.fileTooLarge'))
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('multipart/form-data')
  @ApiPayloadTooLargeResponse({ description: 'A file over 2 MB or more than 2,000 rows' })
  @ApiOperation({
    summary:
      'Import a CSV or XLSX partner list (same reader as the chamber member import); partners already listed by USCC are skipped',
  })
  import(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: UploadedBytes | undefined,
    @Ip() ip: string,
  ): Promise<PartnerImportResult> {
    return this.partners.import(org.orgId, file?.buffer, false, { userId: user.id, ip });
  }

  @Get(':partnerId')
  @OrgAccess(FIRM_ROLES, firm)
  @ApiParam({ name: 'partnerId', format: 'uuid' })
  @ApiNotFoundResponse({ description: 'No such partner of this firm' })
  @ApiOperation({
    summary: 'A partner with its checks (answers, red flags, evidence list), own verifications and the questionnaire',
  })
  get(@CurrentOrg() org: OrgContext, @Param('partnerId', uuid()) id: string): Promise<PartnerDetailView> {
    return this.partners.get(org.orgId, id);
  }

  @Patch(':partnerId')
  @OrgAccess(FIRM_ROLES, firm)
  @ApiParam({ name: 'partnerId', format: 'uuid' })
  @ApiOperation({ summary: 'Change a partner (e.g. its contact or re-check interval)' })
  update(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('partnerId', uuid()) id: string,
    @Body() dto: UpdatePartnerDto,
    @Ip() ip: string,
  ): Promise<PartnerView> {
    return this.partners.update(org.orgId, id, dto, { userId: user.id, ip });
  }

  @Delete(':partnerId')
  @OrgAccess(FIRM_ADMINS, firm)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiParam({ name: 'partnerId', format: 'uuid' })
  @ApiOperation({ summary: 'Delete a partner with its checks, answers and evidence' })
  remove(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('partnerId', uuid()) id: string,
    @Ip() ip: string,
  ): Promise<void> {
    return this.partners.remove(org.orgId, id, { userId: user.id, ip });
  }

  @Post(':partnerId/checks')
  @OrgAccess(FIRM_ROLES, firm)
  @ApiParam({ name: 'partnerId', format: 'uuid' })
  @ApiOperation({
    summary:
      'Send a partner check link (login-free, bound to the address, 30 days by default); earlier open links stop working',
  })
  send(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('partnerId', uuid()) id: string,
    @Body() dto: SendCheckDto,
    @Ip() ip: string,
  ): Promise<PartnerCheckView> {
    return this.partners.sendCheck(org.orgId, id, dto, { userId: user.id, ip });
  }

  @Post(':partnerId/checks/:checkId/revoke')
  @OrgAccess(FIRM_ROLES, firm)
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'partnerId', format: 'uuid' })
  @ApiParam({ name: 'checkId', format: 'uuid' })
  @ApiOperation({ summary: 'Withdraw an unanswered link: it answers 410 from now on' })
  revoke(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('partnerId', uuid()) id: string,
    @Param('checkId', uuid()) checkId: string,
    @Ip() ip: string,
  ): Promise<PartnerCheckView> {
    return this.partners.revokeCheck(org.orgId, id, checkId, { userId: user.id, ip });
  }

  @Get(':partnerId/checks/:checkId/evidence/:evidenceId')
  @OrgAccess(FIRM_ROLES, firm)
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Content-Security-Policy', "default-src 'none'; sandbox")
  @Header('Cache-Control', 'no-store')
  @ApiParam({ name: 'partnerId', format: 'uuid' })
  @ApiParam({ name: 'checkId', format: 'uuid' })
  @ApiParam({ name: 'evidenceId', format: 'uuid' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOperation({ summary: 'Download a file the partner attached, as an attachment with its detected type' })
  async evidence(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('partnerId', uuid()) id: string,
    @Param('checkId', uuid()) checkId: string,
    @Param('evidenceId', uuid()) evidenceId: string,
    @Ip() ip: string,
  ): Promise<StreamableFile> {
    const e = await this.partners.evidenceFile(org.orgId, id, checkId, evidenceId, { userId: user.id, ip });
    return new StreamableFile(e.content, {
      type: e.contentType,
      disposition: contentDisposition(e.filename),
      length: e.content.byteLength,
    });
  }

  @Post(':partnerId/checks/:checkId/receipt')
  @OrgAccess(FIRM_ROLES, firm)
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'partnerId', format: 'uuid' })
  @ApiParam({ name: 'checkId', format: 'uuid' })
  @ApiOkResponse({
    description:
      'The report id of the receipt PDF (GET /api/reports/:id shows its status, GET /api/reports/:id/pdf downloads it)',
  })
  @ApiOperation({
    summary: "Request the partner's receipt PDF of an answered check (rendered once, in the partner's language)",
  })
  async receipt(
    @CurrentOrg() org: OrgContext,
    @Param('partnerId', uuid()) id: string,
    @Param('checkId', uuid()) checkId: string,
  ): Promise<{ reportId: string }> {
    const check = await this.partners.findCheck(org.orgId, id, checkId);
    return { reportId: await this.links.requestReceipt(org.orgId, check.id) };
  }

  @Post(':partnerId/verifications')
  @OrgAccess(FIRM_ROLES, firm)
  @ApiParam({ name: 'partnerId', format: 'uuid' })
  @ApiOperation({ summary: 'Record the firm\'s own look-up ("checked on Credit China on <date>: no entry")' })
  verify(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('partnerId', uuid()) id: string,
    @Body() dto: VerificationDto,
    @Ip() ip: string,
  ): Promise<VerificationView> {
    return this.partners.addVerification(org.orgId, id, dto, { userId: user.id, ip });
  }
}
