import { Injectable } from '@nestjs/common';
import { fieldError, InvalidInputError, NotFoundError, PayloadTooLargeError } from '@scs/api/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, DirectoryService } from '@scs/api/accounts';
import type { ReportBranding } from '@scs/shared/contracts';
import { ChamberBrandingRecord, ChamberLogo, type LogoType, type ReportLanguage } from './chamber-branding.entity';
import type { BrandingView } from './dto/branding.view';
import type { UpdateBrandingDto } from './dto/update-branding.dto';
import { checkLogo, LOGO_MAX_BYTES } from './image';

/** Branding as the reports feature uses it: texts, language and the logo bytes (already content-checked). */
export interface ChamberBranding {
  chamberId: string;
  name: string;
  contactLine: string | null;
  website: string | null;
  reportLanguage: ReportLanguage;
  logo: { contentType: LogoType; bytes: Buffer; width: number; height: number } | null;
  /** The member benchmark's introduction. */
  benchmarkIntro: string | null;
}

/** The branding as the report template takes it (shared contract): the logo inlined as a data URI, website in the contact line. */
export function toReportBranding(b: ChamberBranding): ReportBranding {
  const contact = [b.contactLine, b.website].filter((x): x is string => Boolean(x)).join(' · ');
  return {
    chamberName: b.name,
    ...(b.logo ? { logoDataUri: `data:${b.logo.contentType};base64,${b.logo.bytes.toString('base64')}` } : {}),
    ...(contact ? { contactLine: contact } : {}),
  };
}

export function logoUrl(chamberId: string, sha256: string): string {
  return `/api/chambers/${chamberId}/logo?v=${sha256.slice(0, 16)}`;
}

@Injectable()
export class ChamberBrandingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly directory: DirectoryService,
  ) {}

  /** The name the chamber signs with: its branding's display name, else the organisation's name. */
  async displayName(chamberId: string, m: EntityManager = this.dataSource.manager): Promise<string> {
    const record = await m.findOne(ChamberBrandingRecord, { where: { chamberId }, select: { displayName: true } });
    return record?.displayName ?? (await this.directory.organisationName(chamberId, m));
  }

  async get(chamberId: string, m: EntityManager = this.dataSource.manager): Promise<BrandingView> {
    const record = await m.findOneBy(ChamberBrandingRecord, { chamberId });
    // Everything about the logo but its bytes.
    const logos: {
      contentType: LogoType;
      width: number;
      height: number;
      sha256: string;
      uploadedAt: Date;
      size: number;
    }[] = await m.query(
      `SELECT "content_type" AS "contentType", "width", "height", "sha256", "uploaded_at" AS "uploadedAt", octet_length("bytes") AS "size"
         FROM "chamber_logo" WHERE "chamber_id" = $1`,
      [chamberId],
    );
    const logo = logos[0];
    const name = record?.displayName ?? (await this.directory.organisationName(chamberId, m));
    return {
      chamberId,
      displayName: name,
      contactLine: record?.contactLine ?? null,
      website: record?.website ?? null,
      reportLanguage: record?.reportLanguage ?? 'de',
      benchmarkIntro: record?.benchmarkIntro ?? null,
      customised: Boolean(record),
      logo: logo
        ? {
            contentType: logo.contentType,
            width: logo.width,
            height: logo.height,
            size: Number(logo.size),
            url: logoUrl(chamberId, logo.sha256),
            uploadedAt: logo.uploadedAt,
          }
        : null,
      updatedAt: record?.updatedAt ?? null,
    };
  }

  async update(chamberId: string, dto: UpdateBrandingDto, actorId: string, ip: string | null): Promise<BrandingView> {
    return this.dataSource.transaction(async (m) => {
      await m.upsert(
        ChamberBrandingRecord,
        {
          chamberId,
          displayName: dto.displayName,
          contactLine: dto.contactLine ?? null,
          website: dto.website ?? null,
          reportLanguage: dto.reportLanguage,
          ...(dto.benchmarkIntro !== undefined ? { benchmarkIntro: dto.benchmarkIntro } : {}),
          updatedBy: actorId,
          updatedAt: new Date(),
        },
        ['chamberId'],
      );
      await this.audit.record(
        { action: 'chamber.branding_updated', actorUserId: actorId, orgId: chamberId, target: `org:${chamberId}`, ip },
        m,
      );
      return this.get(chamberId, m);
    });
  }

  /** Stores a logo after checking its content; 400 for anything but a sound PNG/JPEG, 413 above 512 KB. */
  async setLogo(
    chamberId: string,
    bytes: Buffer | undefined,
    actorId: string,
    ip: string | null,
  ): Promise<BrandingView> {
    if (!bytes) throw new InvalidInputError('errors.logo.missing', {}, { fields: { logo: 'errors.logo.chooseFile' } });
    const check = checkLogo(bytes);
    if (!check.ok) {
      const kind = bytes.length > LOGO_MAX_BYTES ? PayloadTooLargeError : InvalidInputError;
      throw fieldError('logo', check.code, check.params, kind);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return this.dataSource.transaction(async (m) => {
      await this.ensureRecord(m, chamberId, actorId);
      await m.upsert(
        ChamberLogo,
        {
          chamberId,
          contentType: check.type,
          bytes,
          width: check.width,
          height: check.height,
          sha256,
          uploadedAt: new Date(),
        },
        ['chamberId'],
      );
      await this.audit.record(
        {
          action: 'chamber.logo_uploaded',
          actorUserId: actorId,
          orgId: chamberId,
          target: `org:${chamberId}`,
          ip,
          details: { type: check.type, bytes: bytes.length },
        },
        m,
      );
      return this.get(chamberId, m);
    });
  }

  async removeLogo(chamberId: string, actorId: string, ip: string | null): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const result = await m.delete(ChamberLogo, { chamberId });
      if (!result.affected) throw new NotFoundError('errors.logo.none');
      await this.audit.record(
        { action: 'chamber.logo_removed', actorUserId: actorId, orgId: chamberId, target: `org:${chamberId}`, ip },
        m,
      );
    });
  }

  /** The stored logo (for GET /api/chambers/:id/logo), or null. */
  logo(chamberId: string): Promise<ChamberLogo | null> {
    return this.dataSource.manager.findOneBy(ChamberLogo, { chamberId });
  }

  /** The chamber's own branding (defaults when it saved none), e.g. for its member benchmark report. */
  async brandingOfChamber(chamberId: string): Promise<ChamberBranding> {
    const view = await this.get(chamberId);
    const logo = view.logo ? await this.logo(chamberId) : null;
    return {
      chamberId,
      name: view.displayName,
      contactLine: view.contactLine,
      website: view.website,
      reportLanguage: view.reportLanguage,
      benchmarkIntro: view.benchmarkIntro,
      logo: logo ? { contentType: logo.contentType, bytes: logo.bytes, width: logo.width, height: logo.height } : null,
    };
  }

  /** A digest of the chamber's branding (texts and the logo's checksum, not its bytes): cheap, for report cache keys. */
  async brandingVersion(chamberId: string): Promise<string> {
    const view = await this.get(chamberId);
    return createHash('sha256')
      .update(JSON.stringify([chamberId, view.displayName, view.contactLine, view.website, view.logo?.url ?? null]))
      .digest('hex');
  }

  private async ensureRecord(m: EntityManager, chamberId: string, actorId: string): Promise<void> {
    if (await m.existsBy(ChamberBrandingRecord, { chamberId })) return;
    await m.insert(ChamberBrandingRecord, {
      chamberId,
      displayName: await this.directory.organisationName(chamberId, m),
      reportLanguage: 'de',
      updatedBy: actorId,
    });
  }
}
