import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { PROFILE_FIELDS, provinceLabel } from '@scs/shared/catalogue';
import { describeError, LanguageService, SessionService } from '@scs/web/core';
import { LevelBadgeComponent, LocalDatePipe } from '@scs/web/ui';
import type {
  PartnerImportResult,
  PartnerInput,
  PartnerLanguage,
  PartnerRole,
  PartnerView,
} from '@scs/shared/contracts';
import { PartnersApi } from '../data/partners.api';

export const ROLES: PartnerRole[] = ['jv_partner', 'supplier', 'distributor', 'customer', 'logistics', 'other'];
export const LANGUAGES: PartnerLanguage[] = ['zh', 'en', 'de'];

/** The firm's partners with the state of their latest check; add, import (with preview) and export. */
@Component({
  selector: 'scs-partners-page',
  imports: [TranslocoDirective, RouterLink, FormsModule, MatButtonModule, LevelBadgeComponent, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './partners.css',
  template: `
    <ng-container *transloco="let t; prefix: 'partners'">
      <h1>{{ t('list.heading') }}</h1>
      <p class="muted">{{ t('list.lead') }}</p>
      <div class="toolbar">
        <button mat-flat-button type="button" (click)="adding.set(!adding())" data-testid="add-partner">{{ t('list.add') }}</button>
        <button mat-stroked-button type="button" (click)="importing.set(!importing())">{{ t('list.import') }}</button>
        @if (orgId(); as org) {
          <a mat-stroked-button [href]="api.exportUrl(org, 'de')" download>{{ t('list.exportDe') }}</a>
          <a mat-stroked-button [href]="api.exportUrl(org, 'en')" download>{{ t('list.exportEn') }}</a>
        }
      </div>

      @if (adding()) {
        <section class="card">
          <h2>{{ t('form.heading') }}</h2>
          <form class="grid" (ngSubmit)="create()">
            <label>{{ t('form.name') }}<input name="name" [(ngModel)]="draft.name" required data-testid="partner-name" /></label>
            <label>{{ t('form.nameZh') }}<input name="nameZh" [(ngModel)]="draft.nameZh" lang="zh-Hans" /></label>
            <label
              >{{ t('form.uscc') }}<input name="uscc" [(ngModel)]="draft.uscc" maxlength="18" data-testid="partner-uscc" />
              @if (fieldErrors()['uscc']; as e) {
                <span class="field-error">{{ e }}</span>
              }
            </label>
            <label
              >{{ t('form.role') }}
              <select name="role" [(ngModel)]="draft.role">
                @for (r of roles; track r) {
                  <option [value]="r">{{ t('role.' + r) }}</option>
                }
              </select>
            </label>
            <label
              >{{ t('form.province') }}
              <select name="province" [(ngModel)]="draft.province" data-testid="partner-province">
                <option value="">–</option>
                @for (code of provinces; track code) {
                  <option [value]="code">{{ province(code) }}</option>
                }
              </select>
            </label>
            <label>{{ t('form.contactName') }}<input name="contactName" [(ngModel)]="draft.contactName" /></label>
            <label
              >{{ t('form.contactEmail') }}<input name="contactEmail" type="email" [(ngModel)]="draft.contactEmail" data-testid="partner-email" />
              @if (fieldErrors()['contactEmail']; as e) {
                <span class="field-error">{{ e }}</span>
              }
            </label>
            <label
              >{{ t('form.language') }}
              <select name="contactLanguage" [(ngModel)]="draft.contactLanguage">
                @for (l of languages; track l) {
                  <option [value]="l">{{ t('language.' + l) }}</option>
                }
              </select>
            </label>
            <label>{{ t('form.recheckMonths') }}<input name="recheckMonths" type="number" min="1" max="60" [(ngModel)]="draft.recheckMonths" /></label>
            <div><button mat-flat-button type="submit" data-testid="save-partner">{{ t('form.save') }}</button></div>
          </form>
          @if (formError(); as e) {
            <p class="error" role="alert">{{ e }}</p>
          }
        </section>
      }

      @if (importing()) {
        <section class="card">
          <h2>{{ t('import.heading') }}</h2>
          <p class="muted">{{ t('import.lead') }}</p>
          <input type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" (change)="pick($event)" />
          @if (importError(); as e) {
            <p class="error" role="alert">{{ e }}</p>
          }
          @if (preview(); as p) {
            <p>{{ t('import.summary', { rows: p.rows.length, rejected: p.rejected.length }) }}</p>
            <div class="table-scroll">
              <table>
                <thead><tr><th>{{ t('import.line') }}</th><th>{{ t('form.name') }}</th><th>{{ t('form.uscc') }}</th><th>{{ t('form.role') }}</th><th>{{ t('form.contactEmail') }}</th></tr></thead>
                <tbody>
                  @for (r of p.rows; track r.line) {
                    <tr><td>{{ r.line }}</td><td>{{ r.name }} {{ r.nameZh }}</td><td>{{ r.uscc }}</td><td>{{ t('role.' + r.role) }}</td><td>{{ r.contactEmail }}</td></tr>
                  }
                  @for (r of p.rejected; track r.line) {
                    <tr class="error"><td>{{ r.line }}</td><td colspan="4">{{ r.value }} – {{ t('import.problem.' + r.problem) }}</td></tr>
                  }
                </tbody>
              </table>
            </div>
            @if (p.imported > 0) {
              <p class="ok">{{ t('import.done', { n: p.imported }) }}</p>
            } @else if (p.rows.length > 0) {
              <button mat-flat-button type="button" (click)="runImport()">{{ t('import.confirm', { n: p.rows.length }) }}</button>
            }
          }
        </section>
      }

      @if (error(); as e) {
        <p class="error" role="alert">{{ e }}</p>
      } @else if (partners(); as list) {
        @if (list.length === 0) {
          <p class="muted">{{ t('list.empty') }}</p>
        } @else {
          <div class="table-scroll">
            <table class="list" data-testid="partner-list">
              <thead>
                <tr>
                  <th>{{ t('form.name') }}</th>
                  <th>{{ t('form.role') }}</th>
                  <th>{{ t('list.state') }}</th>
                  <th>{{ t('list.level') }}</th>
                  <th>{{ t('list.flags') }}</th>
                  <th>{{ t('list.recheckDue') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (p of list; track p.id) {
                  <tr data-testid="partner-row">
                    <td>
                      <a [routerLink]="[p.id]">{{ p.name }}</a>
                      @if (p.nameZh) {
                        <br /><span lang="zh-Hans">{{ p.nameZh }}</span>
                      }
                      @if (p.uscc) {
                        <br /><span class="muted">{{ p.uscc }}</span>
                      }
                    </td>
                    <td>
                      {{ t('role.' + p.role) }}
                      @if (p.province) {
                        <br /><span class="muted" data-testid="partner-province-label">{{ province(p.province) }}</span>
                      }
                    </td>
                    <td><span class="chip {{ p.state }}">{{ t('state.' + p.state) }}</span></td>
                    <td>
                      @if (p.level) {
                        <scs-level-badge [level]="p.level" [label]="t('level.' + p.level)" />
                      }
                    </td>
                    <td>{{ p.answeredAt ? p.flagCount : '' }}</td>
                    <td [class.error]="p.recheckOverdue">{{ p.recheckDue | scsDate: lang() }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      } @else {
        <p class="muted">{{ t('loading') }}</p>
      }
    </ng-container>
  `,
})
export class PartnersPage {
  protected readonly api = inject(PartnersApi);
  private readonly session = inject(SessionService);
  protected readonly lang = inject(LanguageService).current;
  protected readonly roles = ROLES;
  protected readonly languages = LANGUAGES;
  /** Province codes (ISO 3166-2:CN); stored as the code, shown in the UI language. */
  protected readonly provinces = PROFILE_FIELDS.provinces.values;
  protected readonly orgId = computed(() => this.session.activeOrg()?.orgId ?? null);
  protected readonly partners = signal<PartnerView[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly adding = signal(false);
  protected readonly importing = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly fieldErrors = signal<Record<string, string>>({});
  protected readonly importError = signal<string | null>(null);
  protected readonly preview = signal<PartnerImportResult | null>(null);
  private file: File | null = null;
  protected draft = this.empty();

  constructor() {
    effect(() => {
      if (this.orgId()) void this.load();
    });
  }

  /** A province (code or a name as imported) in the UI language. */
  protected province(value: string): string {
    return provinceLabel(value, this.lang());
  }

  private empty(): PartnerInput & { recheckMonths: number } {
    return {
      name: '',
      nameZh: '',
      uscc: '',
      role: 'supplier',
      province: '',
      contactName: '',
      contactEmail: '',
      contactLanguage: 'zh',
      recheckMonths: 12,
    };
  }

  protected async load(): Promise<void> {
    const org = this.orgId();
    if (!org) return;
    try {
      this.partners.set(await this.api.list(org));
      this.error.set(null);
    } catch (e) {
      this.error.set(describeError(e).message);
    }
  }

  protected async create(): Promise<void> {
    const org = this.orgId();
    if (!org) return;
    try {
      await this.api.create(org, { ...this.draft, recheckMonths: Number(this.draft.recheckMonths) || 12 });
      this.draft = this.empty();
      this.adding.set(false);
      this.formError.set(null);
      this.fieldErrors.set({});
      await this.load();
    } catch (e) {
      const d = describeError(e);
      this.formError.set(d.message);
      this.fieldErrors.set(d.fields);
    }
  }

  protected async pick(event: Event): Promise<void> {
    const org = this.orgId();
    this.file = (event.target as HTMLInputElement).files?.[0] ?? null;
    if (!org || !this.file) return;
    try {
      this.preview.set(await this.api.import(org, this.file, true));
      this.importError.set(null);
    } catch (e) {
      this.preview.set(null);
      this.importError.set(describeError(e).message);
    }
  }

  protected async runImport(): Promise<void> {
    const org = this.orgId();
    if (!org || !this.file) return;
    try {
      this.preview.set(await this.api.import(org, this.file, false));
      await this.load();
    } catch (e) {
      this.importError.set(describeError(e).message);
    }
  }
}
