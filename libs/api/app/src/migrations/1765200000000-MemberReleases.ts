import { MigrationInterface, QueryRunner } from 'typeorm';

// Version 2 of the research and chamber consent texts: researchers receive pseudonymised single rows (microdata), and
// chambers see closed quarterly releases. A new version is a new row; version 1 stays as the record of what was shown.
const TEXTS: { kind: string; en: string; de: string }[] = [
  {
    kind: 'research',
    en: [
      'Share our anonymised results with the research team.',
      'When we submit an assessment while this consent is active, an anonymised copy goes to a separate research database: a pseudonym that cannot be traced back to our firm, the half-year of submission, the catalogue version, coarse attributes (sector, region or province, headcount band, legal form, activities), the scores per dimension, the overall score and level, and the codes of the answer options we chose, plus our answers to the optional research module.',
      'Never included: our firm name, names or e-mail addresses of people, our unified social credit code, notes, free text or exact dates.',
      'The university research team receives statistics in which every published figure counts at least 10 firms (never fewer than 5), and single pseudonymised rows (microdata): one row per firm and half-year with our coded answers, scores rounded to 5 points, and attributes coarsened until every combination of them is shared by at least 10 firms (never fewer than 5). The rows carry no name or identifier of our firm. Tables are published as fixed releases per half-year. Our firm can use SCS Check fully without this consent.',
      'We can revoke this consent at any time under Settings → Consents. Revoking deletes all our research records at once: we are left out of every later release and every later microdata file. Tables and files the research team already received cannot be recalled; a release is changed only once at least 10 firms (never fewer than 5) have left or joined it, so our revocation alone cannot be read from it. Our own assessments and reports are not affected.',
    ].join('\n\n'),
    de: [
      'Unsere anonymisierten Ergebnisse mit dem Forschungsteam teilen.',
      'Reichen wir eine Bewertung ein, während diese Einwilligung besteht, geht eine anonymisierte Kopie in eine getrennte Forschungsdatenbank: ein Pseudonym, das sich nicht auf unser Unternehmen zurückführen lässt, das Halbjahr der Einreichung, die Katalogversion, grobe Merkmale (Branche, Region oder Provinz, Beschäftigtenklasse, Rechtsform, Tätigkeiten), die Werte je Dimension, der Gesamtwert und die Risikostufe sowie die Codes der gewählten Antwortoptionen, dazu unsere Antworten auf das freiwillige Forschungsmodul.',
      'Nie enthalten: unser Firmenname, Namen oder E-Mail-Adressen von Personen, unser einheitlicher Sozialkreditcode (USCC), Notizen, Freitext oder genaue Daten.',
      'Das universitäre Forschungsteam erhält Statistiken, in denen jede veröffentlichte Zahl mindestens 10 Unternehmen umfasst (nie weniger als 5), und einzelne pseudonymisierte Zeilen (Mikrodaten): eine Zeile je Unternehmen und Halbjahr mit unseren codierten Antworten, auf 5 Punkte gerundeten Werten und Merkmalen, die so weit vergröbert sind, dass jede ihrer Kombinationen auf mindestens 10 Unternehmen zutrifft (nie weniger als 5). Die Zeilen enthalten weder Namen noch Kennung unseres Unternehmens. Tabellen erscheinen als feste Veröffentlichungen je Halbjahr. Unser Unternehmen kann SCS Check ohne diese Einwilligung uneingeschränkt nutzen.',
      'Wir können diese Einwilligung jederzeit unter Einstellungen → Einwilligungen widerrufen. Der Widerruf löscht sofort alle unsere Forschungsdatensätze: Wir fehlen in jeder späteren Veröffentlichung und jeder späteren Mikrodatendatei. Tabellen und Dateien, die das Forschungsteam bereits erhalten hat, lassen sich nicht zurückholen; eine Veröffentlichung ändert sich erst, wenn mindestens 10 Unternehmen (nie weniger als 5) hinzugekommen oder weggefallen sind, sodass sich unser Widerruf allein nicht daraus ablesen lässt. Unsere eigenen Bewertungen und Berichte bleiben unberührt.',
    ].join('\n\n'),
  },
  {
    kind: 'chamber',
    en: [
      'Share our anonymised results with our chamber(s) of commerce.',
      'The chambers our firm belongs to in SCS Check may include our results in aggregate statistics about their members (for example the share of members per risk level, or mean scores per dimension). These statistics are published as closed quarterly releases that count at least 10 firms (never fewer than 5); our scores enter them only as 25-point bands and counts are rounded. The chambers never see our individual answers, scores, notes or reports.',
      'We can revoke this consent at any time under Settings → Consents; we are then left out of every chamber release published afterwards. Releases already published stay as they are.',
    ].join('\n\n'),
    de: [
      'Unsere anonymisierten Ergebnisse mit unserer Kammer / unseren Kammern teilen.',
      'Die Kammern, denen unser Unternehmen in SCS Check angehört, dürfen unsere Ergebnisse in zusammengefasste Statistiken über ihre Mitglieder einbeziehen (zum Beispiel den Anteil der Mitglieder je Risikostufe oder mittlere Werte je Dimension). Diese Statistiken erscheinen als abgeschlossene Quartalsveröffentlichungen, die mindestens 10 Unternehmen umfassen (nie weniger als 5); unsere Werte gehen nur als 25-Punkte-Bänder ein, Anzahlen werden gerundet. Einzelne Antworten, Werte, Notizen oder Berichte unseres Unternehmens sehen die Kammern nie.',
      'Wir können diese Einwilligung jederzeit unter Einstellungen → Einwilligungen widerrufen; wir fehlen dann in jeder danach erscheinenden Kammerveröffentlichung. Bereits erschienene Veröffentlichungen bleiben unverändert.',
    ].join('\n\n'),
  },
];

/**
 * Closed, versioned chamber releases (issue 15): the member aggregates a chamber sees are computed once per closed
 * quarter, stored here and served unchanged. `status` is `published` (tables present) or `withheld` (fewer than k
 * members, or fewer than k firms changed since the previous published release). `fingerprints` (one hash per counted
 * firm and the assessment it counted with) stay on the server: they are what the minimum-change rule compares.
 * `research.microdata_release`: the quasi-identifier generalisation of the researchers' microdata, fixed per release
 * (every file of every wave set uses it) and only ever coarsened, so the union of all downloads stays k-anonymous.
 */
export class MemberReleases1765200000000 implements MigrationInterface {
  name = 'MemberReleases1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "chamber_release" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "chamber_id" uuid NOT NULL REFERENCES "organisation"("id") ON DELETE CASCADE,
      "period" text NOT NULL,
      "version" integer,
      "status" text NOT NULL CHECK ("status" IN ('published', 'withheld')),
      "reason" text NOT NULL,
      "firms" integer,
      "changed" integer NOT NULL,
      "fingerprints" jsonb NOT NULL,
      "tables" jsonb,
      "catalogue_versions" jsonb NOT NULL DEFAULT '[]',
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_chamber_release" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_chamber_release_period" UNIQUE ("chamber_id", "period"),
      CONSTRAINT "CHK_chamber_release_published" CHECK (("status" = 'published') = ("tables" IS NOT NULL AND "version" IS NOT NULL))
    )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_chamber_release_version" ON "chamber_release" ("chamber_id", "version") WHERE "version" IS NOT NULL`,
    );
    await q.query(`CREATE TABLE "research"."microdata_release" (
      "version" integer NOT NULL,
      "levels" jsonb NOT NULL,
      "waves" jsonb NOT NULL,
      CONSTRAINT "PK_microdata_release" PRIMARY KEY ("version")
    )`);
    for (const text of TEXTS) {
      await q.query(`INSERT INTO "consent_text" ("kind", "version", "text_en", "text_de") VALUES ($1, 2, $2, $3)`, [
        text.kind,
        text.en,
        text.de,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "consent_text" WHERE "version" = 2 AND "kind" IN ('research', 'chamber')`);
    await q.query(`DROP TABLE "research"."microdata_release"`);
    await q.query(`DROP TABLE "chamber_release"`);
  }
}
