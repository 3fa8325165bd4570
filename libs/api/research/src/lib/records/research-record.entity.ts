import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An anonymised research record (schema `research`, which no query of the application's firm tables joins). No names,
 * e-mail addresses, credit codes, notes, free text or dates: the wave is the only time information.
 */
@Entity({ schema: 'research', name: 'record' })
@Index('IDX_research_record_pseudonym', ['pseudonym'])
export class ResearchRecordRow {
  // (wave, pseudonym): outputs read a wave in pseudonym order; revocation finds a firm through the pseudonym index.
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_research_record' }) wave!: string;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_research_record' }) pseudonym!: string;
  @Column({ type: 'text', name: 'catalogue_version' }) catalogueVersion!: string;
  @Column({ type: 'text', name: 'nace_section' }) naceSection!: string;
  @Column({ type: 'text', name: 'province_group' }) provinceGroup!: string;
  @Column({ type: 'text' }) province!: string;
  @Column({ type: 'text', name: 'headcount_band' }) headcountBand!: string;
  @Column({ type: 'text', name: 'legal_form' }) legalForm!: string;
  @Column({ type: 'jsonb' }) activities!: string[];
  @Column({ type: 'jsonb', name: 'dimension_scores' }) dimensionScores!: Record<string, number | null>;
  @Column({ type: 'double precision', name: 'overall_score', nullable: true }) overallScore!: number | null;
  @Column({ type: 'text', nullable: true }) level!: string | null;
  @Column({ type: 'jsonb' }) answers!: Record<string, string>;
  @Column({ type: 'jsonb', name: 'research_module', nullable: true }) researchModule!: Record<string, string> | null;
  /**
   * The scoring model of the scores and level. The writer always sets it; the migration set 1 on the records written
   * before (all scored with model 1); null only in rows inserted by tools and fixtures (synthetic, current model).
   */
  @Column({ type: 'smallint', name: 'scoring_model', nullable: true }) scoringModel!: number | null;
  /** Which pseudonym key wrote the record (a fingerprint, not the key): tells records of a rotated key apart. */
  @Column({ type: 'text', name: 'key_id' }) keyId!: string;
}
