import { Inject, Injectable } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { ReportRequest } from './kinds/report-kind';
import type { RenderedReport } from './render/report-renderer';
import { Report, ReportFile } from './report.entity';

/**
 * The one writer of the `report` and `report_file` tables: every state change of a report goes through here
 * (queued → rendering → done | failed, and failed → queued on a new request or a retry).
 */
@Injectable()
export class ReportStore {
  // Explicit tokens: the PDF benchmark runs this module under tsx, which emits no decorator metadata.
  constructor(
    @Inject(getRepositoryToken(Report)) private readonly reports: Repository<Report>,
    @Inject(getRepositoryToken(ReportFile)) private readonly files: Repository<ReportFile>,
  ) {}

  /**
   * The report with this content key: a new one (queued), or the existing one. Concurrent identical requests end
   * with one row (the unique cache key decides).
   */
  async insertOrFind(request: ReportRequest, cacheKey: string): Promise<{ report: Report; created: boolean }> {
    const inserted: { id: string }[] = await this.reports.query(
      `INSERT INTO "report" ("org_id", "subject_id", "kind", "locale", "cache_key", "requested_by", "prepared_by")
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ("cache_key") DO NOTHING RETURNING "id"`,
      [
        request.orgId,
        request.subjectId,
        request.kind,
        request.locale,
        cacheKey,
        request.requestedBy,
        request.preparedBy,
      ],
    );
    const created = inserted[0];
    if (created) return { report: await this.reports.findOneByOrFail({ id: created.id }), created: true };
    return { report: await this.reports.findOneByOrFail({ cacheKey }), created: false };
  }

  /** Queues failed reports again; answers the ids of those that were failed (and are queued now). */
  async requeueFailed(ids: readonly string[], requestedBy: string | null = null): Promise<string[]> {
    if (!ids.length) return [];
    const result = await this.reports
      .createQueryBuilder()
      .update()
      .set({
        status: 'queued',
        error: null,
        startedAt: null,
        finishedAt: null,
        ...(requestedBy ? { requestedBy } : {}),
      })
      .where('id = ANY(CAST(:ids AS uuid[])) AND status = :failed', { ids: [...ids], failed: 'failed' })
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }

  async startAttempt(id: string): Promise<void> {
    await this.reports
      .createQueryBuilder()
      .update()
      .set({ status: 'rendering', startedAt: () => 'now()', attempts: () => '"attempts" + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /**
   * Stores a rendered report. Two single statements rather than a transaction: the file first, then the status, so a
   * report is never "done" without its file; a retry overwrites a stray file.
   */
  async done(id: string, rendered: RenderedReport, filename: string): Promise<void> {
    await this.files.upsert({ reportId: id, pdf: rendered.pdf }, ['reportId']);
    await this.reports.update(
      { id },
      {
        status: 'done',
        error: null,
        sha256: rendered.sha256,
        pages: rendered.pages,
        bytes: rendered.bytes,
        filename,
        finishedAt: new Date(),
      },
    );
  }

  async failed(id: string, reason: string): Promise<void> {
    await this.reports.update({ id }, { status: 'failed', error: reason, finishedAt: new Date() });
  }

  /** An attempt failed and another one follows. */
  async retrying(id: string, reason: string): Promise<void> {
    await this.reports.update({ id }, { status: 'queued', error: reason });
  }

  /** A render job that ran out of attempts without settling its report (its worker died or hung). */
  async abandoned(id: string): Promise<void> {
    await this.reports.update(
      { id, status: In(['queued', 'rendering']) },
      {
        status: 'failed',
        error: 'Rendering did not finish: the worker stopped or timed out on every attempt',
        finishedAt: new Date(),
      },
    );
  }
}
