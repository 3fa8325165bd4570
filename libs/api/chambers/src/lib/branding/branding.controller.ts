import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Ip,
  Param,
  ParseUUIDPipe,
  Put,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  type AuthUser,
  CurrentOrg,
  CurrentUser,
  OrgAccess,
  type OrgContext,
  Public,
  NotFoundError,
} from '@scs/api/core';
import { CHAMBER_ADMINS, CHAMBER_ROLES } from '../roles';
import { FileUpload, type UploadedBytes } from '../upload';
import { ChamberBrandingService } from './branding.service';
import { BrandingView } from './dto/branding.view';
import { UpdateBrandingDto } from './dto/update-branding.dto';

// Multer stops reading beyond this; up to it the service answers with the file's size (the limit is 512 KB).
const UPLOAD_CAP = 8 * 1024 * 1024;

@ApiTags('chamber branding')
@Controller()
export class BrandingController {
  constructor(private readonly branding: ChamberBrandingService) {}

  @Get('orgs/:chamberId/branding')
  @OrgAccess(CHAMBER_ROLES, { kind: 'chamber', param: 'chamberId' })
  @ApiParam({ name: 'chamberId', format: 'uuid' })
  @ApiOperation({
    summary: "The chamber's name, logo, contact line, website and report language (defaults until saved)",
  })
  @ApiOkResponse({ type: BrandingView })
  get(@CurrentOrg() org: OrgContext): Promise<BrandingView> {
    return this.branding.get(org.orgId);
  }

  @Put('orgs/:chamberId/branding')
  @OrgAccess(CHAMBER_ADMINS, { kind: 'chamber', param: 'chamberId' })
  @ApiParam({ name: 'chamberId', format: 'uuid' })
  @ApiOperation({ summary: "Save the chamber's branding texts and default report language" })
  @ApiOkResponse({ type: BrandingView })
  update(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Body() dto: UpdateBrandingDto,
    @Ip() ip: string,
  ): Promise<BrandingView> {
    return this.branding.update(org.orgId, dto, user.id, ip);
  }

  @Put('orgs/:chamberId/branding/logo')
  @OrgAccess(CHAMBER_ADMINS, { kind: 'chamber', param: 'chamberId' })
  @UseInterceptors(FileUpload('logo', UPLOAD_CAP, 'errors.logo.farTooLarge'))
  @ApiParam({ name: 'chamberId', format: 'uuid' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['logo'], properties: { logo: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({
    summary:
      'Upload the logo: PNG or JPEG, at most 512 KB and 4096 px per side, checked by content (SVG and other files are refused)',
  })
  @ApiOkResponse({ type: BrandingView })
  @ApiBadRequestResponse({ description: 'Not a sound PNG or JPEG (the message says what it is)' })
  @ApiPayloadTooLargeResponse({ description: 'Larger than 512 KB' })
  uploadLogo(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: UploadedBytes | undefined,
    @Ip() ip: string,
  ): Promise<BrandingView> {
    return this.branding.setLogo(org.orgId, file?.buffer, user.id, ip);
  }

  @Delete('orgs/:chamberId/branding/logo')
  @OrgAccess(CHAMBER_ADMINS, { kind: 'chamber', param: 'chamberId' })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiParam({ name: 'chamberId', format: 'uuid' })
  @ApiOperation({ summary: 'Remove the logo' })
  @ApiNoContentResponse()
  removeLogo(@CurrentOrg() org: OrgContext, @CurrentUser() user: AuthUser, @Ip() ip: string): Promise<void> {
    return this.branding.removeLogo(org.orgId, user.id, ip);
  }

  /**
   * Public on purpose: a logo is a public mark, shown on invitation pages before anyone signs in and on reports. It is
   * served only as the checked image type, with nosniff and a CSP that forbids everything, so it can never run as a page.
   */
  @Get('chambers/:chamberId/logo')
  @Public()
  @ApiParam({ name: 'chamberId', format: 'uuid' })
  @ApiOperation({ summary: "The chamber's logo image (public)" })
  @ApiProduces('image/png', 'image/jpeg')
  @ApiOkResponse({ description: 'The image' })
  @ApiNotFoundResponse({ description: 'No logo' })
  async logo(
    @Param('chamberId', new ParseUUIDPipe()) chamberId: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const logo = await this.branding.logo(chamberId);
    if (!logo) throw new NotFoundError('errors.logo.none');
    const etag = `"${logo.sha256}"`;
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('ETag', etag);
    if (ifNoneMatch === etag) {
      res.status(HttpStatus.NOT_MODIFIED).end();
      return;
    }
    res.setHeader('Content-Type', logo.contentType);
    res.setHeader('Content-Disposition', `inline; filename="logo.${logo.contentType === 'image/png' ? 'png' : 'jpg'}"`);
    res.setHeader('Content-Length', String(logo.bytes.length));
    res.status(HttpStatus.OK).end(logo.bytes);
  }
}
