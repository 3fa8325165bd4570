import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@scs/api/core';
import { negotiateLocale } from '@scs/shared/catalogue';
import type { Request, Response } from 'express';
import { CatalogueService, type Cacheable } from './catalogue.service';
import { CatalogueDiffDto } from './dto/catalogue-diff.dto';
import { CatalogueDiffQueryDto, CatalogueQueryDto } from './dto/catalogue-query.dto';

const LOCALIZED =
  'Texts are returned in one language: `?lang=de|en`, else the best match of Accept-Language, else English ' +
  '(the chosen language is in Content-Language). Every bilingual `{ en, de }` text of docs/catalogue-format.md becomes a ' +
  'string and a Chinese original becomes a sibling `<field>Zh`. Cacheable for 5 minutes; send If-None-Match with the ETag to get 304.';

const catalogueSchema = {
  type: 'object',
  description: 'The localized catalogue (structure as in docs/catalogue-format.md, texts as strings)',
  properties: {
    version: { type: 'string', example: '2026.1' },
    effectiveFrom: { type: 'string', format: 'date' },
    locale: { type: 'string', enum: ['en', 'de', 'zh'] },
    title: { type: 'string' },
    weights: {
      type: 'object',
      properties: { high: { type: 'number' }, medium: { type: 'number' }, low: { type: 'number' } },
    },
    levels: { type: 'array', items: { type: 'object' } },
    severities: { type: 'array', items: { type: 'object' } },
    portals: { type: 'array', items: { type: 'object' } },
    dimensions: { type: 'array', items: { type: 'object' } },
    references: { type: 'array', items: { type: 'object' } },
    questions: { type: 'array', items: { type: 'object' } },
  },
};

/** True when an If-None-Match header lists this ETag (weak comparison, as RFC 9110 prescribes for If-None-Match). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * Sends a cacheable body: ETag, Cache-Control and (for localized bodies) Content-Language, then 304 without a body when
 * If-None-Match matches. Done here rather than by Express, whose freshness check ignores If-None-Match when the request
 * says Cache-Control: no-cache (which fetch() adds to every conditional request); the origin server should still answer 304.
 */
function send<T>(req: Request, res: Response, { body, etag, locale }: Cacheable<T>): void {
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'public, max-age=300');
  if (locale) {
    res.setHeader('Content-Language', locale);
    res.vary('Accept-Language');
  }
  if (matchesEtag(req.headers['if-none-match'], etag)) res.status(304).end();
  else res.json(body);
}

@ApiTags('catalogue')
@Controller('catalogue')
export class CatalogueController {
  constructor(private readonly catalogues: CatalogueService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The catalogue version in force', description: LOCALIZED })
  @ApiHeader({ name: 'Accept-Language', required: false })
  @ApiOkResponse({ schema: catalogueSchema })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag)' })
  async current(@Query() query: CatalogueQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(
      req,
      res,
      await this.catalogues.publicCatalogue(undefined, negotiateLocale(query.lang, req.headers['accept-language'])),
    );
  }

  // Declared before :version so that "diff" is not taken for a version.
  @Get('diff')
  @Public()
  @ApiOperation({
    summary: 'What changed between two catalogue versions (question, option, reference, dimension and portal ids)',
  })
  @ApiOkResponse({ type: CatalogueDiffDto })
  @ApiNotFoundResponse({ description: 'One of the versions does not exist' })
  async diff(@Query() query: CatalogueDiffQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.catalogues.diff(query.from, query.to));
  }

  @Get(':version')
  @Public()
  @ApiOperation({ summary: 'A published catalogue version (assessments are pinned to one)', description: LOCALIZED })
  @ApiHeader({ name: 'Accept-Language', required: false })
  @ApiOkResponse({ schema: catalogueSchema })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag)' })
  @ApiNotFoundResponse({ description: 'No such version' })
  async version(
    @Param('version') version: string,
    @Query() query: CatalogueQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    send(
      req,
      res,
      await this.catalogues.publicCatalogue(version, negotiateLocale(query.lang, req.headers['accept-language'])),
    );
  }
}
