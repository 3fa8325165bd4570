import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError, LanguageService, intlLocale } from '@scs/web/core';
import { ErrorBoxComponent } from '@scs/web/ui';
import { ChambersApi } from '../data/chambers.api';
import type { InvitePreview, InviteResult, RejectedEntry } from '../data/chambers.types';

export const INVITE_LIMIT = 5000;

/**
 * Invites firms to a campaign by pasted addresses or a CSV file: first a preview of the rows (company, contact, address)
 * that would be invited, repeats and rejected rows; the confirm button then imports exactly the previewed list.
 */
@Component({
  selector: 'scs-invite-panel',
  imports: [
    TranslocoDirective,
    NgTemplateOutlet,
    FormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatIconModule,
    ErrorBoxComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../pages/chambers.css',
  styles: `
    .mode {
      margin: 4px 0 16px;
    }
    .full {
      width: 100%;
    }
    .file {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
      margin-bottom: 8px;
    }
    .file input[type='file'] {
      position: absolute;
      width: 1px;
      height: 1px;
      opacity: 0;
    }
    .summary {
      display: flex;
      gap: 8px 20px;
      flex-wrap: wrap;
      margin: 16px 0 8px;
    }
    .summary .big {
      font-size: 20px;
      font-weight: 500;
      color: #1b5e20;
    }
    .summary .bad {
      color: #b00020;
      font-weight: 500;
    }
    .rejected {
      max-height: 360px;
      overflow: auto;
      border: 1px solid #f1b0b0;
      border-radius: 8px;
    }
    .rejected td.value {
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
      word-break: break-all;
    }
    .preview {
      margin-top: 16px;
    }
    .preview .rows {
      max-height: 420px;
      overflow: auto;
      border: 1px solid #e6e8eb;
      border-radius: 8px;
    }
    .preview td {
      overflow-wrap: anywhere;
    }
    .preview .dups {
      margin: 8px 0;
    }
    .preview .dups li {
      overflow-wrap: anywhere;
    }
    .confirm {
      display: flex;
      gap: 8px 12px;
      flex-wrap: wrap;
      margin-top: 12px;
    }
    /* Phones: each row becomes a small card; the column name stands before each value. */
    @media (max-width: 600px) {
      .stack thead {
        display: none;
      }
      .stack tr {
        display: block;
        padding: 6px 0;
        border-bottom: 1px solid #e6e8eb;
      }
      .stack td {
        display: flex;
        gap: 8px;
        border: 0;
        padding: 2px 10px;
        text-align: left !important;
      }
      .stack td::before {
        content: attr(data-label);
        flex: 0 0 40%;
        font-weight: 500;
        color: #3c4043;
      }
    }
  `,
  template: `
    <ng-container *transloco="let t; prefix: 'chambers.invite'">
      <h3>{{ t('heading') }}</h3>
      <p class="muted lead">{{ t('lead', { limit: limitText() }) }}</p>
      <mat-button-toggle-group
        class="mode"
        [value]="mode()"
        (change)="mode.set($event.value); preview.set(null)"
        [attr.aria-label]="t('heading')"
        hideSingleSelectionIndicator
      >
        <mat-button-toggle value="paste" data-testid="mode-paste">{{ t('paste') }}</mat-button-toggle>
        <mat-button-toggle value="upload" data-testid="mode-upload">{{ t('upload') }}</mat-button-toggle>
      </mat-button-toggle-group>
      @if (mode() === 'paste') {
        <mat-form-field class="full">
          <mat-label>{{ t('addresses') }}</mat-label>
          <textarea
            matInput
            rows="6"
            [(ngModel)]="text"
            (ngModelChange)="preview.set(null)"
            [placeholder]="t('placeholder')"
            data-testid="addresses"
            [disabled]="disabled()"
          ></textarea>
        </mat-form-field>
      } @else {
        <div class="file">
          <input
            #picker
            id="csv-file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            (change)="pick(picker)"
            data-testid="csv-file"
            [disabled]="disabled()"
          />
          <button mat-stroked-button type="button" (click)="picker.click()" [disabled]="disabled()">
            <mat-icon aria-hidden="true">upload_file</mat-icon> {{ t('chooseFile') }}
          </button>
          <span class="muted">{{ file()?.name ?? t('noFile') }}</span>
        </div>
        <p class="muted">{{ t('fileHint') }}</p>
      }
      <p class="muted">
        <small>{{ t('privacy') }}</small>
      </p>
      <div class="actions">
        <button
          mat-flat-button
          type="button"
          (click)="check()"
          [disabled]="busy() || disabled() || !ready()"
          data-testid="preview-invitations"
        >
          {{ busy() && !preview() ? t('checking') : t('check') }}
        </button>
      </div>
      @if (preview(); as p) {
        <section class="preview" data-testid="invite-preview" [attr.aria-label]="t('previewHeading')">
          <h4>{{ t('previewHeading') }}</h4>
          <div class="summary" role="status">
            <span class="big">{{ t('willInvite', { count: p.rows.length }) }}</span>
            @if (p.duplicates.length) {
              <span>{{ t('duplicates', { count: p.duplicates.length }) }}</span>
            }
            @if (p.alreadyInvited.length) {
              <span>{{ t('alreadyInvited', { count: p.alreadyInvited.length }) }}</span>
            }
            @if (p.rejected.length) {
              <span class="bad">{{ t('rejectedCount', { count: p.rejected.length }) }}</span>
            }
          </div>
          @if (p.rows.length) {
            <div class="rows">
              <table class="data stack" data-testid="preview-rows">
                <caption class="visually-hidden">
                  {{
                    t('previewHeading')
                  }}
                </caption>
                <thead>
                  <tr>
                    <th class="num" scope="col">{{ t('line') }}</th>
                    <th scope="col">{{ t('company') }}</th>
                    <th scope="col">{{ t('contact') }}</th>
                    <th scope="col">{{ t('email') }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (row of p.rows; track row.email) {
                    <tr>
                      <td class="num" [attr.data-label]="t('line')">{{ row.line }}</td>
                      <td [attr.data-label]="t('company')">{{ row.company || '–' }}</td>
                      <td [attr.data-label]="t('contact')">{{ row.contact || '–' }}</td>
                      <td [attr.data-label]="t('email')">{{ row.email }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
          @if (p.duplicates.length) {
            <details class="dups">
              <summary>{{ t('duplicatesHeading') }}</summary>
              <ul data-testid="preview-duplicates">
                @for (d of p.duplicates; track $index) {
                  <li>{{ t('duplicateOf', { line: d.line, email: d.email, first: d.firstLine }) }}</li>
                }
              </ul>
            </details>
          }
          @if (p.rejected.length) {
            <ng-container *ngTemplateOutlet="rejectedTable; context: { $implicit: p.rejected }" />
          }
          <div class="confirm">
            <button
              mat-flat-button
              type="button"
              (click)="send()"
              [disabled]="busy() || disabled() || !p.rows.length"
              data-testid="send-invitations"
            >
              {{ busy() ? t('sending') : t('confirm', { count: p.rows.length }) }}
            </button>
            <button
              mat-stroked-button
              type="button"
              (click)="preview.set(null)"
              [disabled]="busy()"
              data-testid="discard-preview"
            >
              {{ t('discard') }}
            </button>
          </div>
        </section>
      }
      @if (error(); as message) {
        <scs-error-box [message]="message" [heading]="t('nothingImported')" />
      }
      @if (result(); as r) {
        <div class="summary" role="status" data-testid="invite-result">
          <span class="big">{{ t('result', { invited: r.invited }) }}</span>
          @if (r.duplicates) {
            <span>{{ t('duplicates', { count: r.duplicates }) }}</span>
          }
          @if (r.alreadyInvited) {
            <span>{{ t('alreadyInvited', { count: r.alreadyInvited }) }}</span>
          }
          @if (r.rejected.length) {
            <span class="bad">{{ t('rejectedCount', { count: r.rejected.length }) }}</span>
          }
        </div>
        @if (!r.mailConfigured && r.invited > 0) {
          <p class="notice" role="alert" data-testid="invite-not-mailed">{{ t('notMailed') }}</p>
        }
        @if (r.rejected.length) {
          <ng-container *ngTemplateOutlet="rejectedTable; context: { $implicit: r.rejected }" />
        }
      }
      <ng-template #rejectedTable let-rejected>
        <div class="rejected">
          <table class="data stack" data-testid="rejected">
            <caption class="visually-hidden">
              {{
                t('rejectedHeading')
              }}
            </caption>
            <thead>
              <tr>
                <th class="num" scope="col">{{ t('line') }}</th>
                <th scope="col">{{ t('value') }}</th>
                <th scope="col">{{ t('reason') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of asRejected(rejected); track $index) {
                <tr>
                  <td class="num" [attr.data-label]="t('line')">{{ row.line }}</td>
                  <td class="value" [attr.data-label]="t('value')">{{ row.value || t('empty') }}</td>
                  <td [attr.data-label]="t('reason')">{{ row.reason }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </ng-template>
    </ng-container>
  `,
})
export class InvitePanelComponent {
  private readonly api = inject(ChambersApi);
  readonly chamberId = input.required<string>();
  readonly campaignId = input.required<string>();
  readonly disabled = input(false);
  /** After a successful import (the page refreshes its numbers). */
  readonly invited = output<InviteResult>();

  private readonly lang = inject(LanguageService).current;
  protected readonly limitText = computed(() => INVITE_LIMIT.toLocaleString(intlLocale(this.lang())));
  protected readonly mode = signal<'paste' | 'upload'>('paste');
  protected readonly text = signal('');
  protected readonly file = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<InviteResult | null>(null);
  protected readonly preview = signal<InvitePreview | null>(null);
  /** The list the preview was made of: confirming sends exactly this. */
  private previewed: { text: string } | { file: File } | null = null;

  protected ready(): boolean {
    return this.mode() === 'paste' ? this.text().trim().length > 0 : this.file() !== null;
  }

  protected asRejected(rows: unknown): RejectedEntry[] {
    return rows as RejectedEntry[];
  }

  protected pick(input: HTMLInputElement): void {
    this.file.set(input.files?.[0] ?? null);
    this.preview.set(null);
    input.value = ''; // choosing the same file again still fires change
  }

  /** Reads the list on the server without sending anything. */
  protected async check(): Promise<void> {
    const file = this.file();
    const payload = this.mode() === 'paste' ? { text: this.text() } : file ? { file } : null;
    if (!payload || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.result.set(null);
    this.preview.set(null);
    try {
      const preview = await this.api.previewInvitations(this.chamberId(), this.campaignId(), payload);
      this.previewed = payload;
      this.preview.set(preview);
    } catch (e) {
      this.error.set(describeError(e).message);
    } finally {
      this.busy.set(false);
    }
  }

  /** Imports the previewed list. `busy` is set before the request leaves, so a double click sends once. */
  protected async send(): Promise<void> {
    const payload = this.previewed;
    if (!payload || !this.preview() || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const result = await this.api.invite(this.chamberId(), this.campaignId(), payload);
      this.result.set(result);
      this.preview.set(null);
      this.previewed = null;
      if (this.mode() === 'paste') this.text.set('');
      else this.file.set(null);
      this.invited.emit(result);
    } catch (e) {
      this.error.set(describeError(e).message);
    } finally {
      this.busy.set(false);
    }
  }
}
