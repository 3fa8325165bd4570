import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidInputError } from '@scs/api/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AuditService } from '@scs/api/accounts';
import type { AuthUser } from '@scs/api/core';
import { ResearchRecordsService, lockFirmResearch } from '../records/research-records.service';
import { AggregatesService } from '../outputs/aggregates.service';
import { CONSENT_KINDS, Consent, ConsentText, type ConsentKind } from './consent.entity';

export interface ConsentTextView {
  kind: ConsentKind;
  version: number;
  en: string;
  de: string;
  publishedAt: Date;
}

export interface ConsentStatus {
  kind: ConsentKind;
  granted: boolean;
  /** The text version the active grant agreed to (null when not granted). */
  textVersion: number | null;
  grantedAt: Date | null;
  grantedBy: string | null;
  /** The newest published text; a grant of an older version stays valid until revoked. */
  latestTextVersion: number;
}

export interface ConsentChange {
  kind: ConsentKind;
  granted: boolean;
  textVersion?: number;
}

/** Grants and revokes a firm's consents. Revoking research consent deletes the firm's research records in the same transaction. */
@Injectable()
export class ConsentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: ResearchRecordsService,
    private readonly aggregates: AggregatesService,
    private readonly audit: AuditService,
  ) {}

  /** The newest text of each kind. */
  async texts(m: EntityManager = this.dataSource.manager): Promise<ConsentTextView[]> {
    const rows = await m.find(ConsentText, { order: { kind: 'ASC', version: 'DESC' } });
    const latest = new Map<ConsentKind, ConsentText>();
    for (const r of rows) if (!latest.has(r.kind)) latest.set(r.kind, r);
    return CONSENT_KINDS.flatMap((k) => {
      const r = latest.get(k);
      return r ? [{ kind: r.kind, version: r.version, en: r.textEn, de: r.textDe, publishedAt: r.publishedAt }] : [];
    });
  }

  async status(orgId: string, m: EntityManager = this.dataSource.manager): Promise<ConsentStatus[]> {
    const [texts, active] = await Promise.all([
      this.texts(m),
      m.find(Consent, { where: { orgId, revokedAt: IsNull() } }),
    ]);
    return texts.map((text) => {
      const grant = active.find((c) => c.kind === text.kind);
      return {
        kind: text.kind,
        granted: !!grant,
        textVersion: grant?.textVersion ?? null,
        grantedAt: grant?.grantedAt ?? null,
        grantedBy: grant?.grantedBy ?? null,
        latestTextVersion: text.version,
      };
    });
  }

  async isActive(orgId: string, kind: ConsentKind, m: EntityManager = this.dataSource.manager): Promise<boolean> {
    return m.exists(Consent, { where: { orgId, kind, revokedAt: IsNull() } });
  }

  async change(orgId: string, actor: AuthUser, change: ConsentChange, ip: string | null): Promise<ConsentStatus[]> {
    let refresh = false;
    const result = await this.dataSource.transaction(async (m) => {
      await lockFirmResearch(m, orgId);
      const active = await m.findOne(Consent, { where: { orgId, kind: change.kind, revokedAt: IsNull() } });
      if (change.granted) {
        const text = (await this.texts(m)).find((x) => x.kind === change.kind);
        if (!text)
          throw new InvalidInputError(
            'errors.consent.noText',
            { kind: change.kind },
            { fields: { kind: 'errors.consent.noPublishedText' } },
          );
        if (change.textVersion === undefined)
          throw new InvalidInputError(
            'errors.consent.whichText',
            {},
            { fields: { textVersion: 'errors.consent.textVersionRequired' } },
          );
        if (change.textVersion !== text.version) {
          throw new ConflictError(
            'errors.consent.textChanged',
            { version: text.version },
            { details: { latestTextVersion: text.version } },
          );
        }
        if (active?.textVersion === text.version) return this.status(orgId, m);
        if (active) await m.update(Consent, { id: active.id }, { revokedAt: () => 'now()', revokedBy: actor.id });
        await m.insert(Consent, { orgId, kind: change.kind, textVersion: text.version, grantedBy: actor.id });
        await this.audit.record(
          {
            action: 'consent.granted',
            actorUserId: actor.id,
            orgId,
            target: `consent:${change.kind}`,
            ip,
            details: { kind: change.kind, textVersion: text.version },
          },
          m,
        );
      } else if (active) {
        await m.update(Consent, { id: active.id }, { revokedAt: () => 'now()', revokedBy: actor.id });
        const deleted =
          change.kind === 'research' ? await this.records.deleteForFirm(orgId, m) : { deleted: 0, waves: [] };
        refresh = deleted.deleted > 0;
        await this.audit.record(
          {
            action: 'consent.revoked',
            actorUserId: actor.id,
            orgId,
            target: `consent:${change.kind}`,
            ip,
            details: { kind: change.kind, textVersion: active.textVersion, researchRecordsDeleted: deleted.deleted },
          },
          m,
        );
      }
      return this.status(orgId, m);
    });
    if (refresh) this.aggregates.requestRefresh();
    return result;
  }
}
