import { Injectable } from '@nestjs/common';
import { ConflictError } from '@scs/api/core';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { CatalogueService } from '@scs/api/catalogue';
import { findingWording, localize, verifyWording, type Locale } from '@scs/shared/catalogue';
import { answerCode, parseAnswer } from '@scs/shared/answers';
import type { ScoredFinding } from '@scs/shared/scoring';
import { AssessmentAnswer } from './assessment.entity';
import { AssessmentsService } from './assessments.service';

interface Row {
  dimension: string;
  dimensionScore: number | '';
  questionId: string;
  question: string;
  answer: string;
  note: string;
  exposure: number | '';
  finding: string;
  severity: string;
}

interface Summary {
  date: string;
  score: number | '';
  level: string;
  provisional: boolean;
  dimensions: { name: string; score: number | ''; level: string; findings: number }[];
  findings: { severity: string; dimension: string; questionId: string; title: string }[];
}

const HEAD: Record<Locale, string[]> = {
  en: [
    'Dimension',
    'Dimension score (0–100)',
    'Question id',
    'Question',
    'Answer',
    'Note',
    'Exposure (0–1)',
    'Finding',
    'Severity',
    'Overall score (0–100)',
    'Overall level',
  ],
  de: [
    'Dimension',
    'Punktwert der Dimension (0–100)',
    'Frage-ID',
    'Frage',
    'Antwort',
    'Notiz',
    'Exponierung (0–1)',
    'Befund',
    'Schweregrad',
    'Gesamtpunktwert (0–100)',
    'Gesamtstufe',
  ],
};
const DONT_KNOW_LABEL: Record<Locale, string> = { en: "Don't know", de: 'Weiß nicht' };
const PROVISIONAL: Record<Locale, string> = { en: 'provisional', de: 'vorläufig' };

/**
 * CSV and Excel exports of a submitted assessment: per answer the question, answer, note, exposure, finding and its
 * severity, with the dimension's score and the overall score and level (repeated per row, so the CSV stays one
 * table); the workbook adds a result sheet and a findings sheet. Numbers are numbers: German CSV uses the decimal
 * comma, so German Excel reads them as numbers.
 */
@Injectable()
export class ExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessments: AssessmentsService,
    private readonly catalogues: CatalogueService,
  ) {}

  async rows(id: string, locale: Locale): Promise<{ rows: Row[]; summary: Summary }> {
    const a = await this.assessments.find(id);
    if (a.status !== 'submitted') throw new ConflictError('errors.assessment.exportSubmittedOnly');
    const catalogue = (await this.catalogues.require(a.catalogueVersion)).catalogue;
    const answers = new Map(
      (await this.dataSource.getRepository(AssessmentAnswer).findBy({ assessmentId: id })).map((x) => [
        x.questionId,
        x,
      ]),
    );
    const result = a.result;
    const dims = new Map(catalogue.dimensions.map((d) => [d.id, localize(d.name, locale)]));
    const severityLabel = new Map(catalogue.severities.map((s) => [s.id, localize(s.label, locale)]));
    const levelLabel = (level: string | null | undefined) => {
      const found = catalogue.levels.find((l) => l.id === level);
      return found ? localize(found.label, locale) : '';
    };
    const dimensionScores = new Map((result?.dimensions ?? []).map((d) => [d.dimensionId, d]));
    const scored = new Map<string, ScoredFinding>();
    for (const f of result?.findings ?? []) if (!scored.has(f.questionId)) scored.set(f.questionId, f);
    const rows: Row[] = [];
    for (const q of catalogue.questions) {
      const ans = answers.get(q.id);
      const value = parseAnswer(ans);
      if (!ans || !value) continue;
      const option = value.kind === 'option' ? q.options.find((o) => o.id === value.optionId) : undefined;
      const dk = value.kind === 'dontKnow';
      const finding = dk
        ? q.dontKnow
          ? localize(q.dontKnow.verify, locale)
          : ''
        : option?.finding
          ? localize(option.finding.title, locale)
          : '';
      const s = scored.get(q.id);
      rows.push({
        dimension: dims.get(q.dimension) ?? q.dimension,
        dimensionScore: dimensionScores.get(q.dimension)?.score ?? '',
        questionId: q.id,
        question: localize(q.text, locale),
        answer: dk ? DONT_KNOW_LABEL[locale] : option ? localize(option.label, locale) : answerCode(value),
        note: ans.note ?? '',
        exposure: dk ? (q.dontKnow?.exposure ?? '') : (option?.exposure ?? ''),
        finding,
        severity: s ? (severityLabel.get(s.severity) ?? s.severity) : '',
      });
    }
    // Named as on the result page and in the report: the version's current wording (findingWording).
    const wording = (await this.catalogues.publicCatalogue(a.catalogueVersion, locale)).body;
    const titleOf = (f: ScoredFinding) =>
      (f.kind === 'exposure' ? findingWording(wording, f)?.title : verifyWording(wording, f)) ?? f.questionId;
    const summary: Summary = {
      date: (a.submittedAt ?? a.createdAt).toISOString().slice(0, 10),
      score: result?.score ?? '',
      level: levelLabel(result?.level) + (result?.provisional ? ` (${PROVISIONAL[locale]})` : ''),
      provisional: result?.provisional ?? false,
      dimensions: (result?.dimensions ?? []).map((d) => ({
        name: dims.get(d.dimensionId) ?? d.dimensionId,
        score: d.score ?? '',
        level: levelLabel(d.level),
        findings: d.findings.length,
      })),
      findings: (result?.findings ?? []).map((f) => ({
        severity: severityLabel.get(f.severity) ?? f.severity,
        dimension: dims.get(f.dimensionId) ?? f.dimensionId,
        questionId: f.questionId,
        title: titleOf(f),
      })),
    };
    return { rows, summary };
  }

  async csv(id: string, locale: Locale): Promise<{ filename: string; content: Buffer }> {
    const { rows, summary } = await this.rows(id, locale);
    const cell = (v: string | number) => {
      const s = typeof v === 'number' && locale === 'de' ? String(v).replace('.', ',') : String(v);
      // Quote every text cell and neutralise spreadsheet formulas (CSV injection).
      const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
      return typeof v === 'number' ? s : `"${safe.replace(/"/g, '""')}"`;
    };
    const lines = [
      HEAD[locale].map(cell).join(';'),
      ...rows.map((r) =>
        [
          r.dimension,
          r.dimensionScore,
          r.questionId,
          r.question,
          r.answer,
          r.note,
          r.exposure,
          r.finding,
          r.severity,
          summary.score,
          summary.level,
        ]
          .map(cell)
          .join(';'),
      ),
    ];
    return {
      filename: `SCS-Check_${summary.date}_${locale}.csv`,
      content: Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8'),
    };
  }

  async xlsx(id: string, locale: Locale): Promise<{ filename: string; content: Buffer }> {
    const { rows, summary } = await this.rows(id, locale);
    const de = locale === 'de';
    const wb = new ExcelJS.Workbook();
    wb.creator = 'SCS Check';

    const result = wb.addWorksheet(de ? 'Ergebnis' : 'Result');
    result.columns = [
      { header: de ? 'Dimension' : 'Dimension', width: 34 },
      { header: de ? 'Punktwert (0–100)' : 'Score (0–100)', width: 18 },
      { header: de ? 'Stufe' : 'Level', width: 22 },
      { header: de ? 'Befunde' : 'Findings', width: 12 },
    ];
    result.addRow([de ? 'Gesamt' : 'Overall', summary.score, summary.level, summary.findings.length]).font = {
      bold: true,
    };
    for (const d of summary.dimensions) result.addRow([d.name, d.score, d.level, d.findings]);
    result.getColumn(2).numFmt = '0.0';

    const findings = wb.addWorksheet(de ? 'Befunde' : 'Findings');
    findings.columns = [
      { header: de ? 'Schweregrad' : 'Severity', width: 14 },
      { header: 'Dimension', width: 30 },
      { header: de ? 'Frage-ID' : 'Question id', width: 10 },
      { header: de ? 'Befund' : 'Finding', width: 80 },
    ];
    for (const f of summary.findings) findings.addRow([f.severity, f.dimension, f.questionId, f.title]);
    findings.getColumn(4).alignment = { wrapText: true, vertical: 'top' };

    const ws = wb.addWorksheet(de ? 'Antworten' : 'Answers');
    ws.columns = HEAD[locale].map((header, i) => ({ header, width: [22, 12, 10, 60, 30, 40, 12, 50, 12, 12, 18][i] }));
    for (const r of rows)
      ws.addRow([
        r.dimension,
        r.dimensionScore,
        r.questionId,
        r.question,
        r.answer,
        r.note,
        r.exposure,
        r.finding,
        r.severity,
        summary.score,
        summary.level,
      ]);
    ws.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
    ws.getColumn(8).alignment = { wrapText: true, vertical: 'top' };
    for (const sheet of [result, findings, ws]) {
      sheet.getRow(1).font = { bold: true };
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
    }
    return {
      filename: `SCS-Check_${summary.date}_${locale}.xlsx`,
      content: Buffer.from(await wb.xlsx.writeBuffer()),
    };
  }
}
