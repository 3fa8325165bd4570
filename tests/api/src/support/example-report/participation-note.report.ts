import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  reportPdfOptions,
  slug,
  type BuiltReport,
  type ReportContentKey,
  type ReportKindProvider,
  type ReportRequest,
} from '@scs/api/reports';
import {
  PARTICIPATION_NOTE_TEMPLATE_VERSION,
  renderParticipationNote,
  type ParticipationNote,
} from './participation-note.template';

/** An example report kind (registered only in tests): an organisation's note of participation, about itself. */
@Injectable()
export class ParticipationNoteReport implements ReportKindProvider<ParticipationNote> {
  readonly kind = 'participation_note';
  readonly templateVersion = PARTICIPATION_NOTE_TEMPLATE_VERSION;
  readonly subject = 'organisation';

  constructor(@Inject(getDataSourceToken()) private readonly db: DataSource) {}

  async contentKey(request: ReportRequest): Promise<ReportContentKey> {
    return { orgId: request.subjectId, parts: [request.subjectId, `name:${await this.orgName(request.subjectId)}`] };
  }

  async build(request: ReportRequest): Promise<BuiltReport<ParticipationNote>> {
    const data = { orgName: await this.orgName(request.subjectId), locale: request.locale };
    return {
      data,
      html: renderParticipationNote(data),
      pdfOptions: reportPdfOptions(),
      filename: `participation_${slug(data.orgName)}_${data.locale}.pdf`,
    };
  }

  private async orgName(orgId: string): Promise<string> {
    const [org] = (await this.db.query(`SELECT "name" FROM "organisation" WHERE "id" = $1`, [orgId])) as {
      name: string;
    }[];
    if (!org) throw new NotFoundException('Organisation not found');
    return org.name;
  }
}
