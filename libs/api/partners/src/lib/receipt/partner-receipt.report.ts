import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DirectoryService } from '@scs/api/accounts';
import { NotFoundError, UnprocessableError } from '@scs/api/core';
import {
  reportPdfOptions,
  slug,
  type BuiltReport,
  type ReportContentKey,
  type ReportKindProvider,
  type ReportRequest,
} from '@scs/api/reports';
import { Partner, PartnerCheck, PartnerEvidence } from '../partner.entity';
import { PartnerQuestionnaires } from '../questionnaire';
import {
  PARTNER_RECEIPT_TEMPLATE_VERSION,
  renderPartnerReceipt,
  type PartnerReceiptData,
} from './partner-receipt.template';

export const PARTNER_RECEIPT_KIND = 'partner_receipt';

/**
 * The partner's receipt of an answered check, in the language the partner answered in (zh, en or de; that choice is
 * part of the content key, the report's own locale column stays the firm-side default). Owned by the requesting firm.
 */
@Injectable()
export class PartnerReceiptReport implements ReportKindProvider<PartnerReceiptData> {
  readonly kind = PARTNER_RECEIPT_KIND;
  readonly templateVersion = PARTNER_RECEIPT_TEMPLATE_VERSION;
  readonly subject = 'organisation';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly questionnaires: PartnerQuestionnaires,
    private readonly directory: DirectoryService,
  ) {}

  private async check(request: ReportRequest): Promise<PartnerCheck> {
    const c = await this.db.manager.findOne(PartnerCheck, { where: { id: request.subjectId } });
    if (!c) throw new NotFoundError('errors.partner.checkNotFound');
    if (!c.submittedAt || !c.answers) throw new UnprocessableError('errors.partner.notAnswered');
    return c;
  }

  async contentKey(request: ReportRequest): Promise<ReportContentKey> {
    const c = await this.check(request);
    return { orgId: c.orgId, parts: [c.id, c.submittedAt?.toISOString() ?? '', c.answerLocale ?? 'en'] };
  }

  async build(request: ReportRequest): Promise<BuiltReport<PartnerReceiptData>> {
    const c = await this.check(request);
    const [firm, partner, evidence] = await Promise.all([
      this.directory.organisationNames([c.orgId]),
      this.db.manager.findOneOrFail(Partner, { where: { id: c.partnerId, orgId: c.orgId } }),
      this.db.manager.find(PartnerEvidence, { where: { checkId: c.id }, order: { uploadedAt: 'ASC' } }),
    ]);
    const data: PartnerReceiptData = {
      locale: c.answerLocale ?? c.locale,
      firmName: firm.get(c.orgId) ?? '',
      partnerName: partner.name,
      partnerNameZh: partner.nameZh,
      uscc: partner.uscc,
      submittedAt: (c.submittedAt as Date).toISOString(),
      questionnaire: this.questionnaires.get(c.questionnaireVersion),
      answers: c.answers ?? {},
      flags: c.flags ?? [],
      declaration: { name: c.declarationName ?? '', role: c.declarationRole ?? '', date: c.declarationDate ?? '' },
      evidence: evidence.map((e) => ({ filename: e.filename, size: e.size, sha256: e.sha256 })),
      checkId: c.id,
    };
    return {
      data,
      html: renderPartnerReceipt(data),
      pdfOptions: reportPdfOptions(),
      filename: `partner-check_${slug(partner.name) || 'partner'}_${data.submittedAt.slice(0, 10)}_${data.locale}.pdf`,
    };
  }
}
