import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { Organisation } from '@scs/api/accounts';

export type ReportLanguage = 'de' | 'en';
export const REPORT_LANGUAGES: ReportLanguage[] = ['de', 'en'];

/** How a chamber appears on its own reports and on the reports of firms that came through it. */
@Entity('chamber_branding')
@Check('CHK_chamber_branding_language', `"report_language" IN ('de', 'en')`)
@Check('CHK_chamber_branding_benchmark_intro', `char_length("benchmark_intro") <= 3000`)
export class ChamberBrandingRecord {
  @PrimaryColumn({ type: 'uuid', name: 'chamber_id', primaryKeyConstraintName: 'PK_chamber_branding' })
  chamberId!: string;
  @Column({ type: 'text', name: 'display_name' }) displayName!: string;
  @Column({ type: 'text', name: 'contact_line', nullable: true }) contactLine!: string | null;
  @Column({ type: 'text', nullable: true }) website!: string | null;
  @Column({ type: 'text', name: 'report_language', default: 'de' }) reportLanguage!: ReportLanguage;
  /** The member benchmark's introduction, written by the chamber's staff (plain text, escaped when printed). */
  @Column({ type: 'text', name: 'benchmark_intro', nullable: true }) benchmarkIntro!: string | null;
  @Column({ type: 'uuid', name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chamber_id', foreignKeyConstraintName: 'FK_chamber_branding_chamber' })
  chamber?: Relation<Organisation>;
}

export type LogoType = 'image/png' | 'image/jpeg';

/** The chamber's logo: content-checked PNG or JPEG bytes (at most 512 KB), kept apart so branding reads stay small. */
@Entity('chamber_logo')
@Check('CHK_chamber_logo_type', `"content_type" IN ('image/png', 'image/jpeg')`)
@Check('CHK_chamber_logo_size', `octet_length("bytes") <= 524288`)
export class ChamberLogo {
  @PrimaryColumn({ type: 'uuid', name: 'chamber_id', primaryKeyConstraintName: 'PK_chamber_logo' }) chamberId!: string;
  @Column({ type: 'text', name: 'content_type' }) contentType!: LogoType;
  @Column({ type: 'bytea' }) bytes!: Buffer;
  @Column({ type: 'integer' }) width!: number;
  @Column({ type: 'integer' }) height!: number;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'timestamptz', name: 'uploaded_at', default: () => 'now()' }) uploadedAt!: Date;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chamber_id', foreignKeyConstraintName: 'FK_chamber_logo_chamber' })
  chamber?: Relation<Organisation>;
}
