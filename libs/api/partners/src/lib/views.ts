import type {
  EvidenceView,
  PartnerCheckState,
  PartnerCheckView,
  PartnerView,
  QuestionnaireView,
  VerificationView,
} from '@scs/shared/contracts';
import type { PartnerCheckQuestionnaire } from '@scs/shared/catalogue';
import type { Partner, PartnerCheck, PartnerEvidence, PartnerVerification } from './partner.entity';

export const DAY_MS = 86_400_000;

export function checkState(c: PartnerCheck, now = new Date()): Exclude<PartnerCheckState, 'none'> {
  if (c.submittedAt) return 'answered';
  if (c.revokedAt) return 'revoked';
  if (c.expiresAt <= now) return 'expired';
  return c.openedAt ? 'opened' : 'sent';
}

export function addMonths(d: Date, months: number): Date {
  const out = new Date(d);
  out.setUTCMonth(out.getUTCMonth() + months);
  return out;
}

/** When the partner is due for a re-check: its latest answer or own "no entry" verification plus the interval. */
export function recheckDue(p: Partner, lastAnswer: Date | null, lastVerification: string | null): Date | null {
  const candidates = [lastAnswer, lastVerification ? new Date(`${lastVerification}T00:00:00Z`) : null].filter(
    (d): d is Date => d !== null,
  );
  if (!candidates.length) return null;
  const latest = new Date(Math.max(...candidates.map((d) => d.getTime())));
  return addMonths(latest, p.recheckMonths);
}

export function partnerView(
  p: Partner,
  latest: PartnerCheck | null,
  lastAnswered: PartnerCheck | null,
  lastVerification: string | null,
  now = new Date(),
): PartnerView {
  const due = recheckDue(p, lastAnswered?.submittedAt ?? null, lastVerification);
  return {
    id: p.id,
    name: p.name,
    nameZh: p.nameZh,
    uscc: p.uscc,
    role: p.role,
    province: p.province,
    contactName: p.contactName,
    contactEmail: p.contactEmail,
    contactLanguage: p.contactLanguage,
    recheckMonths: p.recheckMonths,
    state: latest ? checkState(latest, now) : 'none',
    level: lastAnswered?.level ?? null,
    flagCount: lastAnswered?.flags?.length ?? 0,
    answeredAt: lastAnswered?.submittedAt?.toISOString() ?? null,
    recheckDue: due ? due.toISOString().slice(0, 10) : null,
    recheckOverdue: due !== null && due <= now,
  };
}

export function evidenceView(e: PartnerEvidence): EvidenceView {
  return {
    id: e.id,
    filename: e.filename,
    contentType: e.contentType,
    size: e.size,
    uploadedAt: e.uploadedAt.toISOString(),
  };
}

export function checkView(c: PartnerCheck, evidence: PartnerEvidence[], now = new Date()): PartnerCheckView {
  return {
    id: c.id,
    email: c.email,
    locale: c.locale,
    state: checkState(c, now),
    sentAt: c.sentAt.toISOString(),
    expiresAt: c.expiresAt.toISOString(),
    openedAt: c.openedAt?.toISOString() ?? null,
    submittedAt: c.submittedAt?.toISOString() ?? null,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    questionnaireVersion: c.questionnaireVersion,
    answers: c.answers,
    flags: c.flags ?? [],
    level: c.level,
    declaration:
      c.declarationName && c.declarationRole && c.declarationDate
        ? { name: c.declarationName, role: c.declarationRole, date: c.declarationDate }
        : null,
    evidence: evidence.map(evidenceView),
    answerLocale: c.answerLocale,
  };
}

export function verificationView(v: PartnerVerification): VerificationView {
  return {
    id: v.id,
    source: v.source,
    checkedOn: v.checkedOn,
    outcome: v.outcome,
    note: v.note,
    recordedAt: v.recordedAt.toISOString(),
  };
}

export function questionnaireView(q: PartnerCheckQuestionnaire): QuestionnaireView {
  return {
    version: q.version,
    title: q.title,
    intro: q.intro,
    declaration: q.declaration,
    questions: q.questions,
  };
}
