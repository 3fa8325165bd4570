import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 15: chamber consent names the chamber, and chamber releases carry noise.
//
// `consent.chamber_id` (like `org_id`, no foreign key: consent rows are the record of what was agreed): a `chamber` or `chamber_participation` grant is given to one chamber; a chamber joined later
// never inherits it, leaving a chamber ends the grants for it. Existing grants are split per chamber the firm belonged
// to when the grant was given (the chambers the old text meant: "our chamber(s)"); an active grant that named no
// chamber at all (the firm had none) is ended, because it cannot be read as consent to anyone.
// `chamber_release.noise`: the noise parameters a release was cut with (null: cut before the noise existed).
// `research.microdata_release.top_coded`: the rare answers (question → codes) top-coded in microdata of the release.
// New consent texts (a new version, never an edit) say what is true now: research v3 (rare answers top-coded, the
// researcher's choice only coarsens, what a microdata file after a revocation shows), chamber v3 and participation v2.
const TEXTS: { kind: string; version: number; en: string; de: string }[] = [
  {
    kind: 'research',
    version: 3,
    en: [
      'Share our anonymised results with the research team.',
      'When we submit an assessment while this consent is active, an anonymised copy goes to a separate research database: a pseudonym that cannot be traced back to our firm, the half-year of submission, the catalogue version, coarse attributes (sector, region or province, headcount band, legal form, activities), the scores per dimension, the overall score and level, and the codes of the answer options we chose, plus our answers to the optional research module.',
      'Never included: our firm name, names or e-mail addresses of people, our unified social credit code, notes, free text or exact dates.',
      'The university research team receives statistics in which every published figure counts at least 10 firms (never fewer than 5), and single pseudonymised rows (microdata): one row per firm and half-year with our coded answers (an answer that fewer than 10 firms gave in that half-year is replaced by a common code), scores rounded to 5 points, and attributes coarsened until every combination of them is shared by at least 10 firms (never fewer than 5); researchers can only coarsen these attributes further or leave variables out, never refine them. The rows carry no name or identifier of our firm. Tables are published as fixed releases per half-year. Our firm can use SCS Check fully without this consent.',
      'We can revoke this consent at any time under Settings → Consents. Revoking deletes all our research records at once: we are left out of every later release and of every microdata file downloaded afterwards. What the research team already received cannot be recalled. Published tables change only once at least 10 firms (never fewer than 5) have left or joined, so our revocation alone cannot be read from them; a microdata file downloaded afterwards, however, lacks our row, so someone who compares it with an earlier file and knows that we revoked could find our earlier row (with the coarsened attributes described above). Our own assessments and reports are not affected.',
    ].join('\n\n'),
    de: [
      'Unsere anonymisierten Ergebnisse mit dem Forschungsteam teilen.',
      'Reichen wir eine Bewertung ein, während diese Einwilligung besteht, geht eine anonymisierte Kopie in eine getrennte Forschungsdatenbank: ein Pseudonym, das sich nicht auf unser Unternehmen zurückführen lässt, das Halbjahr der Einreichung, die Katalogversion, grobe Merkmale (Branche, Region oder Provinz, Beschäftigtenklasse, Rechtsform, Tätigkeiten), die Werte je Dimension, der Gesamtwert und die Risikostufe sowie die Codes der gewählten Antwortoptionen, dazu unsere Antworten auf das freiwillige Forschungsmodul.',
      'Nie enthalten: unser Firmenname, Namen oder E-Mail-Adressen von Personen, unser einheitlicher Sozialkreditcode (USCC), Notizen, Freitext oder genaue Daten.',
      'Das universitäre Forschungsteam erhält Statistiken, in denen jede veröffentlichte Zahl mindestens 10 Unternehmen umfasst (nie weniger als 5), und einzelne pseudonymisierte Zeilen (Mikrodaten): eine Zeile je Unternehmen und Halbjahr mit unseren codierten Antworten (eine Antwort, die in dem Halbjahr weniger als 10 Unternehmen gegeben haben, wird durch einen Sammelcode ersetzt), auf 5 Punkte gerundeten Werten und Merkmalen, die so weit vergröbert sind, dass jede ihrer Kombinationen auf mindestens 10 Unternehmen zutrifft (nie weniger als 5); Forschende können diese Merkmale nur weiter vergröbern oder Variablen weglassen, nie verfeinern. Die Zeilen enthalten weder Namen noch Kennung unseres Unternehmens. Tabellen erscheinen als feste Veröffentlichungen je Halbjahr. Unser Unternehmen kann SCS Check ohne diese Einwilligung uneingeschränkt nutzen.',
      'Wir können diese Einwilligung jederzeit unter Einstellungen → Einwilligungen widerrufen. Der Widerruf löscht sofort alle unsere Forschungsdatensätze: Wir fehlen in jeder späteren Veröffentlichung und in jeder danach heruntergeladenen Mikrodatendatei. Was das Forschungsteam bereits erhalten hat, lässt sich nicht zurückholen. Veröffentlichte Tabellen ändern sich erst, wenn mindestens 10 Unternehmen (nie weniger als 5) hinzugekommen oder weggefallen sind, sodass sich unser Widerruf allein nicht daraus ablesen lässt; einer danach heruntergeladenen Mikrodatendatei fehlt jedoch unsere Zeile, sodass jemand, der sie mit einer früheren Datei vergleicht und von unserem Widerruf weiß, unsere frühere Zeile (mit den oben beschriebenen vergröberten Merkmalen) finden könnte. Unsere eigenen Bewertungen und Berichte bleiben unberührt.',
    ].join('\n\n'),
  },
  {
    kind: 'chamber',
    version: 3,
    en: [
      'Share our anonymised results with this chamber of commerce.',
      'This chamber (and no other: every chamber our firm belongs to asks separately, and a chamber we join later is not included) may count our results in statistics about its members: the number of members per risk level, mean scores overall and per dimension, and the most frequent findings. The statistics are published as closed quarterly releases that count at least 10 firms (never fewer than 5) and change only when at least as many firms have joined, left or submitted anew. Our scores enter them only as 25-point bands; random noise is added to every count and every sum once, when a release is cut, so that even a chamber that registered all the other members itself can at best guess our risk level, or whether we have a particular finding, but not read it from the figures. The chamber never sees our individual answers, scores, notes or reports.',
      'We can revoke this consent at any time under Settings → Consents, and it ends when we leave the chamber; we are then left out of every release cut afterwards. Releases already published stay as they are.',
    ].join('\n\n'),
    de: [
      'Unsere anonymisierten Ergebnisse mit dieser Kammer teilen.',
      'Diese Kammer (und keine andere: jede Kammer, der unser Unternehmen angehört, fragt gesondert, und eine Kammer, der wir später beitreten, ist nicht eingeschlossen) darf unsere Ergebnisse in Statistiken über ihre Mitglieder einbeziehen: die Anzahl der Mitglieder je Risikostufe, mittlere Werte gesamt und je Dimension sowie die häufigsten Feststellungen. Die Statistiken erscheinen als abgeschlossene Quartalsveröffentlichungen, die mindestens 10 Unternehmen umfassen (nie weniger als 5), und ändern sich erst, wenn mindestens ebenso viele Unternehmen hinzugekommen, ausgeschieden oder neu eingereicht haben. Unsere Werte gehen nur als 25-Punkte-Bänder ein; jede Anzahl und jede Summe erhält beim Erstellen einer Veröffentlichung einmalig ein Zufallsrauschen, sodass selbst eine Kammer, die alle anderen Mitglieder selbst angelegt hat, unsere Risikostufe oder eine bestimmte Feststellung allenfalls erraten, aber nicht aus den Zahlen ablesen kann. Einzelne Antworten, Werte, Notizen oder Berichte unseres Unternehmens sieht die Kammer nie.',
      'Wir können diese Einwilligung jederzeit unter Einstellungen → Einwilligungen widerrufen; sie endet auch, wenn wir aus der Kammer austreten. Wir fehlen dann in jeder danach erstellten Veröffentlichung. Bereits erschienene Veröffentlichungen bleiben unverändert.',
    ].join('\n\n'),
  },
  {
    kind: 'chamber_participation',
    version: 2,
    en: [
      'Let this chamber of commerce see whether we took part in its campaigns.',
      'This chamber (and no other: every chamber our firm belongs to asks separately, and a chamber we join later is not included) may see in its campaign progress whether our firm has started or submitted a self-check. It never sees our answers, scores or reports.',
      'We can revoke this consent at any time under Settings → Consents, and it ends when we leave the chamber.',
    ].join('\n\n'),
    de: [
      'Dieser Kammer zeigen, ob wir an ihren Kampagnen teilgenommen haben.',
      'Diese Kammer (und keine andere: jede Kammer, der unser Unternehmen angehört, fragt gesondert, und eine Kammer, der wir später beitreten, ist nicht eingeschlossen) darf im Fortschritt ihrer Kampagnen sehen, ob unser Unternehmen einen Selbstcheck begonnen oder eingereicht hat. Unsere Antworten, Werte oder Berichte sieht sie nie.',
      'Wir können diese Einwilligung jederzeit unter Einstellungen → Einwilligungen widerrufen; sie endet auch, wenn wir aus der Kammer austreten.',
    ].join('\n\n'),
  },
];

const GRANT_CHAMBERS = `SELECT c."id", cm."chamber_id",
         row_number() OVER (PARTITION BY c."id" ORDER BY cm."joined_at", cm."chamber_id") AS "rn"
    FROM "consent" c
    JOIN "chamber_membership" cm ON cm."firm_id" = c."org_id" AND cm."joined_at" <= c."granted_at"
     AND (cm."left_at" IS NULL OR cm."left_at" > c."granted_at")
   WHERE c."kind" IN ('chamber', 'chamber_participation')`;

export class PerChamberConsent1765310000000 implements MigrationInterface {
  name = 'PerChamberConsent1765310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "consent" ADD "chamber_id" uuid`);
    await q.query(`CREATE TEMPORARY TABLE "grant_chamber" AS ${GRANT_CHAMBERS}`);
    await q.query(
      `INSERT INTO "consent" ("org_id", "kind", "text_version", "granted_by", "granted_at", "revoked_at", "revoked_by", "chamber_id")
       SELECT c."org_id", c."kind", c."text_version", c."granted_by", c."granted_at", c."revoked_at", c."revoked_by", g."chamber_id"
         FROM "grant_chamber" g JOIN "consent" c ON c."id" = g."id" WHERE g."rn" > 1`,
    );
    await q.query(
      `UPDATE "consent" c SET "chamber_id" = g."chamber_id" FROM "grant_chamber" g WHERE g."id" = c."id" AND g."rn" = 1`,
    );
    await q.query(`DROP TABLE "grant_chamber"`);
    await q.query(
      `UPDATE "consent" SET "revoked_at" = now() WHERE "kind" <> 'research' AND "chamber_id" IS NULL AND "revoked_at" IS NULL`,
    );
    await q.query(
      `ALTER TABLE "consent" ADD CONSTRAINT "CHK_consent_chamber" CHECK (("kind" = 'research' AND "chamber_id" IS NULL) OR ("kind" <> 'research' AND ("chamber_id" IS NOT NULL OR "revoked_at" IS NOT NULL)))`,
    );
    await q.query(`DROP INDEX "UQ_consent_active"`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_consent_active" ON "consent" ("org_id", "kind") WHERE "revoked_at" IS NULL AND "chamber_id" IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_consent_active_chamber" ON "consent" ("org_id", "kind", "chamber_id") WHERE "revoked_at" IS NULL AND "chamber_id" IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "IDX_consent_chamber" ON "consent" ("chamber_id")`);
    await q.query(`ALTER TABLE "chamber_release" ADD "noise" jsonb`);
    await q.query(`ALTER TABLE "research"."microdata_release" ADD "top_coded" jsonb NOT NULL DEFAULT '{}'`);
    for (const text of TEXTS)
      await q.query(`INSERT INTO "consent_text" ("kind", "version", "text_en", "text_de") VALUES ($1, $2, $3, $4)`, [
        text.kind,
        text.version,
        text.en,
        text.de,
      ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const text of TEXTS)
      await q.query(`DELETE FROM "consent_text" WHERE "kind" = $1 AND "version" = $2`, [text.kind, text.version]);
    await q.query(`ALTER TABLE "research"."microdata_release" DROP COLUMN "top_coded"`);
    await q.query(`ALTER TABLE "chamber_release" DROP COLUMN "noise"`);
    // One grant per firm and kind again: the oldest active one stays, the others end.
    await q.query(
      `UPDATE "consent" SET "revoked_at" = now() WHERE "id" IN (
         SELECT "id" FROM (SELECT "id", row_number() OVER (PARTITION BY "org_id", "kind" ORDER BY "granted_at", "id") AS "rn"
                             FROM "consent" WHERE "revoked_at" IS NULL AND "kind" <> 'research') x WHERE x."rn" > 1)`,
    );
    await q.query(`DROP INDEX "IDX_consent_chamber"`);
    await q.query(`DROP INDEX "UQ_consent_active_chamber"`);
    await q.query(`DROP INDEX "UQ_consent_active"`);
    await q.query(`CREATE UNIQUE INDEX "UQ_consent_active" ON "consent" ("org_id", "kind") WHERE "revoked_at" IS NULL`);
    await q.query(`ALTER TABLE "consent" DROP CONSTRAINT "CHK_consent_chamber"`);
    await q.query(`ALTER TABLE "consent" DROP COLUMN "chamber_id"`);
  }
}
