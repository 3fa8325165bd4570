import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError } from '@scs/web/core';
import { ErrorBoxComponent, LoadingComponent, formatScore } from '@scs/web/ui';
import { ChambersApi } from '../data/chambers.api';
import type { BrandingView, ReportLanguage } from '../data/chambers.types';
import { chamberContext } from '../data/chamber-context';

/** The chamber's branding: name, contact line, website, report language and logo, with a report-header preview. */
@Component({
  selector: 'scs-branding-page',
  imports: [
    TranslocoDirective,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    ErrorBoxComponent,
    LoadingComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './chambers.css',
  styles: `
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(260px, 2fr);
      gap: 20px;
      align-items: start;
    }
    .logo-box {
      display: flex;
      align-items: center;
      justify-content: center;
      min-height: 96px;
      border: 1px dashed #c9ced6;
      border-radius: 8px;
      background: repeating-conic-gradient(#f3f4f6 0% 25%, #fff 0% 50%) 50% / 16px 16px;
      margin-bottom: 8px;
      padding: 12px;
    }
    .logo-box img {
      max-width: 100%;
      max-height: 120px;
    }
    input[type='file'] {
      position: absolute;
      width: 1px;
      height: 1px;
      opacity: 0;
    }
    .preview {
      border: 1px solid #d5d9df;
      border-radius: 4px;
      background: #fff;
      padding: 16px 20px;
      font-size: 13px;
    }
    .preview .top {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 12px;
      border-bottom: 2px solid var(--scs-primary);
      padding-bottom: 10px;
    }
    .preview img {
      max-height: 44px;
      max-width: 160px;
    }
    .preview .name {
      font-weight: 700;
      color: var(--scs-primary);
      text-align: right;
    }
    .preview .doc {
      font-size: 18px;
      margin: 14px 0 6px;
    }
    .preview .foot {
      color: #5f6368;
      font-size: 11px;
      border-top: 1px solid #e6e8eb;
      margin-top: 24px;
      padding-top: 6px;
    }
    .lines {
      height: 8px;
      background: #eceff1;
      border-radius: 4px;
      margin: 6px 0;
    }
    @media (max-width: 760px) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
  `,
  template: `
    <ng-container *transloco="let t; prefix: 'chambers.branding'">
      <h2>{{ t('heading') }}</h2>
      <p class="muted lead">{{ t('lead') }}</p>
      @if (loadError(); as message) {
        <scs-error-box [message]="message" [retryLabel]="t('save')" (retry)="load()" />
      } @else if (branding(); as b) {
        <div class="layout">
          <section class="card">
            <form class="form" (ngSubmit)="save()" #f="ngForm">
              <mat-form-field>
                <mat-label>{{ t('displayName') }}</mat-label>
                <input
                  matInput
                  name="displayName"
                  [(ngModel)]="displayName"
                  required
                  maxlength="200"
                  [readonly]="!canManage()"
                />
                @if (fields()['displayName']; as m) {
                  <mat-hint class="error-text">{{ m }}</mat-hint>
                }
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ t('contactLine') }}</mat-label>
                <input
                  matInput
                  name="contactLine"
                  [(ngModel)]="contactLine"
                  maxlength="300"
                  [readonly]="!canManage()"
                />
                <mat-hint>{{ fields()['contactLine'] ?? t('contactHint') }}</mat-hint>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ t('website') }}</mat-label>
                <input
                  matInput
                  name="website"
                  type="url"
                  [(ngModel)]="website"
                  maxlength="300"
                  placeholder="https://"
                  [readonly]="!canManage()"
                />
                @if (fields()['website']; as m) {
                  <mat-hint class="error-text">{{ m }}</mat-hint>
                }
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ t('reportLanguage') }}</mat-label>
                <mat-select name="reportLanguage" [(ngModel)]="reportLanguage" [disabled]="!canManage()">
                  <mat-option value="de">{{ t('de') }}</mat-option>
                  <mat-option value="en">{{ t('en') }}</mat-option>
                </mat-select>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ t('benchmarkIntro') }}</mat-label>
                <textarea
                  matInput
                  name="benchmarkIntro"
                  [(ngModel)]="benchmarkIntro"
                  maxlength="3000"
                  rows="6"
                  [readonly]="!canManage()"
                ></textarea>
                <mat-hint>{{ fields()['benchmarkIntro'] ?? t('benchmarkIntroHint') }}</mat-hint>
              </mat-form-field>
              @if (saveError(); as message) {
                <scs-error-box [message]="message" />
              }
              @if (canManage()) {
                <div class="actions">
                  <button mat-flat-button type="submit" [disabled]="saving() || f.invalid">
                    {{ saving() ? t('saving') : t('save') }}
                  </button>
                  @if (saved()) {
                    <span role="status" class="muted">{{ t('saved') }}</span>
                  }
                </div>
              }
            </form>
          </section>
          <div>
            <section class="card">
              <h3>{{ t('logo') }}</h3>
              <div class="logo-box" data-testid="logo-box">
                @if (b.logo; as logo) {
                  <img
                    [src]="logo.url"
                    [alt]="t('logoAlt', { name: b.displayName })"
                    [width]="logo.width"
                    [height]="logo.height"
                  />
                } @else {
                  <span class="muted">{{ t('noLogo') }}</span>
                }
              </div>
              @if (b.logo; as logo) {
                <p class="muted">
                  <small>{{
                    t('logoInfo', {
                      type: logo.contentType === 'image/png' ? 'PNG' : 'JPEG',
                      width: logo.width,
                      height: logo.height,
                      size: kb(logo.size),
                    })
                  }}</small>
                </p>
              }
              <p class="muted">
                <small>{{ t('logoHint') }}</small>
              </p>
              @if (logoError(); as message) {
                <scs-error-box [message]="message" />
              }
              @if (canManage()) {
                <div class="actions">
                  <input
                    #picker
                    type="file"
                    accept="image/png,image/jpeg"
                    (change)="upload(picker)"
                    data-testid="logo-file"
                  />
                  <button mat-stroked-button type="button" (click)="picker.click()" [disabled]="uploading()">
                    <mat-icon aria-hidden="true">image</mat-icon>
                    {{ uploading() ? t('uploading') : b.logo ? t('replaceLogo') : t('chooseLogo') }}
                  </button>
                  @if (b.logo) {
                    <button mat-button type="button" (click)="removeLogo()" [disabled]="uploading()">
                      {{ t('removeLogo') }}
                    </button>
                  }
                </div>
              }
            </section>
            <section class="card">
              <h3>{{ t('preview') }}</h3>
              <div class="preview" aria-hidden="true">
                <div class="top">
                  @if (b.logo; as logo) {
                    <img [src]="logo.url" alt="" />
                  } @else {
                    <span></span>
                  }
                  <span class="name">{{ displayName() || b.displayName }}</span>
                </div>
                <div class="doc">{{ t('previewReport') }}</div>
                <div class="lines" style="width: 90%"></div>
                <div class="lines" style="width: 75%"></div>
                <div class="lines" style="width: 82%"></div>
                <div class="foot">
                  {{ displayName() }}
                  @if (contactLine()) {
                    · {{ contactLine() }}
                  }
                  @if (website()) {
                    · {{ website() }}
                  }
                </div>
              </div>
            </section>
          </div>
        </div>
      } @else {
        <scs-loading [label]="t('saving')" />
      }
    </ng-container>
  `,
})
export class BrandingPage {
  private readonly api = inject(ChambersApi);
  private readonly ctx = chamberContext();
  protected readonly canManage = computed(() => {
    const c = this.ctx();
    return c.state === 'chamber' && c.canManage;
  });
  private readonly chamberId = computed(() => {
    const c = this.ctx();
    return c.state === 'chamber' ? c.chamberId : null;
  });
  protected readonly branding = signal<BrandingView | null>(null);
  protected readonly displayName = signal('');
  protected readonly contactLine = signal('');
  protected readonly website = signal('');
  protected readonly reportLanguage = signal<ReportLanguage>('de');
  protected readonly benchmarkIntro = signal('');
  protected readonly loadError = signal<string | null>(null);
  protected readonly saveError = signal<string | null>(null);
  protected readonly logoError = signal<string | null>(null);
  protected readonly fields = signal<Record<string, string>>({});
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly uploading = signal(false);

  constructor() {
    effect(() => {
      if (this.chamberId()) void this.load();
    });
  }

  protected kb(bytes: number): string {
    // In the UI language: "12,5" in German.
    return formatScore(bytes < 10240 ? bytes / 1024 : Math.round(bytes / 1024));
  }

  protected async load(): Promise<void> {
    const id = this.chamberId();
    if (!id) return;
    this.loadError.set(null);
    try {
      this.show(await this.api.branding(id));
    } catch (e) {
      this.loadError.set(describeError(e).message);
    }
  }

  protected async save(): Promise<void> {
    const id = this.chamberId();
    if (!id) return;
    this.saving.set(true);
    this.saved.set(false);
    this.saveError.set(null);
    this.fields.set({});
    try {
      this.show(
        await this.api.saveBranding(id, {
          displayName: this.displayName(),
          contactLine: this.contactLine() || null,
          website: this.website() || null,
          reportLanguage: this.reportLanguage(),
          benchmarkIntro: this.benchmarkIntro().trim() || null,
        }),
      );
      this.saved.set(true);
    } catch (e) {
      const err = describeError(e);
      this.saveError.set(err.message);
      this.fields.set(err.fields);
    } finally {
      this.saving.set(false);
    }
  }

  protected async upload(input: HTMLInputElement): Promise<void> {
    const id = this.chamberId();
    const file = input.files?.[0];
    input.value = '';
    if (!id || !file) return;
    this.uploading.set(true);
    this.logoError.set(null);
    try {
      const updated = await this.api.uploadLogo(id, file);
      this.branding.set(updated);
    } catch (e) {
      this.logoError.set(describeError(e).message);
    } finally {
      this.uploading.set(false);
    }
  }

  protected async removeLogo(): Promise<void> {
    const id = this.chamberId();
    const current = this.branding();
    if (!id || !current) return;
    this.uploading.set(true);
    this.logoError.set(null);
    try {
      await this.api.removeLogo(id);
      this.branding.set({ ...current, logo: null });
    } catch (e) {
      this.logoError.set(describeError(e).message);
    } finally {
      this.uploading.set(false);
    }
  }

  private show(b: BrandingView): void {
    this.branding.set(b);
    this.displayName.set(b.displayName);
    this.contactLine.set(b.contactLine ?? '');
    this.website.set(b.website ?? '');
    this.reportLanguage.set(b.reportLanguage);
    this.benchmarkIntro.set(b.benchmarkIntro ?? '');
  }
}
