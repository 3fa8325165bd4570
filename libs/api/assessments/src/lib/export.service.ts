import { Injectable } from '@nestjs/common';
import { ConflictError } from '@scs/api/core';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { CatalogueService } from '@scs/api/catalogue';
import { localize, type Locale } from '@scs/shared/catalogue';
import { answerCode, parseAnswer } from '@scs/shared/answers';
import { AssessmentAnswer } from './assessment.entity';
import { AssessmentsService } from './assessments.service';

interface Row {
  dimension: string;
  questionId: string;
  question: string;
  answer: string;
  note: string;
  exposure: number | '';
  finding: string;
}

const HEAD: Record<Locale, string[]> = {
  en: ['Dimension', 'Question id', 'Question', 'Answer', 'Note', 'Exposure (0–1)', 'Finding'],
  de: ['Dimension', 'Frage-ID', 'Frage', 'Antwort', 'Notiz', 'Exponierung (0–1)', 'Befund'],
};
const DONT_KNOW_LABEL: Record<Locale, string> = { en: "Don't know", de: 'Weiß nicht' };

/** CSV and Excel exports of a submitted assessment: question text, answer, note, exposure, finding. */
@Injectable()
export class ExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessments: AssessmentsService,
    private readonly catalogues: CatalogueService,
  ) {}

  async rows(id: string, locale: Locale): Promise<{ rows: Row[]; date: string }> {
    const a = await this.assessments.find(id);
    if (a.status !== 'submitted') throw new ConflictError('errors.assessment.exportSubmittedOnly');
    const catalogue = (await this.catalogues.require(a.catalogueVersion)).catalogue;
    const answers = new Map(
      (await this.dataSource.getRepository(AssessmentAnswer).findBy({ assessmentId: id })).map((x) => [
        x.questionId,
        x,
      ]),
    );
    const dims = new Map(catalogue.dimensions.map((d) => [d.id, localize(d.name, locale)]));
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
      rows.push({
        dimension: dims.get(q.dimension) ?? q.dimension,
        questionId: q.id,
        question: localize(q.text, locale),
        answer: dk ? DONT_KNOW_LABEL[locale] : option ? localize(option.label, locale) : answerCode(value),
        note: ans.note ?? '',
        exposure: dk ? (q.dontKnow?.exposure ?? '') : (option?.exposure ?? ''),
        finding,
      });
    }
    return { rows, date: (a.submittedAt ?? a.createdAt).toISOString().slice(0, 10) };
  }

  async csv(id: string, locale: Locale): Promise<{ filename: string; content: Buffer }> {
    const { rows, date } = await this.rows(id, locale);
    const cell = (v: string | number) => {
      const s = String(v);
      // Quote every text cell and neutralise spreadsheet formulas (CSV injection).
      const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
      return typeof v === 'number' ? s : `"${safe.replace(/"/g, '""')}"`;
    };
    const lines = [
      HEAD[locale].map(cell).join(';'),
      ...rows.map((r) =>
        [r.dimension, r.questionId, r.question, r.answer, r.note, r.exposure, r.finding].map(cell).join(';'),
      ),
    ];
    return {
      filename: `SCS-Check_${date}_${locale}.csv`,
      content: Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8'),
    };
  }

  async xlsx(id: string, locale: Locale): Promise<{ filename: string; content: Buffer }> {
    const { rows, date } = await this.rows(id, locale);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'SCS Check';
    const ws = wb.addWorksheet(locale === 'de' ? 'Selbstcheck' : 'Self-check');
    ws.columns = HEAD[locale].map((header, i) => ({ header, width: [22, 10, 60, 30, 40, 12, 50][i] }));
    for (const r of rows) ws.addRow([r.dimension, r.questionId, r.question, r.answer, r.note, r.exposure, r.finding]);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
    ws.getColumn(7).alignment = { wrapText: true, vertical: 'top' };
    return { filename: `SCS-Check_${date}_${locale}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
  }
}
