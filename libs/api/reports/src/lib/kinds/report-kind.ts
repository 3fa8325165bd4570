import { Injectable, type Provider, type Type } from '@nestjs/common';
import type { ReportKind, ReportLocale } from '@scs/shared/contracts';
import type { PDFOptions } from 'puppeteer-core';

/**
 * One report to produce: what kind, for which organisation (the owner: it lists, downloads and is billed for it),
 * about which subject (an assessment, the organisation itself …), in which language, prepared by whom (a chamber that
 * prepares firm reports with its branding), requested by whom (null: by a batch). It travels in the render job.
 */
export interface ReportRequest {
  kind: ReportKind;
  orgId: string;
  subjectId: string;
  locale: ReportLocale;
  preparedBy: string | null;
  requestedBy: string | null;
}

/**
 * The identity of a report's content, computed from cheap ids and versions (assessment id and submission, catalogue
 * version, branding version, peer release …), never from the built data. `orgId` is the organisation the subject
 * belongs to: a request for another organisation is refused.
 */
export interface ReportContentKey {
  orgId: string;
  parts: string[];
}

/** What a kind hands to the pipeline for one render: its data, the HTML, the page.pdf() options and the file name. */
export interface BuiltReport<D = unknown> {
  data: D;
  html: string;
  pdfOptions: PDFOptions;
  filename: string;
}

/**
 * A report kind. The reports feature owns the lifecycle (request, queue, render, store, download); a kind only says
 * what its content depends on (`contentKey`, cheap, called on every request) and builds the document (`build`, once
 * per render, in the worker). Errors: a typed domain error (`@scs/api/core`) other than `UnavailableError` fails the report for good,
 * anything else is retried. Register it with `reportKinds(MyKind)` in the providers of its feature's module.
 */
export interface ReportKindProvider<D = unknown> {
  readonly kind: ReportKind;
  /** Part of the cache key: a new template version renders every report of the kind again. */
  readonly templateVersion: string;
  /** What `subjectId` names; reports about an assessment are listed with it (`ReportView.assessmentId`). */
  readonly subject: 'assessment' | 'organisation';
  contentKey(request: ReportRequest): Promise<ReportContentKey>;
  build(request: ReportRequest): Promise<BuiltReport<D>>;
  /** Called once the report is stored (e.g. to tell the firm); a failure is logged and never fails the report. */
  settled?(report: { id: string; orgId: string; subjectId: string; preparedBy: string | null }): Promise<void>;
}

/** The registered report kinds, by kind. */
@Injectable()
export class ReportKinds {
  private readonly providers = new Map<ReportKind, ReportKindProvider>();

  register(provider: ReportKindProvider): void {
    if (this.providers.has(provider.kind)) throw new Error(`Report kind "${provider.kind}" is registered twice`);
    this.providers.set(provider.kind, provider);
  }

  get(kind: ReportKind): ReportKindProvider | undefined {
    return this.providers.get(kind);
  }

  kinds(): ReportKind[] {
    return [...this.providers.keys()];
  }
}

/**
 * The providers that declare report kinds in a feature module: `providers: [...reportKinds(MemberBenchmarkReport)]`.
 * The module must import ReportsModule (which provides the ReportKinds registry).
 */
export function reportKinds(...types: Type<ReportKindProvider>[]): Provider[] {
  return [
    ...types,
    {
      provide: Symbol(`report kinds: ${types.map((t) => t.name).join(', ')}`),
      inject: [ReportKinds, ...types],
      useFactory: (registry: ReportKinds, ...kinds: ReportKindProvider[]) => {
        for (const kind of kinds) registry.register(kind);
        return kinds;
      },
    },
  ];
}
