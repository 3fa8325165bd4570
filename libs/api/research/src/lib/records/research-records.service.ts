import { answerCode } from '@scs/shared/answers';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogueService } from '@scs/api/catalogue';
import { isApplicable, type FirmProfile } from '@scs/shared/catalogue';
import {
  MISSING,
  ResearchModuleAnswerError,
  coarsenProvinces,
  flattenResearchModule,
  waveOf,
  type LegalForm,
  type ResearchModuleAnswers,
  type ResearchRecord,
  type SizeBand,
} from '@scs/shared/disclosure';
import { scoringModelOf, type Answers, type ScoreResult } from '@scs/shared/scoring';
import { researchModuleFor } from '../questionnaire/research-module.2026.1';
import { AggregatesService } from '../outputs/aggregates.service';
import { PseudonymService, pseudonymWith, keyIdOf } from './pseudonym.service';
import { ResearchRecordRow } from './research-record.entity';
import { toRow } from './record-row';

/** What the assessments feature hands over on submit (the research feature decides whether anything is kept). */
export interface SubmissionForResearch {
  /** The firm (organisation) id: only ever used as HMAC input, never stored. */
  firmId: string;
  /** The profile snapshot the assessment was scored with. */
  profile: FirmProfile;
  catalogueVersion: string;
  result: ScoreResult;
  /** Question id → answer; notes are never copied. */
  answers: Answers;
  /** Answers to the research module (option ids only). */
  researchAnswers?: ResearchModuleAnswers;
  submittedAt: Date;
}

export type RecordOutcome = { written: true; wave: string } | { written: false; reason: 'no_consent' };

/** Serialises consent changes and record writes of one firm (a revocation never races a submission). */
export async function lockFirmResearch(m: EntityManager, firmId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`research-consent:${firmId}`]);
}

export async function researchConsentActive(m: EntityManager, firmId: string): Promise<boolean> {
  const rows: unknown[] = await m.query(
    `SELECT 1 FROM "consent" WHERE "org_id" = $1 AND "kind" = 'research' AND "revoked_at" IS NULL`,
    [firmId],
  );
  return rows.length > 0;
}

@Injectable()
export class ResearchRecordsService {
  private readonly logger = new Logger(ResearchRecordsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pseudonyms: PseudonymService,
    private readonly catalogues: CatalogueService,
    private readonly aggregates: AggregatesService,
  ) {}

  /**
   * Called by the assessments feature on submit. Writes an anonymised record only if the firm's research consent is
   * active at this moment (checked under the firm's lock, inside `manager`'s transaction when given). A second
   * submission in the same wave replaces the first (the unit is the firm). Aggregates refresh afterwards, off the
   * request path.
   */
  async recordSubmission(input: SubmissionForResearch, manager?: EntityManager): Promise<RecordOutcome> {
    const run = async (m: EntityManager): Promise<RecordOutcome> => {
      await lockFirmResearch(m, input.firmId);
      if (!(await researchConsentActive(m, input.firmId))) return { written: false, reason: 'no_consent' };
      const key = await this.pseudonyms.key();
      const record = await this.toRecord(input, pseudonymWith(key.key, input.firmId));
      await m
        .createQueryBuilder()
        .insert()
        .into(ResearchRecordRow)
        .values({ ...toRow(record), keyId: key.id })
        .orUpdate(
          [
            'catalogue_version',
            'nace_section',
            'province_group',
            'province',
            'headcount_band',
            'legal_form',
            'activities',
            'dimension_scores',
            'overall_score',
            'level',
            'answers',
            'research_module',
            'scoring_model',
            'key_id',
          ],
          ['wave', 'pseudonym'],
        )
        .execute();
      await this.aggregates.markDirty(record.wave, m);
      return { written: true, wave: record.wave };
    };
    const outcome = manager ? await run(manager) : await this.dataSource.transaction(run);
    if (outcome.written) this.aggregates.requestRefresh();
    return outcome;
  }

  /** Deletes every research record of a firm (on revocation), in the caller's transaction; returns the waves touched. */
  async deleteForFirm(firmId: string, m: EntityManager): Promise<{ deleted: number; waves: string[] }> {
    const pseudonym = await this.pseudonyms.pseudonymOf(firmId);
    // TypeORM answers a DELETE … RETURNING with [rows, affected].
    const [rows] = (await m.query(`DELETE FROM "research"."record" WHERE "pseudonym" = $1 RETURNING "wave"`, [
      pseudonym,
    ])) as [{ wave: string }[], number];
    const waves = [...new Set(rows.map((r) => r.wave))];
    for (const wave of waves) await this.aggregates.markDirty(wave, m);
    return { deleted: rows.length, waves };
  }

  /**
   * Re-keys the records of the given firms from an old pseudonym key to the current one (key rotation, see
   * docs/privacy.md): without it, waves before the rotation no longer link, and revocation cannot find old records.
   */
  async rekey(oldKey: string, firmIds: readonly string[]): Promise<number> {
    const current = await this.pseudonyms.key();
    let moved = 0;
    await this.dataSource.transaction(async (m) => {
      for (const firmId of firmIds) {
        const res: [unknown[], number] = await m.query(
          `UPDATE "research"."record" SET "pseudonym" = $1, "key_id" = $2 WHERE "pseudonym" = $3`,
          [pseudonymWith(current.key, firmId), current.id, pseudonymWith(oldKey, firmId)],
        );
        moved += res[1] ?? 0;
      }
      await m.query(`UPDATE "research"."aggregate_state" SET "dirty" = true`);
    });
    this.logger.log(`Re-keyed ${moved} research records from key ${keyIdOf(oldKey)} to ${current.id}`);
    return moved;
  }

  private async toRecord(input: SubmissionForResearch, pseudonym: string): Promise<ResearchRecord> {
    const { catalogue } = await this.catalogues.require(input.catalogueVersion);
    const p = input.profile;
    const answers: Record<string, string> = {};
    for (const q of catalogue.questions) {
      const answer = input.answers[q.id];
      const given = answer ? answerCode(answer) : undefined;
      answers[q.id] = given ?? (isApplicable(q.applicability, p) ? MISSING.notAnswered : MISSING.notApplicable);
    }
    const module = researchModuleFor(input.catalogueVersion);
    let researchModule: Record<string, string> | undefined;
    if (module && input.researchAnswers && Object.keys(input.researchAnswers).length) {
      try {
        researchModule = flattenResearchModule(module, input.researchAnswers);
      } catch (e) {
        // The assessment is submitted anyway; answers that do not fit the module are left out rather than guessed.
        if (!(e instanceof ResearchModuleAnswerError)) throw e;
        this.logger.warn({ problems: e.problems }, 'Research module answers left out of a research record');
      }
    }
    const { province, provinceGroup } = coarsenProvinces(p.provinces ?? []);
    return {
      pseudonym,
      wave: waveOf(input.submittedAt),
      catalogueVersion: input.catalogueVersion,
      naceSection: p.naceSection,
      provinceGroup,
      province,
      headcountBand: p.headcountBand as SizeBand,
      legalForm: p.legalForm as LegalForm,
      activities: [...(p.activities ?? [])].sort(),
      dimensionScores: Object.fromEntries(input.result.dimensions.map((d) => [d.dimensionId, d.score])),
      overallScore: input.result.score,
      level: input.result.level,
      scoringModel: scoringModelOf(input.result),
      answers,
      ...(researchModule ? { researchModule } : {}),
    };
  }
}
