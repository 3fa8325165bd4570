import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { localize, PROFILE_FIELDS, type Text } from '@scs/shared/catalogue';
import type {
  GroupLinkView,
  GroupLinksView,
  PortfolioEntity,
  PortfolioView,
  ReportLevel,
  ReportLocale,
  ReportView,
} from '@scs/shared/contracts';
import { describeError, LanguageService, SessionService } from '@scs/web/core';
import { REPORT_LOCALES, ReportsApi, isPending, pollDelay } from '@scs/web/reports';
import { EmptyStateComponent, ErrorBoxComponent, formatScore, LoadingComponent, LocalDatePipe } from '@scs/web/ui';
import { PortfolioApi } from '../data/portfolio.api';

type Labels = Readonly<Record<string, Text>>;
const PROVINCE_LABELS = PROFILE_FIELDS.provinces.valueLabels as Labels;
const LEGAL_FORM_LABELS = PROFILE_FIELDS.legalForm.valueLabels as Labels;

/** The cell of the heat map for one dimension code of an entity (null: not scored). */
export function cellOf(e: PortfolioEntity, code: string): { score: number | null; level: ReportLevel | null } {
  const c = e.cells.find((x) => x.code === code);
  return { score: c?.score ?? null, level: c?.level ?? null };
}

/**
 * The group portfolio of the active firm: links in both roles (invite, accept/decline, end, share answers), the
 * heat map of entities × dimensions with filters, the entity table and the PDF.
 */
@Component({
  selector: 'scs-portfolio-page',
  imports: [
    TranslocoDirective,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    EmptyStateComponent,
    ErrorBoxComponent,
    LoadingComponent,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './portfolio.page.css',
  templateUrl: './portfolio.page.html',
})
export class PortfolioPage {
  private readonly api = inject(PortfolioApi);
  private readonly reportsApi = inject(ReportsApi);
  private readonly session = inject(SessionService);
  protected readonly lang = inject(LanguageService).current;

  protected readonly state = computed<'loading' | 'signedOut' | 'notFirm' | 'firm'>(() => {
    if (!this.session.loaded()) return 'loading';
    if (!this.session.user()) return 'signedOut';
    return this.session.activeOrg()?.kind === 'firm' ? 'firm' : 'notFirm';
  });
  protected readonly orgId = computed(() =>
    this.state() === 'firm' ? (this.session.activeOrg()?.orgId ?? null) : null,
  );
  protected readonly role = computed(() => this.session.activeOrg()?.role ?? null);
  protected readonly canManage = computed(() => this.role() === 'owner' || this.role() === 'admin');
  protected readonly isOwner = computed(() => this.role() === 'owner');

  protected readonly view = signal<PortfolioView | null>(null);
  protected readonly links = signal<GroupLinksView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly busy = signal<string | null>(null);
  protected readonly sent = signal<string | null>(null);
  protected readonly inviteError = signal<string | null>(null);
  protected uscc = '';
  protected readonly province = signal('');
  protected readonly legalForm = signal('');

  protected readonly reports = signal<ReportView[]>([]);
  protected readonly reportError = signal<string | null>(null);
  protected readonly requesting = signal(false);
  /** The report languages (those of the firm's reports) and the chosen one: the UI language until the user picks another. */
  protected readonly reportLocales = REPORT_LOCALES;
  protected locale: ReportLocale = this.lang();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private polls = 0;

  protected readonly openEntityLinks = computed(() =>
    (this.links()?.entities ?? []).filter((l) => l.status === 'pending' || l.status === 'active'),
  );
  protected readonly openGroupLinks = computed(() =>
    (this.links()?.groups ?? []).filter((l) => l.status === 'pending' || l.status === 'active'),
  );
  protected readonly filtered = computed(() => Boolean(this.province() || this.legalForm()));

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
    effect(() => {
      if (this.orgId()) untracked(() => void this.load());
    });
  }

  protected provinceLabel(code: string): string {
    const label = PROVINCE_LABELS[code];
    return label ? localize(label, this.lang()) : code;
  }
  protected legalFormLabel(code: string | null): string {
    const label = code ? LEGAL_FORM_LABELS[code] : undefined;
    return label ? localize(label, this.lang()) : (code ?? '–');
  }
  protected localeLabel(locale: ReportLocale): string {
    return REPORT_LOCALES.find((l) => l.id === locale)?.label ?? locale;
  }
  protected score(n: number | null): string {
    return n === null ? '–' : formatScore(n, this.lang());
  }
  protected cell(e: PortfolioEntity, code: string) {
    return cellOf(e, code);
  }

  protected async load(): Promise<void> {
    const id = this.orgId();
    if (!id) return;
    this.error.set(null);
    try {
      const [view, links, reports] = await Promise.all([
        this.api.portfolio(id, { province: this.province(), legalForm: this.legalForm() }),
        this.api.links(id),
        this.api.reports(id),
      ]);
      this.view.set(view);
      this.links.set(links);
      this.showReports(reports);
    } catch (e) {
      this.error.set(describeError(e).message);
    }
  }

  protected async applyFilters(): Promise<void> {
    const id = this.orgId();
    if (!id) return;
    try {
      this.view.set(await this.api.portfolio(id, { province: this.province(), legalForm: this.legalForm() }));
    } catch (e) {
      this.error.set(describeError(e).message);
    }
  }

  protected resetFilters(): void {
    this.province.set('');
    this.legalForm.set('');
    void this.applyFilters();
  }

  protected async invite(): Promise<void> {
    const id = this.orgId();
    if (!id || this.busy() || !this.uscc.trim()) return; // a double click sends one invitation
    this.busy.set('invite');
    this.inviteError.set(null);
    this.sent.set(null);
    try {
      const link = await this.api.invite(id, this.uscc);
      this.sent.set(link.entity.name);
      this.uscc = '';
      this.links.set(await this.api.links(id));
    } catch (e) {
      const err = describeError(e);
      this.inviteError.set(err.fields['uscc'] ?? err.message);
    } finally {
      this.busy.set(null);
    }
  }

  protected async act(link: GroupLinkView, action: 'accept' | 'decline' | 'end', confirmText?: string): Promise<void> {
    const id = this.orgId();
    if (!id || this.busy()) return;
    if (confirmText && !confirm(confirmText)) return;
    await this.run(link.id, () => this.api.act(id, link.id, action));
  }

  protected async share(link: GroupLinkView, granted: boolean): Promise<void> {
    const id = this.orgId();
    if (!id || this.busy()) return;
    await this.run(link.id, () => this.api.setAnswersAccess(id, link.id, granted));
  }

  private async run(key: string, call: () => Promise<unknown>): Promise<void> {
    this.busy.set(key);
    this.actionError.set(null);
    try {
      await call();
      await this.load();
    } catch (e) {
      this.actionError.set(describeError(e).message);
    } finally {
      this.busy.set(null);
    }
  }

  protected pdfUrl(reportId: string): string {
    return this.reportsApi.pdfUrl(reportId);
  }

  protected async requestReport(): Promise<void> {
    const id = this.orgId();
    if (!id || this.requesting()) return; // a double click requests one report
    this.requesting.set(true);
    this.reportError.set(null);
    try {
      await this.api.requestReport(id, this.locale);
      this.polls = 0;
      this.showReports(await this.api.reports(id));
    } catch (e) {
      this.reportError.set(describeError(e).message);
    } finally {
      this.requesting.set(false);
    }
  }

  private showReports(reports: ReportView[]): void {
    this.reports.set(reports);
    clearTimeout(this.timer);
    const id = this.orgId();
    if (id && reports.some(isPending)) {
      this.timer = setTimeout(
        () =>
          void this.api.reports(id).then(
            (r) => this.showReports(r),
            (e) => this.reportError.set(describeError(e).message),
          ),
        pollDelay(this.polls++),
      );
    }
  }
}
