import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Organisation } from '@scs/api/accounts';
import type { PartnerLevel, PartnerLocale, PartnerSource, RedFlag } from '@scs/shared/catalogue';

export const PARTNER_ROLES = ['jv_partner', 'supplier', 'distributor', 'customer', 'logistics', 'other'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

/** A firm's business partner in China (issue 19): it belongs to the firm alone. */
@Entity('partner')
@Index('IDX_partner_org', ['orgId', 'name'])
@Index('UQ_partner_uscc', ['orgId', 'uscc'], { unique: true, where: '"uscc" IS NOT NULL' })
@Check('CHK_partner_role', `"role" IN ('jv_partner', 'supplier', 'distributor', 'customer', 'logistics', 'other')`)
@Check('CHK_partner_language', `"contact_language" IN ('zh', 'en', 'de')`)
@Check('CHK_partner_recheck', `"recheck_months" BETWEEN 1 AND 60`)
export class Partner {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_partner' }) id!: string;
  @Column({ type: 'uuid', name: 'org_id' }) orgId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', name: 'name_zh', nullable: true }) nameZh!: string | null;
  @Column({ type: 'char', length: 18, nullable: true }) uscc!: string | null;
  @Column({ type: 'text' }) role!: PartnerRole;
  @Column({ type: 'text', nullable: true }) province!: string | null;
  @Column({ type: 'text', name: 'contact_name', nullable: true }) contactName!: string | null;
  @Column({ type: 'text', name: 'contact_email', nullable: true }) contactEmail!: string | null;
  @Column({ type: 'text', name: 'contact_language', default: 'zh' }) contactLanguage!: PartnerLocale;
  /** Months after an answered check (or the firm's own verification) until a re-check is due. */
  @Column({ type: 'integer', name: 'recheck_months', default: 12 }) recheckMonths!: number;
  /** The re-check reminder for the current due date went out (cleared by a new answer or verification). */
  @Column({ type: 'timestamptz', name: 'recheck_reminded_at', nullable: true }) recheckRemindedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'FK_partner_org' })
  org?: Relation<Organisation>;
}

/** One partner-check link sent to a partner's contact, with the answers once submitted. */
@Entity('partner_check')
@Index('UQ_partner_check_token', ['tokenHash'], { unique: true })
@Index('IDX_partner_check_partner', ['partnerId', 'sentAt'])
@Index('UQ_partner_check_receipt', ['receiptTokenHash'], { unique: true, where: '"receipt_token_hash" IS NOT NULL' })
@Check('CHK_partner_check_locale', `"locale" IN ('zh', 'en', 'de')`)
export class PartnerCheck {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_partner_check' }) id!: string;
  @Column({ type: 'uuid', name: 'org_id' }) orgId!: string;
  @Column({ type: 'uuid', name: 'partner_id' }) partnerId!: string;
  @Column({ type: 'text', name: 'questionnaire_version' }) questionnaireVersion!: string;
  /** SHA-256 (hex) of the link's token; the token itself is only in the mail. */
  @Column({ type: 'char', length: 64, name: 'token_hash' }) tokenHash!: string;
  /** The invited address (lower case): the partner confirms it before seeing anything. */
  @Column({ type: 'text' }) email!: string;
  /** The language of the mail and the page (the partner may switch). */
  @Column({ type: 'text' }) locale!: PartnerLocale;
  @Column({ type: 'timestamptz', name: 'sent_at', default: () => 'now()' }) sentAt!: Date;
  @Column({ type: 'uuid', name: 'sent_by', nullable: true }) sentBy!: string | null;
  @Column({ type: 'timestamptz', name: 'expires_at' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', name: 'opened_at', nullable: true }) openedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true }) submittedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  /** The "expired unanswered" reminder went out to the firm. */
  @Column({ type: 'timestamptz', name: 'expiry_reminded_at', nullable: true }) expiryRemindedAt!: Date | null;
  @Column({ type: 'jsonb', nullable: true }) answers!: Record<string, string> | null;
  @Column({ type: 'jsonb', nullable: true }) flags!: RedFlag[] | null;
  @Column({ type: 'text', nullable: true }) level!: PartnerLevel | null;
  /** The language the partner answered in (its receipt's language). */
  @Column({ type: 'text', name: 'answer_locale', nullable: true }) answerLocale!: PartnerLocale | null;
  @Column({ type: 'text', name: 'declaration_name', nullable: true }) declarationName!: string | null;
  @Column({ type: 'text', name: 'declaration_role', nullable: true }) declarationRole!: string | null;
  @Column({ type: 'date', name: 'declaration_date', nullable: true }) declarationDate!: string | null;
  /** SHA-256 (hex) of the receipt token handed out on submission (the partner downloads its receipt with it). */
  @Column({ type: 'char', length: 64, name: 'receipt_token_hash', nullable: true }) receiptTokenHash!: string | null;
  @Column({ type: 'uuid', name: 'receipt_report_id', nullable: true }) receiptReportId!: string | null;

  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'FK_partner_check_partner' })
  partner?: Relation<Partner>;
}

/** A file the partner attached (special credit report, Credit China screenshot): served only to the firm. */
@Entity('partner_evidence')
@Index('IDX_partner_evidence_check', ['checkId'])
@Check('CHK_partner_evidence_type', `"content_type" IN ('application/pdf', 'image/png', 'image/jpeg')`)
export class PartnerEvidence {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_partner_evidence' }) id!: string;
  @Column({ type: 'uuid', name: 'check_id' }) checkId!: string;
  @Column({ type: 'uuid', name: 'org_id' }) orgId!: string;
  @Column({ type: 'text' }) filename!: string;
  @Column({ type: 'text', name: 'content_type' }) contentType!: 'application/pdf' | 'image/png' | 'image/jpeg';
  @Column({ type: 'integer' }) size!: number;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ type: 'bytea', select: false }) content!: Buffer;
  @CreateDateColumn({ type: 'timestamptz', name: 'uploaded_at' }) uploadedAt!: Date;

  @ManyToOne(() => PartnerCheck, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'check_id', foreignKeyConstraintName: 'FK_partner_evidence_check' })
  check?: Relation<PartnerCheck>;
}

/** The firm's own look-up ("checked on Credit China on 2026-12-01: no entry"). */
@Entity('partner_verification')
@Index('IDX_partner_verification_partner', ['partnerId', 'checkedOn'])
@Check('CHK_partner_verification_outcome', `"outcome" IN ('no_entry', 'entry_found')`)
export class PartnerVerification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_partner_verification' }) id!: string;
  @Column({ type: 'uuid', name: 'partner_id' }) partnerId!: string;
  @Column({ type: 'uuid', name: 'org_id' }) orgId!: string;
  @Column({ type: 'text' }) source!: PartnerSource;
  @Column({ type: 'date', name: 'checked_on' }) checkedOn!: string;
  @Column({ type: 'text' }) outcome!: 'no_entry' | 'entry_found';
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'uuid', name: 'recorded_by', nullable: true }) recordedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'recorded_at' }) recordedAt!: Date;

  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'FK_partner_verification_partner' })
  partner?: Relation<Partner>;
}

export const partnersEntities = [Partner, PartnerCheck, PartnerEvidence, PartnerVerification];
