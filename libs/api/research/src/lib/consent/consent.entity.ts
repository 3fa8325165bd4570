import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const CONSENT_KINDS = ['research', 'chamber', 'chamber_participation'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** A published consent text (German and English); a new wording is a new version, never an edit. */
@Entity('consent_text')
@Check('CHK_consent_text_kind', `"kind" IN ('research', 'chamber', 'chamber_participation')`)
@Index('UQ_consent_text_kind_version', ['kind', 'version'], { unique: true })
export class ConsentText {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_consent_text' }) id!: string;
  @Column({ type: 'text' }) kind!: ConsentKind;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'text', name: 'text_en' }) textEn!: string;
  @Column({ type: 'text', name: 'text_de' }) textDe!: string;
  @Column({ type: 'timestamptz', name: 'published_at', default: () => 'now()' }) publishedAt!: Date;
}

/** Consents given to one chamber (named on the grant); `research` names none. */
export const CHAMBER_CONSENT_KINDS = ['chamber', 'chamber_participation'] as const satisfies readonly ConsentKind[];
export const isChamberKind = (kind: ConsentKind): boolean =>
  (CHAMBER_CONSENT_KINDS as readonly string[]).includes(kind);

/**
 * One grant of a consent by a firm, with the text version agreed to; revoking sets `revoked_at`. The history stays
 * (who agreed to what, when). A chamber consent names its chamber (`chamber_id`): at most one active row per firm,
 * kind and chamber, and one per firm for research. Only revoked rows from before per-chamber consent lack a chamber.
 */
@Entity('consent')
@Check('CHK_consent_kind', `"kind" IN ('research', 'chamber', 'chamber_participation')`)
@Check(
  'CHK_consent_chamber',
  `("kind" = 'research' AND "chamber_id" IS NULL) OR ("kind" <> 'research' AND ("chamber_id" IS NOT NULL OR "revoked_at" IS NOT NULL))`,
)
@Index('UQ_consent_active', ['orgId', 'kind'], { unique: true, where: '"revoked_at" IS NULL AND "chamber_id" IS NULL' })
@Index('UQ_consent_active_chamber', ['orgId', 'kind', 'chamberId'], {
  unique: true,
  where: '"revoked_at" IS NULL AND "chamber_id" IS NOT NULL',
})
@Index('IDX_consent_org', ['orgId'])
@Index('IDX_consent_chamber', ['chamberId'])
export class Consent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_consent' }) id!: string;
  @Column({ type: 'uuid', name: 'org_id' }) orgId!: string;
  @Column({ type: 'text' }) kind!: ConsentKind;
  /** The chamber a `chamber` / `chamber_participation` grant is given to (no foreign key, like org_id). */
  @Column({ type: 'uuid', name: 'chamber_id', nullable: true }) chamberId!: string | null;
  @Column({ type: 'integer', name: 'text_version' }) textVersion!: number;
  @Column({ type: 'uuid', name: 'granted_by', nullable: true }) grantedBy!: string | null;
  @Column({ type: 'timestamptz', name: 'granted_at', default: () => 'now()' }) grantedAt!: Date;
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'uuid', name: 'revoked_by', nullable: true }) revokedBy!: string | null;
}
