import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { AuditService, DirectoryService, MailService } from '@scs/api/accounts';
import {
  APP_CONFIG,
  type AppConfig,
  ConflictError,
  fieldError,
  InvalidInputError,
  NotFoundError,
  PayloadTooLargeError,
  TableError,
} from '@scs/api/core';
import type {
  PartnerCheckView,
  PartnerDetailView,
  PartnerImportResult,
  PartnerInput,
  PartnerView,
  VerificationView,
} from '@scs/shared/contracts';
import type { SendCheckDto, VerificationDto } from './dto/partner.dto';
import { Partner, PartnerCheck, PartnerEvidence, PartnerVerification } from './partner.entity';
import { partnerListCsv, readPartnerList } from './partner-list';
import { PartnerQuestionnaires } from './questionnaire';
import { checkMail } from './texts';
import { checkView, DAY_MS, partnerView, questionnaireView, verificationView } from './views';

export const CHECK_TTL_DAYS = 30;
/** The web app's page for a check link (libs/web/partners defines the same path). */
export const PARTNER_CHECK_PATH = '/partner-check';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** 32 random bytes, URL-safe: shown once in the mail link, stored only as SHA-256. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: tokenHash(token) };
}

export interface Actor {
  userId: string;
  ip: string | null;
}

/** The firm's side of partner checks: its partners, sending and withdrawing links, answers, evidence, verifications. */
@Injectable()
export class PartnersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly questionnaires: PartnerQuestionnaires,
    private readonly directory: DirectoryService,
  ) {}

  async list(orgId: string): Promise<PartnerView[]> {
    const partners = await this.db.manager.find(Partner, { where: { orgId }, order: { name: 'ASC' } });
    return this.views(orgId, partners);
  }

  private async views(orgId: string, partners: Partner[]): Promise<PartnerView[]> {
    if (!partners.length) return [];
    const ids = partners.map((p) => p.id);
    const checks = await this.db.manager.find(PartnerCheck, {
      where: { orgId, partnerId: In(ids) },
      order: { sentAt: 'DESC' },
      select: {
        id: true,
        partnerId: true,
        sentAt: true,
        expiresAt: true,
        openedAt: true,
        submittedAt: true,
        revokedAt: true,
        level: true,
        flags: true,
      },
    });
    const verifications: { partner_id: string; last: string }[] = await this.db
      .createQueryBuilder(PartnerVerification, 'v')
      .select('v.partner_id', 'partner_id')
      .addSelect(`to_char(max(v.checked_on), 'YYYY-MM-DD')`, 'last')
      .where('v.org_id = :orgId AND v.partner_id IN (:...ids)', { orgId, ids })
      .andWhere(`v.outcome = 'no_entry'`)
      .groupBy('v.partner_id')
      .getRawMany();
    const lastVerified = new Map(verifications.map((v) => [v.partner_id, v.last]));
    return partners.map((p) => {
      const own = checks.filter((c) => c.partnerId === p.id);
      const answered = own.filter((c) => c.submittedAt).sort((a, b) => +(b.submittedAt ?? 0) - +(a.submittedAt ?? 0));
      return partnerView(p, own[0] ?? null, answered[0] ?? null, lastVerified.get(p.id) ?? null);
    });
  }

  async get(orgId: string, partnerId: string): Promise<PartnerDetailView> {
    const partner = await this.find(orgId, partnerId);
    const checks = await this.db.manager.find(PartnerCheck, { where: { orgId, partnerId }, order: { sentAt: 'DESC' } });
    const evidence = checks.length
      ? await this.db.manager.find(PartnerEvidence, {
          where: { orgId, checkId: In(checks.map((c) => c.id)) },
          order: { uploadedAt: 'ASC' },
        })
      : [];
    const verifications = await this.db.manager.find(PartnerVerification, {
      where: { orgId, partnerId },
      order: { checkedOn: 'DESC', recordedAt: 'DESC' },
    });
    const [view] = await this.views(orgId, [partner]);
    return {
      partner: view,
      checks: checks.map((c) =>
        checkView(
          c,
          evidence.filter((e) => e.checkId === c.id),
        ),
      ),
      verifications: verifications.map(verificationView),
      questionnaire: questionnaireView(
        checks[0] ? this.questionnaires.get(checks[0].questionnaireVersion) : this.questionnaires.current(),
      ),
    };
  }

  async create(orgId: string, input: PartnerInput, actor: Actor): Promise<PartnerView> {
    const partner = await this.db.transaction(async (m) => {
      await this.assertUsccFree(m, orgId, input.uscc ?? null, null);
      const saved = await m.save(m.create(Partner, { ...this.fields(input), orgId }));
      await this.audit.record(
        { action: 'partner.created', actorUserId: actor.userId, orgId, target: `partner:${saved.id}`, ip: actor.ip },
        m,
      );
      return saved;
    });
    return (await this.views(orgId, [partner]))[0];
  }

  async update(orgId: string, partnerId: string, input: Partial<PartnerInput>, actor: Actor): Promise<PartnerView> {
    const partner = await this.db.transaction(async (m) => {
      const p = await this.find(orgId, partnerId, m);
      if (input.uscc !== undefined) await this.assertUsccFree(m, orgId, input.uscc ?? null, p.id);
      Object.assign(p, this.fields({ ...p, ...input }));
      const saved = await m.save(p);
      await this.audit.record(
        { action: 'partner.updated', actorUserId: actor.userId, orgId, target: `partner:${p.id}`, ip: actor.ip },
        m,
      );
      return saved;
    });
    return (await this.views(orgId, [partner]))[0];
  }

  async remove(orgId: string, partnerId: string, actor: Actor): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.find(orgId, partnerId, m);
      await m.delete(Partner, { id: partnerId, orgId });
      await this.audit.record(
        { action: 'partner.deleted', actorUserId: actor.userId, orgId, target: `partner:${partnerId}`, ip: actor.ip },
        m,
      );
    });
  }

  /** Reads an uploaded list; stores its valid rows unless `preview`. Partners whose USCC is in the list already are skipped. */
  async import(orgId: string, file: Buffer | undefined, preview: boolean, actor: Actor): Promise<PartnerImportResult> {
    if (!file) throw fieldError('file', 'errors.partner.import.noFile');
    let parsed: Awaited<ReturnType<typeof readPartnerList>>;
    try {
      parsed = await readPartnerList(file);
    } catch (e) {
      if (e instanceof TableError)
        throw fieldError(
          'file',
          'errors.partner.import.unreadable',
          { detail: e.message },
          e.status === 413 ? PayloadTooLargeError : InvalidInputError,
        );
      throw e;
    }
    const usccs = parsed.rows.map((r) => r.uscc).filter((u): u is string => u !== null);
    const known = new Set(
      usccs.length
        ? (await this.db.manager.find(Partner, { where: { orgId, uscc: In(usccs) }, select: { uscc: true } })).map(
            (p) => p.uscc,
          )
        : [],
    );
    const rows = parsed.rows.filter((r) => !r.uscc || !known.has(r.uscc));
    const rejected = [
      ...parsed.rejected,
      ...parsed.rows
        .filter((r) => r.uscc && known.has(r.uscc))
        .map((r) => ({ line: r.line, value: r.uscc ?? '', problem: 'exists' as const })),
    ].sort((a, b) => a.line - b.line);
    if (preview || !rows.length) return { rows, rejected, imported: 0 };
    await this.db.transaction(async (m) => {
      await m.insert(
        Partner,
        rows.map(({ line: _line, ...r }) => ({ ...r, orgId })),
      );
      await this.audit.record(
        { action: 'partner.imported', actorUserId: actor.userId, orgId, ip: actor.ip, details: { rows: rows.length } },
        m,
      );
    });
    return { rows, rejected, imported: rows.length };
  }

  async exportCsv(orgId: string, locale: 'de' | 'en'): Promise<{ content: Buffer; filename: string }> {
    const views = await this.list(orgId);
    return {
      content: partnerListCsv(views, locale),
      filename: `SCS-Check_${locale === 'de' ? 'Partner' : 'partners'}_${new Date().toISOString().slice(0, 10)}.csv`,
    };
  }

  /** Sends a new check link (earlier open links of the partner stop working). The token is only in the mail. */
  async sendCheck(orgId: string, partnerId: string, dto: SendCheckDto, actor: Actor): Promise<PartnerCheckView> {
    const check = await this.db.transaction(async (m) => {
      const partner = await this.find(orgId, partnerId, m);
      const email = dto.email ?? partner.contactEmail;
      if (!email) throw fieldError('email', 'errors.partner.noContactEmail');
      const locale = dto.locale ?? partner.contactLanguage;
      const now = new Date();
      await m.update(
        PartnerCheck,
        { orgId, partnerId, submittedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: now },
      );
      const { token, hash } = newToken();
      const saved = await m.save(
        m.create(PartnerCheck, {
          orgId,
          partnerId,
          questionnaireVersion: this.questionnaires.current().version,
          tokenHash: hash,
          email,
          locale,
          sentAt: now,
          sentBy: actor.userId,
          expiresAt: new Date(now.getTime() + (dto.validDays ?? CHECK_TTL_DAYS) * DAY_MS),
        }),
      );
      const firmName = (await this.directory.organisationNames([orgId], m)).get(orgId) ?? '';
      const link = `${this.config.publicUrl.replace(/\/$/, '')}${PARTNER_CHECK_PATH}/${token}`;
      await this.mail.enqueue(
        checkMail(email, locale, {
          firm: firmName,
          partner: partner.nameZh ?? partner.name,
          link,
          expires: saved.expiresAt.toISOString().slice(0, 16).replace('T', ' '),
        }),
        m,
      );
      await this.audit.record(
        {
          action: 'partner.check.sent',
          actorUserId: actor.userId,
          orgId,
          target: `partner_check:${saved.id}`,
          ip: actor.ip,
          details: { partnerId, locale },
        },
        m,
      );
      return saved;
    });
    return checkView(check, []);
  }

  async revokeCheck(orgId: string, partnerId: string, checkId: string, actor: Actor): Promise<PartnerCheckView> {
    const check = await this.db.transaction(async (m) => {
      const c = await m.findOne(PartnerCheck, {
        where: { id: checkId, orgId, partnerId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!c) throw new NotFoundError('errors.partner.checkNotFound');
      if (c.submittedAt || c.revokedAt) throw new ConflictError('errors.partner.checkClosed');
      c.revokedAt = new Date();
      await m.save(c);
      await this.audit.record(
        {
          action: 'partner.check.revoked',
          actorUserId: actor.userId,
          orgId,
          target: `partner_check:${c.id}`,
          ip: actor.ip,
        },
        m,
      );
      return c;
    });
    const evidence = await this.db.manager.find(PartnerEvidence, { where: { orgId, checkId } });
    return checkView(check, evidence);
  }

  async evidenceFile(
    orgId: string,
    partnerId: string,
    checkId: string,
    evidenceId: string,
    actor: Actor,
  ): Promise<PartnerEvidence> {
    const e = await this.db.manager
      .createQueryBuilder(PartnerEvidence, 'e')
      .addSelect('e.content')
      .innerJoin(PartnerCheck, 'c', 'c.id = e.check_id')
      .where('e.id = :evidenceId AND e.check_id = :checkId AND e.org_id = :orgId', { evidenceId, checkId, orgId })
      .andWhere('c.partner_id = :partnerId AND c.org_id = :orgId', { partnerId, orgId })
      .getOne();
    if (!e) throw new NotFoundError('errors.partner.evidenceNotFound');
    await this.audit.record({
      action: 'partner.evidence.downloaded',
      actorUserId: actor.userId,
      orgId,
      target: `partner_evidence:${e.id}`,
      ip: actor.ip,
    });
    return e;
  }

  async addVerification(
    orgId: string,
    partnerId: string,
    dto: VerificationDto,
    actor: Actor,
  ): Promise<VerificationView> {
    if (dto.checkedOn.slice(0, 10) > new Date().toISOString().slice(0, 10))
      throw fieldError('checkedOn', 'errors.partner.checkedOnFuture');
    const saved = await this.db.transaction(async (m) => {
      await this.find(orgId, partnerId, m);
      const v = await m.save(
        m.create(PartnerVerification, {
          orgId,
          partnerId,
          source: dto.source,
          checkedOn: dto.checkedOn.slice(0, 10),
          outcome: dto.outcome,
          note: dto.note ?? null,
          recordedBy: actor.userId,
        }),
      );
      if (dto.outcome === 'no_entry') await m.update(Partner, { id: partnerId, orgId }, { recheckRemindedAt: null });
      await this.audit.record(
        {
          action: 'partner.verification.recorded',
          actorUserId: actor.userId,
          orgId,
          target: `partner:${partnerId}`,
          ip: actor.ip,
          details: { source: dto.source, outcome: dto.outcome },
        },
        m,
      );
      return v;
    });
    return verificationView(saved);
  }

  /** The check of one of the firm's partners (for the receipt), or 404. */
  async findCheck(orgId: string, partnerId: string, checkId: string): Promise<PartnerCheck> {
    const c = await this.db.manager.findOne(PartnerCheck, { where: { id: checkId, orgId, partnerId } });
    if (!c) throw new NotFoundError('errors.partner.checkNotFound');
    return c;
  }

  private async find(orgId: string, partnerId: string, m: EntityManager = this.db.manager): Promise<Partner> {
    const p = await m.findOne(Partner, { where: { id: partnerId, orgId } });
    if (!p) throw new NotFoundError('errors.partner.notFound');
    return p;
  }

  private async assertUsccFree(
    m: EntityManager,
    orgId: string,
    uscc: string | null,
    self: string | null,
  ): Promise<void> {
    if (!uscc) return;
    const other = await m.findOne(Partner, { where: { orgId, uscc }, select: { id: true } });
    if (other && other.id !== self) throw fieldError('uscc', 'errors.partner.usccTaken', {}, ConflictError);
  }

  private fields(
    i: PartnerInput,
  ): Omit<Partner, 'id' | 'orgId' | 'createdAt' | 'updatedAt' | 'recheckRemindedAt' | 'org'> {
    return {
      name: i.name,
      nameZh: i.nameZh ?? null,
      uscc: i.uscc ?? null,
      role: i.role,
      province: i.province ?? null,
      contactName: i.contactName ?? null,
      contactEmail: i.contactEmail ?? null,
      contactLanguage: i.contactLanguage ?? 'zh',
      recheckMonths: i.recheckMonths ?? 12,
    };
  }
}
