import { MigrationInterface, QueryRunner } from 'typeorm';

// Version 1 of the consent texts. A changed wording is a new version (a new row), never an edit of this one.
const TEXTS: { kind: string; en: string; de: string }[] = [
  {
    kind: 'research',
    en: [
      'Share our anonymised results with the research team.',
      'When we submit an assessment while this consent is active, an anonymised copy goes to a separate research database: a pseudonym that cannot be traced back to our firm, the half-year of submission, the catalogue version, coarse attributes (sector, region or province, headcount band, legal form, activities), the scores per dimension, the overall score and level, and the codes of the answer options we chose, plus our answers to the optional research module.',
      'Never included: our firm name, names or e-mail addresses of people, our unified social credit code, notes, free text or exact dates.',
      'The university research team sees only statistics that count at least 10 firms per published figure (never fewer than 5), never single records that could identify us. Our firm can use SCS Check fully without this consent.',
      'We can revoke this consent at any time under Settings → Consents. Revoking deletes all our research records at once; it does not affect our own assessments and reports.',
    ].join('\n\n'),
    de: [
      'Unsere anonymisierten Ergebnisse mit dem Forschungsteam teilen.',
      'Reichen wir eine Bewertung ein, während diese Einwilligung besteht, geht eine anonymisierte Kopie in eine getrennte Forschungsdatenbank: ein Pseudonym, das sich nicht auf unser Unternehmen zurückführen lässt, das Halbjahr der Einreichung, die Katalogversion, grobe Merkmale (Branche, Region oder Provinz, Beschäftigtenklasse, Rechtsform, Tätigkeiten), die Werte je Dimension, der Gesamtwert und die Risikostufe sowie die Codes der gewählten Antwortoptionen, dazu unsere Antworten auf das freiwillige Forschungsmodul.',
      'Nie enthalten: unser Firmenname, Namen oder E-Mail-Adressen von Personen, unser einheitlicher Sozialkreditcode (USCC), Notizen, Freitext oder genaue Daten.',
      'Das universitäre Forschungsteam sieht nur Statistiken, in denen jede veröffentlichte Zahl mindestens 10 Unternehmen umfasst (nie weniger als 5), niemals einzelne Datensätze, die uns erkennbar machen könnten. Unser Unternehmen kann SCS Check ohne diese Einwilligung uneingeschränkt nutzen.',
      'Wir können diese Einwilligung jederzeit unter Einstellungen → Einwilligungen widerrufen. Der Widerruf löscht sofort alle unsere Forschungsdatensätze; unsere eigenen Bewertungen und Berichte bleiben unberührt.',
    ].join('\n\n'),
  },
  {
    kind: 'chamber',
    en: [
      'Share our anonymised results with our chamber(s) of commerce.',
      'The chambers our firm belongs to in SCS Check may include our results in aggregate statistics about their members (for example the share of members per risk level, or mean scores per dimension). They see only figures that count at least 10 firms (never fewer than 5) and never our individual answers, scores, notes or reports.',
      'We can revoke this consent at any time under Settings → Consents; our results are then left out of all chamber statistics computed afterwards.',
    ].join('\n\n'),
    de: [
      'Unsere anonymisierten Ergebnisse mit unserer Kammer / unseren Kammern teilen.',
      'Die Kammern, denen unser Unternehmen in SCS Check angehört, dürfen unsere Ergebnisse in zusammengefasste Statistiken über ihre Mitglieder einbeziehen (etwa den Anteil der Mitglieder je Risikostufe oder Mittelwerte je Dimension). Sie sehen nur Zahlen, die mindestens 10 Unternehmen umfassen (nie weniger als 5), und niemals unsere einzelnen Antworten, Werte, Notizen oder Berichte.',
      'Wir können diese Einwilligung jederzeit unter Einstellungen → Einwilligungen widerrufen; danach berechnete Kammerstatistiken lassen unsere Ergebnisse außen vor.',
    ].join('\n\n'),
  },
  {
    kind: 'chamber_participation',
    en: [
      'Let our chamber(s) see whether we took part.',
      'The chambers that invited our firm may see whether we have started or submitted the self-check in their campaigns, so that they can follow up. They do not see our answers, scores or reports.',
      'We can revoke this consent at any time under Settings → Consents.',
    ].join('\n\n'),
    de: [
      'Unsere Kammer(n) sehen lassen, ob wir teilgenommen haben.',
      'Die Kammern, die unser Unternehmen eingeladen haben, dürfen sehen, ob wir den Selbstcheck ihrer Kampagnen begonnen oder eingereicht haben, damit sie nachfassen können. Unsere Antworten, Werte oder Berichte sehen sie nicht.',
      'Wir können diese Einwilligung jederzeit unter Einstellungen → Einwilligungen widerrufen.',
    ].join('\n\n'),
  },
];

/** Consent texts and grants (public schema); the separate `research` schema with anonymised records, aggregates and the export log. */
export class Research1764600000000 implements MigrationInterface {
  name = 'Research1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "consent_text" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "kind" text NOT NULL,
      "version" integer NOT NULL,
      "text_en" text NOT NULL,
      "text_de" text NOT NULL,
      "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "CHK_consent_text_kind" CHECK ("kind" IN ('research', 'chamber', 'chamber_participation')),
      CONSTRAINT "PK_consent_text" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "UQ_consent_text_kind_version" ON "consent_text" ("kind", "version")`);
    for (const text of TEXTS) {
      await q.query(`INSERT INTO "consent_text" ("kind", "version", "text_en", "text_de") VALUES ($1, 1, $2, $3)`, [
        text.kind,
        text.en,
        text.de,
      ]);
    }

    await q.query(`CREATE TABLE "consent" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "org_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "text_version" integer NOT NULL,
      "granted_by" uuid,
      "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "revoked_at" TIMESTAMP WITH TIME ZONE,
      "revoked_by" uuid,
      CONSTRAINT "CHK_consent_kind" CHECK ("kind" IN ('research', 'chamber', 'chamber_participation')),
      CONSTRAINT "PK_consent" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "UQ_consent_active" ON "consent" ("org_id", "kind") WHERE "revoked_at" IS NULL`);
    await q.query(`CREATE INDEX "IDX_consent_org" ON "consent" ("org_id")`);

    await q.query(`CREATE SCHEMA IF NOT EXISTS "research"`);
    await q.query(`CREATE TABLE "research"."record" (
      "pseudonym" text NOT NULL,
      "wave" text NOT NULL,
      "catalogue_version" text NOT NULL,
      "nace_section" text NOT NULL,
      "province_group" text NOT NULL,
      "province" text NOT NULL,
      "headcount_band" text NOT NULL,
      "legal_form" text NOT NULL,
      "activities" jsonb NOT NULL,
      "dimension_scores" jsonb NOT NULL,
      "overall_score" double precision,
      "level" text,
      "answers" jsonb NOT NULL,
      "research_module" jsonb,
      "key_id" text NOT NULL,
      CONSTRAINT "PK_research_record" PRIMARY KEY ("wave", "pseudonym"))`);
    await q.query(`CREATE INDEX "IDX_research_record_pseudonym" ON "research"."record" ("pseudonym")`);
    await q.query(`CREATE TABLE "research"."aggregate_cache" (
      "wave" text NOT NULL,
      "table_id" text NOT NULL,
      "param" text NOT NULL,
      "payload" jsonb NOT NULL,
      "generation" integer NOT NULL,
      CONSTRAINT "PK_research_aggregate_cache" PRIMARY KEY ("wave", "table_id", "param"))`);
    await q.query(`CREATE TABLE "research"."aggregate_state" (
      "wave" text NOT NULL,
      "dirty" boolean NOT NULL DEFAULT true,
      "generation" integer NOT NULL DEFAULT 0,
      CONSTRAINT "PK_research_aggregate_state" PRIMARY KEY ("wave"))`);
    await q.query(`CREATE TABLE "research"."export_log" (
      "id" BIGSERIAL NOT NULL,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "user_id" uuid NOT NULL,
      "org_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "table_id" text,
      "params" jsonb NOT NULL,
      "row_count" integer NOT NULL,
      CONSTRAINT "PK_research_export_log" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_research_export_log_at" ON "research"."export_log" ("at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "research"."export_log"`);
    await q.query(`DROP TABLE "research"."aggregate_state"`);
    await q.query(`DROP TABLE "research"."aggregate_cache"`);
    await q.query(`DROP TABLE "research"."record"`);
    await q.query(`DROP SCHEMA "research"`);
    await q.query(`DROP TABLE "consent"`);
    await q.query(`DROP TABLE "consent_text"`);
  }
}
