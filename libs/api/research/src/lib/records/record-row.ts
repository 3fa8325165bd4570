import type { LegalForm, ResearchRecord, SizeBand } from '@scs/shared/disclosure';
import type { ResearchRecordRow } from './research-record.entity';

// The mapping between a research record and its row, shared by the writer (ResearchRecordsService) and the readers
// (the aggregates engine) without either importing the other.

export function toRow(r: ResearchRecord): Omit<ResearchRecordRow, 'keyId'> {
  return {
    pseudonym: r.pseudonym,
    wave: r.wave,
    catalogueVersion: r.catalogueVersion,
    naceSection: r.naceSection,
    provinceGroup: r.provinceGroup,
    province: r.province,
    headcountBand: r.headcountBand,
    legalForm: r.legalForm,
    activities: r.activities,
    dimensionScores: r.dimensionScores,
    overallScore: r.overallScore,
    level: r.level,
    answers: r.answers,
    researchModule: r.researchModule ?? null,
    scoringModel: r.scoringModel ?? null,
  };
}

export function fromRow(
  row: Omit<ResearchRecordRow, 'keyId' | 'scoringModel'> & { keyId?: string; scoringModel?: number | null },
): ResearchRecord {
  return {
    pseudonym: row.pseudonym,
    wave: row.wave,
    catalogueVersion: row.catalogueVersion,
    naceSection: row.naceSection,
    provinceGroup: row.provinceGroup as ResearchRecord['provinceGroup'],
    province: row.province,
    headcountBand: row.headcountBand as SizeBand,
    legalForm: row.legalForm as LegalForm,
    activities: row.activities,
    dimensionScores: row.dimensionScores,
    overallScore: row.overallScore,
    level: row.level as ResearchRecord['level'],
    answers: row.answers,
    ...(row.researchModule ? { researchModule: row.researchModule } : {}),
    ...(row.scoringModel === 1 || row.scoringModel === 2 ? { scoringModel: row.scoringModel } : {}),
  };
}
