import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError, LanguageService } from '@scs/web/core';
import { ErrorBoxComponent } from '@scs/web/ui';
import { ChambersApi } from '../data/chambers.api';
import type { InviteResult } from '../data/chambers.types';

export const INVITE_LIMIT = 5000;

/** Invites firms to a campaign by pasted addresses or a CSV file, then shows what was and was not imported. */
@Component({
  selector: 'scs-invite-panel',
  imports: [TranslocoDirective, FormsModule, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatInputModule, MatIconModule, ErrorBoxComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../pages/chambers.css',
  styles: `
    .mode { margin: 4px 0 16px; }
    .full { width: 100%; }
    .file { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; margin-bottom: 8px; }
    .file input[type='file'] { position: absolute; width: 1px; height: 1px; opacity: 0; }
    .summary { display: flex; gap: 8px 20px; flex-wrap: wrap; margin: 16px 0 8px; }
    .summary .big { font-size: 20px; font-weight: 500; color: #1b5e20; }
    .summary .bad { color: #b00020; font-weight: 500; }
    .rejected { max-height: 360px; overflow: auto; border: 1px solid #f1b0b0; border-radius: 8px; }
    .rejected td.value { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; word-break: break-all; }
  `,
  template: `
    <ng-container *transloco="let t; prefix: 'chambers.invite'">
      <h3>{{ t('heading') }}</h3>
      <p class="muted lead">{{ t('lead', { limit: limitText() }) }}</p>
      <mat-button-toggle-group class="mode" [value]="mode()" (change)="mode.set($event.value)" [attr.aria-label]="t('heading')" hideSingleSelectionIndicator>
        <mat-button-toggle value="paste" data-testid="mode-paste">{{ t('paste') }}</mat-button-toggle>
        <mat-button-toggle value="upload" data-testid="mode-upload">{{ t('upload') }}</mat-button-toggle>
      </mat-button-toggle-group>
      @if (mode() === 'paste') {
        <mat-form-field class="full">
          <mat-label>{{ t('addresses') }}</mat-label>
          <textarea matInput rows="6" [(ngModel)]="text" [placeholder]="t('placeholder')" data-testid="addresses" [disabled]="disabled()"></textarea>
        </mat-form-field>
      } @else {
        <div class="file">
          <input #picker id="csv-file" type="file" accept=".csv,.txt,text/csv,text/plain" (change)="pick(picker)" data-testid="csv-file" [disabled]="disabled()" />
          <button mat-stroked-button type="button" (click)="picker.click()" [disabled]="disabled()"><mat-icon aria-hidden="true">upload_file</mat-icon> {{ t('chooseFile') }}</button>
          <span class="muted">{{ file()?.name ?? t('noFile') }}</span>
        </div>
        <p class="muted">{{ t('fileHint') }}</p>
      }
      <p class="muted"><small>{{ t('privacy') }}</small></p>
      <div class="actions">
        <button mat-flat-button type="button" (click)="send()" [disabled]="busy() || disabled() || !ready()" data-testid="send-invitations">
          {{ busy() ? t('sending') : t('send') }}
        </button>
      </div>
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
        @if (r.rejected.length) {
          <div class="rejected">
            <table class="data" data-testid="rejected">
              <caption class="visually-hidden">{{ t('rejectedHeading') }}</caption>
              <thead>
                <tr><th class="num" scope="col">{{ t('line') }}</th><th scope="col">{{ t('value') }}</th><th scope="col">{{ t('reason') }}</th></tr>
              </thead>
              <tbody>
                @for (row of r.rejected; track $index) {
                  <tr><td class="num">{{ row.line }}</td><td class="value">{{ row.value || t('empty') }}</td><td>{{ row.reason }}</td></tr>
                }
              </tbody>
            </table>
          </div>
        }
      }
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
  protected readonly limitText = computed(() => INVITE_LIMIT.toLocaleString(this.lang() === 'de' ? 'de-DE' : 'en-GB'));
  protected readonly mode = signal<'paste' | 'upload'>('paste');
  protected readonly text = signal('');
  protected readonly file = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<InviteResult | null>(null);

  protected ready(): boolean {
    return this.mode() === 'paste' ? this.text().trim().length > 0 : this.file() !== null;
  }

  protected pick(input: HTMLInputElement): void {
    this.file.set(input.files?.[0] ?? null);
    input.value = ''; // choosing the same file again still fires change
  }

  protected async send(): Promise<void> {
    const file = this.file();
    const payload = this.mode() === 'paste' ? { text: this.text() } : file ? { file } : null;
    if (!payload) return;
    this.busy.set(true);
    this.error.set(null);
    this.result.set(null);
    try {
      const result = await this.api.invite(this.chamberId(), this.campaignId(), payload);
      this.result.set(result);
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
