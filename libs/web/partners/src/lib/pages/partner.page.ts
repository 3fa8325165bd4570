import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { provinceLabel } from '@scs/shared/catalogue';
import { describeError, LanguageService, SessionService } from '@scs/web/core';
import { LevelBadgeComponent, LocalDatePipe } from '@scs/web/ui';
import type {
  PartnerCheckView,
  PartnerDetailView,
  PartnerLanguage,
  QuestionnaireQuestionView,
} from '@scs/shared/contracts';
import { PartnersApi, tri } from '../data/partners.api';
import { LANGUAGES } from './partners.page';

const SOURCES = ['credit_china', 'necips', 'court_enforcement', 'tax_grade', 'customs', 'ccgp'];

/** One partner: send a check, its red flags and answers, the evidence it attached, the firm's own verifications. */
@Component({
  selector: 'scs-partner-page',
  imports: [TranslocoDirective, RouterLink, FormsModule, MatButtonModule, LevelBadgeComponent, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './partners.css',
  template: `
    <ng-container *transloco="let t; prefix: 'partners'">
      <a routerLink="..">← {{ t('detail.back') }}</a>
      @if (error(); as e) {
        <p class="error" role="alert">{{ e }}</p>
      }
      @if (detail(); as d) {
        <h1>{{ d.partner.name }}</h1>
        @if (d.partner.nameZh) {
          <p lang="zh-Hans">{{ d.partner.nameZh }}</p>
        }
        <p class="muted">
          {{ t('role.' + d.partner.role) }} · {{ d.partner.uscc || t('detail.noUscc') }}
          @if (d.partner.province) {
            · <span data-testid="partner-province-label">{{ province(d.partner.province) }}</span>
          }
          · {{ d.partner.contactName }} {{ d.partner.contactEmail }}
        </p>
        <p>
          <span class="chip {{ d.partner.state }}" data-testid="partner-state">{{ t('state.' + d.partner.state) }}</span>
          @if (d.partner.level) {
            <scs-level-badge [level]="d.partner.level" [label]="t('level.' + d.partner.level)" />
          }
          @if (d.partner.recheckDue) {
            <span [class.error]="d.partner.recheckOverdue">
              {{ t('detail.recheckDue', { date: (d.partner.recheckDue | scsDate: lang()) }) }}</span
            >
          }
        </p>

        <section class="card">
          <h2>{{ t('send.heading') }}</h2>
          <form class="grid" (ngSubmit)="send()">
            <label>{{ t('form.contactEmail') }}<input name="email" type="email" [(ngModel)]="sendEmail" data-testid="check-email" /></label>
            <label
              >{{ t('form.language') }}
              <select name="locale" [(ngModel)]="sendLocale">
                @for (l of languages; track l) {
                  <option [value]="l">{{ t('language.' + l) }}</option>
                }
              </select>
            </label>
            <label>{{ t('send.validDays') }}<input name="days" type="number" min="1" max="90" [(ngModel)]="validDays" /></label>
            <div><button mat-flat-button type="submit" data-testid="send-check">{{ t('send.button') }}</button></div>
          </form>
          @if (sent()) {
            <p class="ok" role="status">{{ t('send.done') }}</p>
          }
        </section>

        @for (c of d.checks; track c.id) {
          <section class="card" data-testid="check">
            <h2>{{ t('check.heading', { date: (c.sentAt | scsDate: lang()) }) }}</h2>
            <p>
              <span class="chip {{ c.state }}">{{ t('state.' + c.state) }}</span>
              {{ c.email }} · {{ t('language.' + c.locale) }} · {{ t('check.expires', { date: (c.expiresAt | scsDate: lang()) }) }}
              @if (c.state === 'sent' || c.state === 'opened') {
                <button mat-stroked-button type="button" (click)="revoke(c)">{{ t('check.revoke') }}</button>
              }
            </p>
            @if (c.submittedAt) {
              <h3>{{ t('check.flags') }}</h3>
              @for (f of c.flags; track f.questionId) {
                <div class="flag sev-{{ f.severity }}" data-testid="red-flag">
                  <strong>{{ t('severity.' + f.severity) }}</strong>{{ lang() === 'zh' ? '：' : ': ' }}{{ triText(f.text) }}
                  @if (f.unconfirmed) {
                    <span class="chip badge-unconfirmed">{{ t('check.unconfirmed') }}</span>
                  }
                </div>
              } @empty {
                <p class="ok">{{ t('check.noFlags') }}</p>
              }
              <h3>{{ t('check.answers') }}</h3>
              <div class="table-scroll">
                <table>
                  @for (q of d.questionnaire.questions; track q.id) {
                    <tr>
                      <td>{{ triText(q.text) }}</td>
                      <td><strong>{{ answerLabel(q, c) }}</strong></td>
                    </tr>
                  }
                </table>
              </div>
              @if (c.declaration; as decl) {
                <p>{{ t('check.declaration', { name: decl.name, role: decl.role, date: (decl.date | scsDate: lang()) }) }}</p>
              }
              <h3>{{ t('check.evidence') }}</h3>
              @for (e of c.evidence; track e.id) {
                <p><a [href]="api.evidenceUrl(orgId() ?? '', d.partner.id, c.id, e.id)" download data-testid="evidence-link">{{ e.filename }}</a> ({{ kb(e.size) }} KB)</p>
              } @empty {
                <p class="muted">{{ t('check.noEvidence') }}</p>
              }
              <button mat-stroked-button type="button" (click)="receipt(c)">{{ t('check.receipt') }}</button>
              @if (receiptLinks()[c.id]; as href) {
                <a [href]="href" download>{{ t('check.receiptDownload') }}</a>
              }
            }
          </section>
        }

        <section class="card">
          <h2>{{ t('verify.heading') }}</h2>
          <p class="muted">{{ t('verify.lead') }}</p>
          <form class="grid" (ngSubmit)="verify()">
            <label
              >{{ t('verify.source') }}
              <select name="source" [(ngModel)]="vSource">
                @for (s of sources; track s) {
                  <option [value]="s">{{ t('source.' + s) }}</option>
                }
              </select>
            </label>
            <label>{{ t('verify.date') }}<input name="checkedOn" type="date" [(ngModel)]="vDate" /></label>
            <label
              >{{ t('verify.outcome') }}
              <select name="outcome" [(ngModel)]="vOutcome">
                <option value="no_entry">{{ t('verify.no_entry') }}</option>
                <option value="entry_found">{{ t('verify.entry_found') }}</option>
              </select>
            </label>
            <label>{{ t('verify.note') }}<input name="note" [(ngModel)]="vNote" /></label>
            <div><button mat-flat-button type="submit">{{ t('verify.save') }}</button></div>
          </form>
          <ul>
            @for (v of d.verifications; track v.id) {
              <li>{{ t('verify.entry', { source: t('source.' + v.source), date: (v.checkedOn | scsDate: lang()), outcome: t('verify.' + v.outcome) }) }} {{ v.note }}</li>
            }
          </ul>
        </section>
      }
    </ng-container>
  `,
})
export class PartnerPage {
  readonly partnerId = input.required<string>();
  protected readonly api = inject(PartnersApi);
  private readonly session = inject(SessionService);
  protected readonly lang = inject(LanguageService).current;
  protected readonly languages = LANGUAGES;
  protected readonly sources = SOURCES;
  protected readonly orgId = computed(() => this.session.activeOrg()?.orgId ?? null);
  protected readonly detail = signal<PartnerDetailView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly sent = signal(false);
  protected readonly receiptLinks = signal<Record<string, string>>({});
  protected sendEmail = '';
  protected sendLocale: PartnerLanguage = 'zh';
  protected validDays = 30;
  protected vSource = 'credit_china';
  protected vDate = new Date().toISOString().slice(0, 10);
  protected vOutcome = 'no_entry';
  protected vNote = '';

  constructor() {
    effect(() => {
      if (this.orgId() && this.partnerId()) void this.load();
    });
  }

  /** The partner's province (a code or a name as imported) in the UI language. */
  protected province(value: string): string {
    return provinceLabel(value, this.lang());
  }

  protected triText(text: Parameters<typeof tri>[0]): string {
    return tri(text, this.lang());
  }

  protected answerLabel(q: QuestionnaireQuestionView, c: PartnerCheckView): string {
    const option = q.options.find((o) => o.id === c.answers?.[q.id]);
    return option ? tri(option.label, this.lang()) : '—';
  }

  protected kb(bytes: number): number {
    return Math.max(1, Math.round(bytes / 1024));
  }

  protected async load(): Promise<void> {
    const org = this.orgId();
    if (!org) return;
    try {
      const d = await this.api.get(org, this.partnerId());
      this.detail.set(d);
      this.sendEmail = d.partner.contactEmail ?? '';
      this.sendLocale = d.partner.contactLanguage;
      this.error.set(null);
    } catch (e) {
      this.error.set(describeError(e).message);
    }
  }

  private async act(run: (org: string) => Promise<unknown>): Promise<void> {
    const org = this.orgId();
    if (!org) return;
    try {
      await run(org);
      this.error.set(null);
      await this.load();
    } catch (e) {
      this.error.set(describeError(e).message);
    }
  }

  protected send(): Promise<void> {
    return this.act(async (org) => {
      await this.api.sendCheck(org, this.partnerId(), {
        email: this.sendEmail || undefined,
        locale: this.sendLocale,
        validDays: Number(this.validDays) || 30,
      });
      this.sent.set(true);
    });
  }

  protected revoke(c: PartnerCheckView): Promise<void> {
    return this.act((org) => this.api.revoke(org, this.partnerId(), c.id));
  }

  protected verify(): Promise<void> {
    return this.act((org) =>
      this.api.verify(org, this.partnerId(), {
        source: this.vSource,
        checkedOn: this.vDate,
        outcome: this.vOutcome,
        note: this.vNote || null,
      }),
    );
  }

  protected async receipt(c: PartnerCheckView): Promise<void> {
    const org = this.orgId();
    if (!org) return;
    try {
      const { reportId } = await this.api.requestReceipt(org, this.partnerId(), c.id);
      for (let i = 0; i < 60; i++) {
        const s = await this.api.reportStatus(reportId);
        if (s.status === 'done') {
          this.receiptLinks.update((l) => ({ ...l, [c.id]: `/api/reports/${reportId}/pdf` }));
          return;
        }
        if (s.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 2000));
      }
    } catch (e) {
      this.error.set(describeError(e).message);
    }
  }
}
