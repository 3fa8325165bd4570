import type { PartnerLocale } from '@scs/shared/catalogue';
import type { PartnerRole } from './partner.entity';

// Partner-facing texts (mails, receipt) in the partner's language: Simplified Chinese, English or German. They stay
// in this feature until the server message catalogue has Chinese (the zh work of issue 19 adds it).

type Tri = Record<PartnerLocale, string>;

export const ROLE_LABELS: Record<PartnerRole, Tri> = {
  jv_partner: { zh: '合资伙伴', en: 'JV partner', de: 'JV-Partner' },
  supplier: { zh: '供应商', en: 'Supplier', de: 'Lieferant' },
  distributor: { zh: '经销商', en: 'Distributor', de: 'Händler' },
  customer: { zh: '客户', en: 'Customer', de: 'Kunde' },
  logistics: { zh: '物流服务商', en: 'Logistics provider', de: 'Logistikdienstleister' },
  other: { zh: '其他', en: 'Other', de: 'Sonstige' },
};

const fill = (t: string, p: Record<string, string>) => t.replace(/\{(\w+)\}/g, (_, k: string) => p[k] ?? '');

const CHECK_MAIL = {
  subject: {
    zh: '{firm} 请您填写合作伙伴信用核查',
    en: '{firm} asks you to answer a partner credit check',
    de: '{firm} bittet Sie um eine Partnerprüfung',
  },
  body: {
    zh: '您好，\n\n{firm} 请贵公司（{partner}）回答几个关于中国公共信用记录的问题（例如信用中国、国家企业信用信息公示系统、失信被执行人名单、纳税信用级别、海关信用等级）。\n\n请打开以下链接，并用收到本邮件的邮箱地址（{email}）确认身份：\n{link}\n\n该链接无需登录，仅可提交一次，有效期至 {expires}（UTC）。可以选择中文、英文或德文作答。\n\n如非本人操作，请忽略本邮件。',
    en: "Hello,\n\n{firm} asks your company ({partner}) a few questions about its entries in China's public credit records (Credit China, NECIPS, the dishonest judgment debtor list, the tax credit grade, the customs credit level).\n\nOpen the link below and confirm the address this mail was sent to ({email}):\n{link}\n\nThe link needs no account, can be submitted once and is valid until {expires} (UTC). You can answer in Chinese, English or German.\n\nIf you did not expect this mail, ignore it.",
    de: 'Guten Tag,\n\n{firm} stellt Ihrem Unternehmen ({partner}) einige Fragen zu seinen Einträgen in Chinas öffentlichen Kreditregistern (Credit China, NECIPS, Liste unredlicher Vollstreckungsschuldner, Steuerkreditstufe, Zoll-Kreditstufe).\n\nÖffnen Sie den folgenden Link und bestätigen Sie die Adresse, an die diese E-Mail ging ({email}):\n{link}\n\nDer Link braucht kein Konto, kann einmal abgeschickt werden und gilt bis {expires} (UTC). Sie können auf Chinesisch, Englisch oder Deutsch antworten.\n\nWenn Sie diese E-Mail nicht erwartet haben, ignorieren Sie sie.',
  },
} satisfies Record<string, Tri>;

/** The mail with the check link, in the contact's language first, then the other two. */
export function checkMail(
  to: string,
  locale: PartnerLocale,
  p: { firm: string; partner: string; link: string; expires: string },
): { to: string; subject: string; text: string } {
  const params = { ...p, email: to };
  const order: PartnerLocale[] = [locale, ...(['zh', 'en', 'de'] as const).filter((l) => l !== locale)];
  return {
    to,
    subject: `SCS Check: ${fill(CHECK_MAIL.subject[locale], params)}`,
    text: order.map((l) => fill(CHECK_MAIL.body[l], params)).join('\n\n----------\n\n'),
  };
}

/** Mails to the firm (German first, then English, as every firm mail). */
export function firmReminderMail(
  to: string,
  kind: 'recheckDue' | 'expiredUnanswered',
  p: { partner: string; date: string; link: string },
): { to: string; subject: string; text: string } {
  const t =
    kind === 'recheckDue'
      ? {
          subject: 'Partnerprüfung fällig / Partner check due',
          de: 'Die erneute Prüfung von {partner} ist seit {date} fällig. Senden Sie eine neue Partnerprüfung oder erfassen Sie Ihre eigene Prüfung:\n{link}',
          en: 'The re-check of {partner} has been due since {date}. Send a new partner check or record your own verification:\n{link}',
        }
      : {
          subject: 'Partnerprüfung unbeantwortet abgelaufen / Partner check expired unanswered',
          de: 'Der Link der Partnerprüfung für {partner} ist am {date} abgelaufen, ohne dass geantwortet wurde. Sie können einen neuen Link senden:\n{link}',
          en: 'The partner check link for {partner} expired on {date} without an answer. You can send a new link:\n{link}',
        };
  return { to, subject: `SCS Check: ${t.subject} – ${p.partner}`, text: `${fill(t.de, p)}\n\n${fill(t.en, p)}` };
}

/** Column heads and values of the partner list export. */
export const EXPORT_HEAD: Record<'de' | 'en', string[]> = {
  de: [
    'Name',
    'Chinesischer Name',
    'USCC',
    'Rolle',
    'Provinz',
    'Ansprechpartner',
    'E-Mail',
    'Sprache',
    'Status',
    'Risikostufe',
    'Warnsignale',
    'Beantwortet am (UTC)',
    'Erneute Prüfung fällig',
    'Prüfintervall (Jahre)',
  ],
  en: [
    'Name',
    'Chinese name',
    'USCC',
    'Role',
    'Province',
    'Contact',
    'Email',
    'Language',
    'Status',
    'Risk level',
    'Red flags',
    'Answered (UTC)',
    'Re-check due',
    'Re-check interval (years)',
  ],
};
