import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, DirectoryService } from '@scs/api/accounts';
import {
  ConflictError,
  fieldError,
  GoneError,
  InvalidInputError,
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '@scs/api/core';
import { ReportsService } from '@scs/api/reports';
import { evaluatePartnerCheck, partnerAnswerProblems } from '@scs/shared/catalogue';
import type {
  EvidenceView,
  PartnerLinkPeek,
  PartnerLinkView,
  PartnerReceiptStatus,
  PartnerSubmitted,
} from '@scs/shared/contracts';
import type { SubmitCheckDto } from './dto/partner.dto';
import { EVIDENCE_MAX_BYTES, evidenceFilename, inspectEvidence } from './evidence/evidence-file';
import { Partner, PartnerCheck, PartnerEvidence } from './partner.entity';
import { newToken, tokenHash } from './partners.service';
import { PartnerQuestionnaires } from './questionnaire';
import { PARTNER_RECEIPT_KIND } from './receipt/partner-receipt.report';
import { DAY_MS, evidenceView, questionnaireView } from './views';

export const EVIDENCE_MAX_FILES = 5;
export const RECEIPT_TTL_DAYS = 7;
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/**
 * The partner's side: everything is reached through the link's token (only its SHA-256 is stored) and, before any
 * data, the invited address. Unknown tokens and wrong addresses answer 404, used, withdrawn and expired links 410;
 * neither carries data. The partner sees its own check only: the firm's name, its own name and the questionnaire.
 */
@Injectable()
export class PartnerLinkService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly questionnaires: PartnerQuestionnaires,
    private readonly reports: ReportsService,
    private readonly directory: DirectoryService,
  ) {}

  /** The link as stored, or 404 (unknown) / 410 (used, withdrawn, expired). */
  private async live(token: string, m: EntityManager = this.db.manager, lock = false): Promise<PartnerCheck> {
    if (!TOKEN_FORMAT.test(token)) throw new NotFoundError('errors.partner.link.notFound');
    const c = await m.findOne(PartnerCheck, {
      where: { tokenHash: tokenHash(token) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!c) throw new NotFoundError('errors.partner.link.notFound');
    if (c.submittedAt || c.revokedAt || c.expiresAt <= new Date()) throw new GoneError('errors.partner.link.gone');
    return c;
  }

  /** The live link bound to `email`; a different address gets the same 404 as an unknown link (and is logged). */
  private async bound(
    token: string,
    email: string,
    ip: string | null,
    m?: EntityManager,
    lock = false,
  ): Promise<PartnerCheck> {
    const c = await this.live(token, m, lock);
    if (!sameAddress(c.email, email)) {
      await this.audit.record({
        action: 'partner.check.addressMismatch',
        orgId: c.orgId,
        target: `partner_check:${c.id}`,
        ip,
      });
      throw new NotFoundError('errors.partner.link.notFound');
    }
    return c;
  }

  async peek(token: string): Promise<PartnerLinkPeek> {
    const c = await this.live(token);
    return { locale: c.locale };
  }

  async open(token: string, email: string, ip: string | null): Promise<PartnerLinkView> {
    const c = await this.bound(token, email, ip);
    const firstView = !c.openedAt;
    if (firstView) await this.db.manager.update(PartnerCheck, { id: c.id }, { openedAt: new Date() });
    await this.audit.record({
      action: 'partner.check.viewed',
      orgId: c.orgId,
      target: `partner_check:${c.id}`,
      ip,
      details: { first: firstView },
    });
    return this.linkView(c);
  }

  private async linkView(c: PartnerCheck): Promise<PartnerLinkView> {
    const [firm, partner, evidence] = await Promise.all([
      this.directory.organisationNames([c.orgId]),
      this.db.manager.findOneOrFail(Partner, { where: { id: c.partnerId, orgId: c.orgId } }),
      this.evidence(c),
    ]);
    return {
      firmName: firm.get(c.orgId) ?? '',
      partnerName: partner.name,
      partnerNameZh: partner.nameZh,
      locale: c.locale,
      expiresAt: c.expiresAt.toISOString(),
      questionnaire: questionnaireView(this.questionnaires.get(c.questionnaireVersion)),
      evidence,
    };
  }

  private async evidence(c: PartnerCheck): Promise<EvidenceView[]> {
    const rows = await this.db.manager.find(PartnerEvidence, {
      where: { checkId: c.id, orgId: c.orgId },
      order: { uploadedAt: 'ASC' },
    });
    return rows.map(evidenceView);
  }

  async addEvidence(
    token: string,
    email: string,
    file: { buffer: Buffer; originalname: string } | undefined,
    ip: string | null,
  ): Promise<EvidenceView> {
    if (!file) throw fieldError('file', 'errors.partner.evidence.missing');
    if (file.buffer.length > EVIDENCE_MAX_BYTES)
      throw fieldError(
        'file',
        'errors.partner.evidence.tooLarge',
        { mb: EVIDENCE_MAX_BYTES / 1024 / 1024 },
        PayloadTooLargeError,
      );
    return this.db.transaction(async (m) => {
      const c = await this.bound(token, email, ip, m, true);
      const verdict = inspectEvidence(file.buffer);
      if (!verdict.ok) {
        // Outside the transaction (which the refusal rolls back): the attempt stays in the log.
        await this.audit.record({
          action: 'partner.evidence.refused',
          orgId: c.orgId,
          target: `partner_check:${c.id}`,
          ip,
          details: { problem: verdict.problem },
        });
        throw fieldError(
          'file',
          'errors.partner.evidence.refused',
          { problem: verdict.problem },
          UnsupportedMediaTypeError,
        );
      }
      const count = await m.count(PartnerEvidence, { where: { checkId: c.id } });
      if (count >= EVIDENCE_MAX_FILES)
        throw fieldError('file', 'errors.partner.evidence.tooMany', { max: EVIDENCE_MAX_FILES }, ConflictError);
      const saved = await m.save(
        m.create(PartnerEvidence, {
          checkId: c.id,
          orgId: c.orgId,
          filename: evidenceFilename(utf8Name(file.originalname ?? ''), verdict.extension),
          contentType: verdict.type,
          size: file.buffer.length,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          content: file.buffer,
        }),
      );
      await this.audit.record(
        {
          action: 'partner.evidence.uploaded',
          orgId: c.orgId,
          target: `partner_check:${c.id}`,
          ip,
          details: { type: verdict.type, size: file.buffer.length },
        },
        m,
      );
      return evidenceView(saved);
    });
  }

  async removeEvidence(token: string, email: string, evidenceId: string, ip: string | null): Promise<void> {
    await this.db.transaction(async (m) => {
      const c = await this.bound(token, email, ip, m, true);
      const result = await m.delete(PartnerEvidence, { id: evidenceId, checkId: c.id });
      if (!result.affected) throw new NotFoundError('errors.partner.evidenceNotFound');
      await this.audit.record(
        { action: 'partner.evidence.removed', orgId: c.orgId, target: `partner_check:${c.id}`, ip },
        m,
      );
    });
  }

  /** Stores the answers once: the link is used from then on. Returns the receipt token (shown once). */
  async submit(token: string, dto: SubmitCheckDto, ip: string | null): Promise<PartnerSubmitted> {
    const { receipt, checkId, orgId, flags } = await this.db.transaction(async (m) => {
      const c = await this.bound(token, dto.email, ip, m, true);
      const q = this.questionnaires.get(c.questionnaireVersion);
      const answers = Object.fromEntries(Object.entries(dto.answers).map(([k, v]) => [k, String(v)]));
      const problems = partnerAnswerProblems(q, answers);
      if (problems) {
        const fields = Object.fromEntries(
          Object.entries(problems).map(([id, p]) => [
            `answers.${id}`,
            { code: p === 'missing' ? 'errors.partner.answers.missing' : 'errors.partner.answers.unknown', params: {} },
          ]),
        ) as Record<
          string,
          { code: 'errors.partner.answers.missing' | 'errors.partner.answers.unknown'; params: Record<string, never> }
        >;
        throw new InvalidInputError(
          'errors.partner.answers.incomplete',
          { n: Object.keys(problems).length },
          { fields },
        );
      }
      const today = new Date().toISOString().slice(0, 10);
      if (dto.declaration.date.slice(0, 10) > today)
        throw fieldError('declaration.date', 'errors.partner.declaration.future');
      const { flags: redFlags, level } = evaluatePartnerCheck(q, answers);
      const receiptToken = newToken();
      const result = await m
        .createQueryBuilder()
        .update(PartnerCheck)
        .set({
          answers,
          flags: redFlags,
          level,
          answerLocale: dto.locale,
          declarationName: dto.declaration.name,
          declarationRole: dto.declaration.role,
          declarationDate: dto.declaration.date.slice(0, 10),
          submittedAt: () => 'now()',
          receiptTokenHash: receiptToken.hash,
        })
        .where('id = :id AND submitted_at IS NULL AND revoked_at IS NULL AND expires_at > now()', { id: c.id })
        .execute();
      if (!result.affected) throw new GoneError('errors.partner.link.gone');
      await m.update(Partner, { id: c.partnerId, orgId: c.orgId }, { recheckRemindedAt: null });
      await this.audit.record(
        {
          action: 'partner.check.answered',
          orgId: c.orgId,
          target: `partner_check:${c.id}`,
          ip,
          details: { flags: redFlags.length, locale: dto.locale },
        },
        m,
      );
      return { receipt: receiptToken.token, checkId: c.id, orgId: c.orgId, flags: redFlags.length };
    });
    await this.requestReceipt(orgId, checkId);
    return { receiptToken: receipt, flags };
  }

  /** Queues the receipt PDF (the report pipeline renders it once per check). */
  async requestReceipt(orgId: string, checkId: string): Promise<string> {
    const { report } = await this.reports.request({
      kind: PARTNER_RECEIPT_KIND,
      orgId,
      subjectId: checkId,
      locale: 'en',
      preparedBy: null,
      requestedBy: null,
    });
    await this.db.manager.update(PartnerCheck, { id: checkId, orgId }, { receiptReportId: report.id });
    return report.id;
  }

  private async byReceipt(receiptToken: string): Promise<PartnerCheck> {
    if (!TOKEN_FORMAT.test(receiptToken)) throw new NotFoundError('errors.partner.link.notFound');
    const c = await this.db.manager.findOne(PartnerCheck, { where: { receiptTokenHash: tokenHash(receiptToken) } });
    if (!c || !c.submittedAt) throw new NotFoundError('errors.partner.link.notFound');
    if (c.submittedAt.getTime() + RECEIPT_TTL_DAYS * DAY_MS <= Date.now())
      throw new GoneError('errors.partner.link.gone');
    return c;
  }

  async receiptStatus(receiptToken: string): Promise<PartnerReceiptStatus> {
    const c = await this.byReceipt(receiptToken);
    const id = c.receiptReportId ?? (await this.requestReceipt(c.orgId, c.id));
    const r = await this.reports.status(id, { orgId: c.orgId, kinds: [PARTNER_RECEIPT_KIND] });
    return { status: r.status, filename: null };
  }

  async receiptFile(receiptToken: string, ip: string | null): Promise<{ pdf: Buffer; filename: string }> {
    const c = await this.byReceipt(receiptToken);
    if (!c.receiptReportId) throw new ConflictError('errors.report.notReady');
    const file = await this.reports.file(c.receiptReportId, { orgId: c.orgId, kinds: [PARTNER_RECEIPT_KIND] });
    await this.audit.record({
      action: 'partner.receipt.downloaded',
      orgId: c.orgId,
      target: `partner_check:${c.id}`,
      ip,
    });
    return file;
  }
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Multer hands over the multipart file name decoded as Latin-1; browsers send UTF-8 (Chinese names must survive). */
function utf8Name(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}
