import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CatalogueService } from '@scs/api/catalogue';
import { AggregatesService } from '@scs/api/research';
import { catalogueScorer, syntheticRecords } from '@scs/shared/disclosure';
import { score } from '@scs/shared/scoring';
import { answerMap } from '@scs/shared/answers';
import { applicableQuestions, type FirmProfile } from '@scs/shared/catalogue';
import { SMALL_FIRM_PROFILE } from '@scs/shared/testing';
import type { TestApp } from './app';

/** What feature fixtures need to know about the victim of the cross-tenant matrix. */
export interface VictimRef {
  firmId: string;
  owner: { id: string };
  /** The chamber the victim firm belongs to (chamber fixtures). */
  chamberId?: string;
}

type Fixture = (v: VictimRef) => string | Promise<string>;

const PROFILE: FirmProfile = { ...SMALL_FIRM_PROFILE, importsExports: true, provinces: ['SH'] };

/**
 * Fixtures of later features for the cross-tenant matrix (see cross-tenant.int-spec.ts): victim-owned resources are
 * inserted directly, so the victim's profile and members stay exactly as that spec checks them.
 */
export function featureFixtures(t: TestApp): {
  resources: Record<string, Fixture>;
  params: Record<string, Fixture>;
  bodies: Record<string, unknown>;
} {
  const cache = new Map<string, Promise<string>>();
  const once = (key: string, make: () => Promise<string>) => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as Promise<string>;
  };
  const groupLinkOf = (v: VictimRef) =>
    once(`group-link:${v.firmId}`, async () => {
      const [entity]: { id: string }[] = await t.dataSource.query(
        `INSERT INTO organisation (kind, name) VALUES ('firm', 'Victim entity (Suzhou)') RETURNING id`,
      );
      const [link]: { id: string }[] = await t.dataSource.query(
        `INSERT INTO group_link (group_org_id, entity_org_id, status, answers_granted, invited_by, responded_at)
         VALUES ($1, $2, 'active', true, $3, now()) RETURNING id`,
        [v.firmId, entity.id, v.owner.id],
      );
      return `${link.id}|${entity.id}`;
    }).then((ids) => ({ linkId: ids.split('|')[0], entityId: ids.split('|')[1] }));
  const victimPartner = (v: VictimRef) =>
    once(`partner:${v.firmId}`, () => insertPartnerWithEvidence(t.dataSource, v)).then(
      (json) => JSON.parse(json) as { partnerId: string; checkId: string; evidenceId: string },
    );
  const submittedAssessment = (v: VictimRef, n: number) =>
    once(`assessment:${v.firmId}:${n}`, () => insertSubmittedAssessment(t.dataSource, t.app.get(CatalogueService), v));
  return {
    resources: {
      assessment: (v) => submittedAssessment(v, 1),
      action: (v) =>
        once(`action:${v.firmId}`, async () => {
          const rows: { id: string }[] = await t.dataSource.query(
            `INSERT INTO action (org_id, title, created_by) VALUES ($1, 'Victim action', $2) RETURNING id`,
            [v.firmId, v.owner.id],
          );
          return rows[0].id;
        }),
      // The victim's report as its chamber's batch distribution prepares it (prepared_by = the chamber): the chamber
      // must not reach it through any route either.
      report: (v) =>
        once(`report:${v.firmId}`, async () => {
          const pdf = Buffer.from('%PDF-1.4\n% victim report\n%%EOF\n');
          const rows: { id: string }[] = await t.dataSource.query(
            `INSERT INTO report (org_id, subject_id, kind, locale, cache_key, status, sha256, pages, bytes, filename, finished_at, prepared_by)
             VALUES ($1, $2, CASE WHEN $6::uuid IS NULL THEN 'assessment' ELSE 'prepared_assessment' END, 'en', $3, 'done', $4, 1, $5, 'SCS-Check_victim_2026-01-01_en.pdf', now(), $6) RETURNING id`,
            [
              v.firmId,
              await submittedAssessment(v, 1),
              `victim-report-${v.firmId}`,
              createHash('sha256').update(pdf).digest('hex'),
              pdf.length,
              v.chamberId ?? null,
            ],
          );
          await t.dataSource.query(`INSERT INTO report_file (report_id, pdf) VALUES ($1, $2)`, [rows[0].id, pdf]);
          return rows[0].id;
        }),
    },
    params: {
      'compare/:otherId': (v) => submittedAssessment(v, 2),
      // Group portfolio: the victim is the group of an entity that shares its answers (an active link).
      'group-links/:linkId': (v) => groupLinkOf(v).then((l) => l.linkId),
      'entities/:entityId': (v) => groupLinkOf(v).then((l) => l.entityId),
      'tables/:table': () => 'level-by-sector',
      // A member benchmark report of the victim's chamber (chambers feature).
      'benchmark-reports/:reportId': (v) =>
        once(`benchmark:${v.chamberId}`, async () => {
          if (!v.chamberId) throw new Error('fixture: the victim has no chamber');
          const pdf = Buffer.from('%PDF-1.4\n% victim chamber benchmark\n%%EOF\n');
          const rows: { id: string }[] = await t.dataSource.query(
            `INSERT INTO report (org_id, subject_id, kind, locale, cache_key, status, sha256, pages, bytes, filename, finished_at)
             VALUES ($1, $1, 'chamber_benchmark', 'de', $2, 'done', $3, 1, $4, 'SCS-Check_member-benchmark_de.pdf', now()) RETURNING id`,
            [
              v.chamberId,
              `victim-benchmark-${v.chamberId}`,
              createHash('sha256').update(pdf).digest('hex'),
              pdf.length,
            ],
          );
          await t.dataSource.query(`INSERT INTO report_file (report_id, pdf) VALUES ($1, $2)`, [rows[0].id, pdf]);
          return rows[0].id;
        }),
      // Partner checks (partners feature): a partner of the victim firm, an answered check and a file it attached.
      ':partnerId': (v) => victimPartner(v).then((p) => p.partnerId),
      'checks/:checkId': (v) => victimPartner(v).then((p) => p.checkId),
      'evidence/:evidenceId': (v) => victimPartner(v).then((p) => p.evidenceId),
    },
    bodies: {
      'POST /api/orgs/:orgId/partners': { name: 'Hijack Co.', role: 'supplier' },
      'PATCH /api/orgs/:orgId/partners/:partnerId': { name: 'Hijacked' },
      'POST /api/orgs/:orgId/partners/:partnerId/checks': { email: 'intruder@example.test' },
      'POST /api/orgs/:orgId/partners/:partnerId/verifications': {
        source: 'credit_china',
        checkedOn: '2026-12-01',
        outcome: 'no_entry',
      },
      'PUT /api/assessments/:id/answers': { answers: [{ questionId: 'T1', optionId: 'a', baseRevision: 0 }] },
      'POST /api/orgs/:orgId/actions': { title: 'Hijack' },
      'PATCH /api/actions/:id': { status: 'done' },
      'PATCH /api/assessments/:id/profile': { profile: { importsExports: false } },
      'PUT /api/assessments/:id/research-answers': { answers: {} },
      'POST /api/assessments/:id/reports': { locale: 'en' },
      'POST /api/orgs/:chamberId/benchmark-reports': { locale: 'en' },
      'POST /api/orgs/:chamberId/campaigns/:campaignId/distribution': { locale: 'en' },
      'POST /api/orgs/:orgId/group-links': { uscc: '91310000MA1FL0XXX3' },
      'PUT /api/orgs/:orgId/group-links/:linkId/answers-access': { granted: true },
      'POST /api/orgs/:orgId/portfolio/reports': { locale: 'en' },
    },
  };
}

async function insertSubmittedAssessment(ds: DataSource, catalogues: CatalogueService, v: VictimRef): Promise<string> {
  const { catalogue } = await catalogues.current();
  const answers = Object.fromEntries(
    applicableQuestions(catalogue, PROFILE).map((q) => [
      q.id,
      { optionId: [...q.options].sort((a, b) => a.exposure - b.exposure)[0].id },
    ]),
  );
  const result = score(catalogue, PROFILE, answerMap(answers));
  const rows: { id: string }[] = await ds.query(
    `INSERT INTO assessment (org_id, catalogue_version, profile_snapshot, status, created_by, submitted_at, submitted_by, result, overall_score, level)
     VALUES ($1, $2, $3, 'submitted', $4, now(), $4, $5, $6, $7) RETURNING id`,
    [
      v.firmId,
      catalogue.version,
      JSON.stringify(PROFILE),
      v.owner.id,
      JSON.stringify(result),
      result.score,
      result.level,
    ],
  );
  const id = rows[0].id;
  await ds.query(
    `INSERT INTO assessment_answer (assessment_id, question_id, option_id, revision, updated_by)
     SELECT $1, key, value->>'optionId', 1, $2 FROM jsonb_each($3::jsonb)`,
    [id, v.owner.id, JSON.stringify(answers)],
  );
  return id;
}

/** A closed research wave with synthetic records, so research routes have something to serve to their insiders. */
export async function seedResearchWave(t: TestApp): Promise<void> {
  const { catalogue } = await t.app.get(CatalogueService).current();
  for (const r of syntheticRecords({
    firms: 40,
    waves: 1,
    firstWave: '2025-H1',
    seed: 7,
    scorer: catalogueScorer(catalogue),
    catalogueVersion: catalogue.version,
  })) {
    await t.dataSource.query(
      `INSERT INTO "research"."record" ("pseudonym", "wave", "catalogue_version", "nace_section", "province_group", "province", "headcount_band", "legal_form", "activities", "dimension_scores", "overall_score", "level", "answers", "key_id")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'xt-synthetic') ON CONFLICT DO NOTHING`,
      [
        r.pseudonym,
        r.wave,
        r.catalogueVersion,
        r.naceSection,
        r.provinceGroup,
        r.province,
        r.headcountBand,
        r.legalForm,
        JSON.stringify(r.activities),
        JSON.stringify(r.dimensionScores),
        r.overallScore,
        r.level,
        JSON.stringify(r.answers),
      ],
    );
  }
  await t.dataSource.query(
    `INSERT INTO "research"."aggregate_state" ("wave") VALUES ('2025-H1') ON CONFLICT ("wave") DO UPDATE SET "dirty" = true`,
  );
  await t.app.get(AggregatesService).refreshDirty();
}

/** Removes what seedResearchWave added, so suites that count research records or waves see only their own. */
export async function removeSeededResearchWave(t: TestApp): Promise<void> {
  await t.dataSource.query(`DELETE FROM "research"."record" WHERE "key_id" = 'xt-synthetic'`);
  const left: unknown[] = await t.dataSource.query(
    `SELECT 1 FROM "research"."record" WHERE "wave" = '2025-H1' LIMIT 1`,
  );
  if (left.length) {
    await t.dataSource.query(`UPDATE "research"."aggregate_state" SET "dirty" = true WHERE "wave" = '2025-H1'`);
    await t.app.get(AggregatesService).refreshDirty();
  } else {
    await t.dataSource.query(`DELETE FROM "research"."aggregate_cache" WHERE "wave" = '2025-H1'`);
    await t.dataSource.query(`DELETE FROM "research"."aggregate_state" WHERE "wave" = '2025-H1'`);
  }
}

/** A partner of the victim with an answered check and one attached PDF, as ids (JSON, for the string cache). */
async function insertPartnerWithEvidence(ds: DataSource, v: VictimRef): Promise<string> {
  const [partner]: { id: string }[] = await ds.query(
    `INSERT INTO partner (org_id, name, role, contact_email) VALUES ($1, 'Victim Supplier Co., Ltd.', 'supplier', 'victim.partner@example.test') RETURNING id`,
    [v.firmId],
  );
  const [check]: { id: string }[] = await ds.query(
    `INSERT INTO partner_check (org_id, partner_id, questionnaire_version, token_hash, email, locale, expires_at, submitted_at, answers, flags, level)
     VALUES ($1, $2, '2026.1', $3, 'victim.partner@example.test', 'zh', now() + interval '30 days', now(), '{"PC1":"no"}', '[]', 'low') RETURNING id`,
    [v.firmId, partner.id, createHash('sha256').update(`victim-${v.firmId}`).digest('hex')],
  );
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< >>\nendobj\nxref\nstartxref\n0\n%%EOF\n');
  const [evidence]: { id: string }[] = await ds.query(
    `INSERT INTO partner_evidence (check_id, org_id, filename, content_type, size, sha256, content)
     VALUES ($1, $2, 'report.pdf', 'application/pdf', $3, $4, $5) RETURNING id`,
    [check.id, v.firmId, pdf.length, createHash('sha256').update(pdf).digest('hex'), pdf],
  );
  return JSON.stringify({ partnerId: partner.id, checkId: check.id, evidenceId: evidence.id });
}
