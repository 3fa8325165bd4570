import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConflictError, InvalidInputError, returnedRows } from '@scs/api/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AuditService, ChamberLinkHooks, ChamberLinksService, type ChamberLeft } from '@scs/api/accounts';
import type { AuthUser } from '@scs/api/core';
import { ResearchRecordsService, lockFirmResearch } from '../records/research-records.service';
import { AggregatesService } from '../outputs/aggregates.service';
import { CONSENT_KINDS, Consent, ConsentText, isChamberKind, type ConsentKind } from './consent.entity';

export interface ConsentTextView {
  kind: ConsentKind;
  version: number;
  en: string;
  de: string;
  publishedAt: Date;
}

export interface ConsentStatus {
  kind: ConsentKind;
  /** The chamber a `chamber` / `chamber_participation` consent is given to (null: research, or no chamber yet). */
  chamberId: string | null;
  chamberName: string | null;
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
  /** The chamber a chamber consent is for; may be left out when the firm belongs to exactly one chamber. */
  chamberId?: string;
}

interface FirmChamber {
  chamberId: string;
  name: string;
}

/** Grants and revokes a firm's consents. Revoking research consent deletes the firm's research records in the same transaction. */
@Injectable()
export class ConsentService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: ResearchRecordsService,
    private readonly aggregates: AggregatesService,
    private readonly audit: AuditService,
    private readonly chamberLinks: ChamberLinksService,
    private readonly chamberLinkHooks: ChamberLinkHooks,
  ) {}

  onModuleInit(): void {
    this.chamberLinkHooks.register({ left: (m, event) => this.endChamberConsents(m, event) });
  }

  /**
   * A firm left a chamber: the chamber consents given to that chamber end (in the leaving transaction), so rejoining
   * later asks again. Consents given to other chambers stay.
   */
  private async endChamberConsents(m: EntityManager, { firmId, chamberId, actorId, ip }: ChamberLeft): Promise<void> {
    const ended = await m.query(
      `UPDATE "consent" SET "revoked_at" = now(), "revoked_by" = $3
        WHERE "org_id" = $1 AND "chamber_id" = $2 AND "revoked_at" IS NULL RETURNING "kind"`,
      [firmId, chamberId, actorId],
    );
    for (const row of returnedRows<{ kind: string }>(ended))
      await this.audit.record(
        {
          action: 'consent.revoked',
          actorUserId: actorId,
          orgId: firmId,
          target: `consent:${row.kind}`,
          ip,
          details: { kind: row.kind, chamberId, reason: 'left_chamber' },
        },
        m,
      );
  }

  /** The firms among `orgIds` with an active consent of a chamber kind given to `chamberId`. */
  async activeForChamber(
    kind: ConsentKind,
    chamberId: string,
    orgIds: readonly string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    if (!isChamberKind(kind)) throw new Error(`activeForChamber(${kind}): not a chamber kind`);
    const unique = [...new Set(orgIds)];
    if (!unique.length) return new Set();
    const rows: { orgId: string }[] = await m.query(
      `SELECT DISTINCT "org_id" AS "orgId" FROM "consent"
        WHERE "kind" = $1 AND "chamber_id" = $2 AND "revoked_at" IS NULL AND "org_id" = ANY($3::uuid[])`,
      [kind, chamberId, unique],
    );
    return new Set(rows.map((r) => r.orgId));
  }

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

  /** The chambers the firm belongs to now (the only ones a chamber consent can be given to). */
  private async chambersOf(orgId: string, m: EntityManager): Promise<FirmChamber[]> {
    return (await this.chamberLinks.chambersOf(orgId, m)).map(({ chamberId, name }) => ({ chamberId, name }));
  }

  /**
   * Research once; each chamber kind once per chamber the firm belongs to (or once without a chamber, not granted,
   * when it belongs to none). Grants for chambers the firm has left are not listed (they ended when it left).
   */
  async status(orgId: string, m: EntityManager = this.dataSource.manager): Promise<ConsentStatus[]> {
    const [texts, active, chambers] = await Promise.all([
      this.texts(m),
      m.find(Consent, { where: { orgId, revokedAt: IsNull() } }),
      this.chambersOf(orgId, m),
    ]);
    return texts.flatMap((text) => {
      const targets: (FirmChamber | null)[] = isChamberKind(text.kind) && chambers.length ? chambers : [null];
      return targets.map((chamber) => {
        const grant = chamber
          ? active.find((c) => c.kind === text.kind && c.chamberId === chamber.chamberId)
          : isChamberKind(text.kind)
            ? undefined
            : active.find((c) => c.kind === text.kind);
        return {
          kind: text.kind,
          chamberId: chamber?.chamberId ?? null,
          chamberName: chamber?.name ?? null,
          granted: !!grant,
          textVersion: grant?.textVersion ?? null,
          grantedAt: grant?.grantedAt ?? null,
          grantedBy: grant?.grantedBy ?? null,
          latestTextVersion: text.version,
        };
      });
    });
  }

  /** Whether the firm's consent of a kind is active (for a chamber kind: given to that chamber). */
  async isActive(
    orgId: string,
    kind: ConsentKind,
    m: EntityManager = this.dataSource.manager,
    chamberId?: string,
  ): Promise<boolean> {
    if (isChamberKind(kind) && !chamberId) throw new Error(`isActive(${kind}) needs the chamber`);
    return m.exists(Consent, {
      where: { orgId, kind, revokedAt: IsNull(), ...(isChamberKind(kind) ? { chamberId } : {}) },
    });
  }

  /** The chamber a change is about: named, or the only one; 400 when it is missing, ambiguous or not the firm's. */
  private async chamberOf(orgId: string, change: ConsentChange, m: EntityManager): Promise<string | null> {
    if (!isChamberKind(change.kind)) {
      if (change.chamberId !== undefined)
        throw new InvalidInputError(
          'errors.consent.notForChamber',
          {},
          {
            fields: { chamberId: 'errors.consent.onlyChamberKinds' },
          },
        );
      return null;
    }
    const chambers = await this.chambersOf(orgId, m);
    if (change.chamberId !== undefined) {
      if (chambers.some((c) => c.chamberId === change.chamberId)) return change.chamberId;
      // Revoking a grant for a chamber the firm has left is allowed (it ended when the firm left: nothing to do).
      if (!change.granted) return change.chamberId;
      throw new InvalidInputError(
        'errors.consent.notYourChamber',
        {},
        {
          fields: { chamberId: 'errors.consent.notOneOfYourChambers' },
        },
      );
    }
    if (chambers.length === 1) return (chambers[0] as FirmChamber).chamberId;
    throw chambers.length
      ? new InvalidInputError(
          'errors.consent.whichChamber',
          {},
          { fields: { chamberId: 'errors.consent.chamberRequired' } },
        )
      : new InvalidInputError(
          'errors.consent.noChamber',
          {},
          { fields: { chamberId: 'errors.consent.noChamberToGrant' } },
        );
  }

  async change(orgId: string, actor: AuthUser, change: ConsentChange, ip: string | null): Promise<ConsentStatus[]> {
    let refresh = false;
    const result = await this.dataSource.transaction(async (m) => {
      await lockFirmResearch(m, orgId);
      const chamberId = await this.chamberOf(orgId, change, m);
      const active = await m.findOne(Consent, {
        where: { orgId, kind: change.kind, revokedAt: IsNull(), chamberId: chamberId ?? IsNull() },
      });
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
        await m.insert(Consent, {
          orgId,
          kind: change.kind,
          chamberId,
          textVersion: text.version,
          grantedBy: actor.id,
        });
        await this.audit.record(
          {
            action: 'consent.granted',
            actorUserId: actor.id,
            orgId,
            target: `consent:${change.kind}`,
            ip,
            details: { kind: change.kind, textVersion: text.version, ...(chamberId ? { chamberId } : {}) },
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
            details: {
              kind: change.kind,
              textVersion: active.textVersion,
              researchRecordsDeleted: deleted.deleted,
              ...(chamberId ? { chamberId } : {}),
            },
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
