import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Ip,
  Param,
  ParseUUIDPipe,
  Post,
  StreamableFile,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiConsumes,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { FileUpload, Public, type UploadedBytes } from '@scs/api/core';
import type {
  EvidenceView,
  PartnerLinkPeek,
  PartnerLinkView,
  PartnerReceiptStatus,
  PartnerSubmitted,
} from '@scs/shared/contracts';
import { ConfirmAddressDto, EvidenceUploadDto, SubmitCheckDto } from './dto/partner.dto';
import { EVIDENCE_MAX_BYTES } from './evidence/evidence-file';
import { PartnerLinkThrottleGuard } from './link-throttle.guard';
import { PartnerLinkService } from './partner-link.service';
import { contentDisposition } from './disposition';

/**
 * The login-free partner-check link. The token in the path is the only credential (stored as SHA-256); every route
 * but the first asks for the invited address. Unknown token or wrong address: 404; used, withdrawn, expired: 410.
 */
@ApiTags('partner check link')
@ApiParam({ name: 'token', description: 'The token from the emailed link' })
@ApiNotFoundResponse({ description: 'Unknown link, or not the invited address' })
@ApiGoneResponse({ description: 'The link was used, withdrawn or has expired' })
@ApiTooManyRequestsResponse({ description: 'Too many requests for this link or from this address' })
@Controller('partner-check/:token')
@UseGuards(PartnerLinkThrottleGuard)
export class PartnerLinkController {
  constructor(private readonly links: PartnerLinkService) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Whether the link is live, and the language to show the page in; no data before the address is confirmed',
  })
  peek(@Param('token') token: string): Promise<PartnerLinkPeek> {
    return this.links.peek(token);
  }

  @Post('open')
  @Public()
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Confirm the invited address: the firm and partner names, the questionnaire (zh/en/de) and the files attached so far',
  })
  open(@Param('token') token: string, @Body() dto: ConfirmAddressDto, @Ip() ip: string): Promise<PartnerLinkView> {
    return this.links.open(token, dto.email, ip);
  }

  @Post('evidence')
  @Public()
  @UseInterceptors(FileUpload('file', EVIDENCE_MAX_BYTES, 'errors.partner.evidence.tooLarge'))
  @ApiConsumes('multipart/form-data')
  @ApiPayloadTooLargeResponse({ description: 'Larger than 5 MB' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a clean PDF, PNG or JPEG (decided by the content)' })
  @ApiOperation({
    summary: 'Attach the special credit report (PDF) or a Credit China screenshot (PNG/JPEG), at most 5 files of 5 MB',
  })
  addEvidence(
    @Param('token') token: string,
    @Body() dto: EvidenceUploadDto,
    @UploadedFile() file: UploadedBytes | undefined,
    @Ip() ip: string,
  ): Promise<EvidenceView> {
    return this.links.addEvidence(token, dto.email, file, ip);
  }

  @Post('evidence/:evidenceId/remove')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiParam({ name: 'evidenceId', format: 'uuid' })
  @ApiOperation({ summary: 'Remove an attached file before submitting' })
  removeEvidence(
    @Param('token') token: string,
    @Param('evidenceId', new ParseUUIDPipe()) evidenceId: string,
    @Body() dto: ConfirmAddressDto,
    @Ip() ip: string,
  ): Promise<void> {
    return this.links.removeEvidence(token, dto.email, evidenceId, ip);
  }

  @Post('submit')
  @Public()
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Submit the answers and the signed declaration once; returns the receipt token (shown once)',
  })
  submit(@Param('token') token: string, @Body() dto: SubmitCheckDto, @Ip() ip: string): Promise<PartnerSubmitted> {
    return this.links.submit(token, dto, ip);
  }
}

/** The partner's receipt after submitting, reached with the receipt token the submission returned (7 days). */
@ApiTags('partner check link')
@ApiParam({ name: 'receiptToken', description: 'The token the submission returned' })
@ApiNotFoundResponse({ description: 'Unknown receipt token' })
@ApiGoneResponse({ description: 'Older than 7 days' })
@Controller('partner-receipts/:receiptToken')
@UseGuards(PartnerLinkThrottleGuard)
export class PartnerReceiptController {
  constructor(private readonly links: PartnerLinkService) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Status of the receipt PDF: queued, rendering, done or failed' })
  status(@Param('receiptToken') token: string): Promise<PartnerReceiptStatus> {
    return this.links.receiptStatus(token);
  }

  @Get('pdf')
  @Public()
  @Header('Cache-Control', 'no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: 'Download the receipt PDF (zh, en or de, as answered)' })
  async pdf(@Param('receiptToken') token: string, @Ip() ip: string): Promise<StreamableFile> {
    const file = await this.links.receiptFile(token, ip);
    return new StreamableFile(file.pdf, {
      type: 'application/pdf',
      disposition: contentDisposition(file.filename),
      length: file.pdf.byteLength,
    });
  }
}
