import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@scs/api/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '@scs/api/core';
import { AuditService } from '../audit/audit.service';
import type { ClientMeta } from '../auth/sessions.service';
import { Organisation } from '../orgs/organisation.entity';
import type { ProfileVersionView, ProfileView, UpdateProfileDto } from './dto/profile.dto';
import { FirmProfile } from './firm-profile.entity';
import { type FirmProfileData, missingProfileFields } from './profile-fields';

/** What other features may show about a firm: its name and identifying profile fields. */
export interface FirmSummary {
  orgId: string;
  name: string;
  uscc: string | null;
  provinces: string[];
  legalForm: string | null;
}

function toView(p: FirmProfile): ProfileView {
  const missing = missingProfileFields(p.data);
  return {
    orgId: p.orgId,
    version: p.version,
    data: p.data,
    createdAt: p.createdAt,
    createdBy: p.createdBy,
    complete: missing.length === 0,
    missing,
  };
}

/** Versioned firm profiles. Other features read the current version through `current()` (e.g. to pin it to an assessment). */
@Injectable()
export class ProfileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The latest profile version of a firm. */
  async current(orgId: string, m: EntityManager = this.dataSource.manager): Promise<FirmProfile> {
    const profile = await m.findOne(FirmProfile, { where: { orgId }, order: { version: 'DESC' } });
    if (!profile) throw new NotFoundError('errors.profile.none');
    return profile;
  }

  /** Firm organisations whose current profile carries this USCC (normally one). */
  async firmsWithUscc(uscc: string): Promise<{ orgId: string; name: string }[]> {
    return this.dataSource.query(
      `SELECT o."id" AS "orgId", o."name"
         FROM "organisation" o
         JOIN LATERAL (SELECT p."data" FROM "firm_profile" p WHERE p."org_id" = o."id" ORDER BY p."version" DESC LIMIT 1) cur ON true
        WHERE o."kind" = 'firm' AND cur."data"->>'uscc' = $1
        ORDER BY o."created_at"`,
      [uscc],
    );
  }

  /** Name and the identifying profile fields (USCC, provinces, legal form) of firms, from their current profiles. */
  async summaries(orgIds: string[]): Promise<Map<string, FirmSummary>> {
    if (!orgIds.length) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT o."id" AS "orgId", o."name", cur."data"
         FROM "organisation" o
         LEFT JOIN LATERAL (SELECT p."data" FROM "firm_profile" p WHERE p."org_id" = o."id" ORDER BY p."version" DESC LIMIT 1) cur ON true
        WHERE o."id" = ANY($1::uuid[])`,
      [orgIds],
    )) as { orgId: string; name: string; data: FirmProfileData | null }[];
    return new Map(
      rows.map((r) => [
        r.orgId,
        {
          orgId: r.orgId,
          name: r.name,
          uscc: r.data?.uscc ?? null,
          provinces: Array.isArray(r.data?.provinces) ? [...r.data.provinces] : [],
          legalForm: r.data?.legalForm ?? null,
        },
      ]),
    );
  }

  async get(orgId: string): Promise<ProfileView> {
    return toView(await this.current(orgId));
  }

  async versions(orgId: string): Promise<ProfileVersionView[]> {
    const rows = await this.dataSource.manager.find(FirmProfile, {
      where: { orgId },
      order: { version: 'DESC' },
      relations: { creator: true },
    });
    return rows.map((p) => ({ ...toView(p), createdByName: p.creator?.name ?? null }));
  }

  /** Saves a new version (never overwrites); with `baseVersion`, refuses when someone saved in between. */
  async update(orgId: string, actor: AuthUser, dto: UpdateProfileDto, client: ClientMeta): Promise<ProfileView> {
    return this.dataSource.transaction(async (m) => {
      await m.findOne(Organisation, { where: { id: orgId }, lock: { mode: 'pessimistic_write' } }); // serialises concurrent saves
      const latest = await this.current(orgId, m);
      if (dto.baseVersion !== undefined && dto.baseVersion !== latest.version) {
        throw new ConflictError(
          'errors.profile.changedMeanwhile',
          { version: latest.version },
          { details: { currentVersion: latest.version } },
        );
      }
      const { baseVersion: _base, ...fields } = dto;
      const data: FirmProfileData = { ...fields, uscc: fields.uscc ?? null };
      const saved = await m.save(
        m.create(FirmProfile, { orgId, version: latest.version + 1, data, createdBy: actor.id }),
      );
      if (data.name !== latest.data.name) await m.update(Organisation, { id: orgId }, { name: data.name });
      await this.audit.record(
        {
          action: 'profile.updated',
          actorUserId: actor.id,
          orgId,
          target: `profile:${orgId}`,
          ip: client.ip,
          details: { version: saved.version },
        },
        m,
      );
      return toView(saved);
    });
  }
}
