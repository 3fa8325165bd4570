import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { resourceValue } from '@scs/web/catalogue';
import { describeError } from '@scs/web/core';
import { firstValueFrom, type Observable } from 'rxjs';
import { AssessmentsApi } from '../../data/assessments.api';
import { ACTION_STATUSES, NOTE_MAX, type ActionStatus, type ActionView } from '../../data/assessment.types';

export interface ActionFormValue {
  title: string;
  ownerUserId: string | null;
  dueDate: string | null;
  status: ActionStatus;
  note: string;
}

export interface ActionDialogData {
  mode: 'create' | 'edit';
  orgId: string;
  value: ActionFormValue;
  /** Context shown above the form, e.g. the finding the action addresses. */
  context?: string;
  save: (value: ActionFormValue) => Observable<ActionView>;
}

/** Create or edit an action: title, owner (a firm member), due date, status and note. Saves itself and shows errors inline. */
@Component({
  selector: 'scs-action-dialog',
  imports: [
    TranslocoDirective,
    FormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'assessments.actionDialog'">
      <h2 mat-dialog-title>{{ data.mode === 'create' ? t('createTitle') : t('editTitle') }}</h2>
      <form (ngSubmit)="save()" #form="ngForm">
        <mat-dialog-content>
          @if (data.context) {
            <p class="context">{{ data.context }}</p>
          }
          <mat-form-field appearance="outline" class="full">
            <mat-label>{{ t('title') }}</mat-label>
            <input matInput name="title" [(ngModel)]="value.title" required maxlength="300" cdkFocusInitial />
            @if (fields()['title']; as e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          <div class="row">
            <mat-form-field appearance="outline">
              <mat-label>{{ t('owner') }}</mat-label>
              <mat-select name="owner" [(ngModel)]="value.ownerUserId">
                <mat-option [value]="null">{{ t('noOwner') }}</mat-option>
                @for (m of memberList(); track m.userId) {
                  <mat-option [value]="m.userId">{{ m.name }} ({{ m.email }})</mat-option>
                }
              </mat-select>
              @if (members.error()) {
                <mat-hint>{{ t('membersError') }}</mat-hint>
              }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ t('due') }}</mat-label>
              <input matInput type="date" name="due" [(ngModel)]="value.dueDate" />
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ t('status') }}</mat-label>
              <mat-select name="status" [(ngModel)]="value.status">
                @for (s of statuses; track s) {
                  <mat-option [value]="s">{{ t('statuses.' + s) }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          </div>
          <mat-form-field appearance="outline" class="full">
            <mat-label>{{ t('note') }}</mat-label>
            <textarea matInput name="note" [(ngModel)]="value.note" rows="3" [maxlength]="noteMax"></textarea>
            <mat-hint align="end">{{ value.note.length }} / {{ noteMax }}</mat-hint>
          </mat-form-field>
          @if (error(); as e) {
            <p class="error-text" role="alert">{{ e }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="saving() || !value.title.trim()">
            {{ saving() ? t('saving') : data.mode === 'create' ? t('create') : t('save') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .full {
      width: 100%;
    }
    .row {
      display: grid;
      grid-template-columns: 1.4fr 1fr 1fr;
      gap: 0 12px;
    }
    .context {
      background: #f3f5f8;
      padding: 8px 12px;
      border-radius: 6px;
      font-size: 14px;
      margin-top: 0;
    }
    @media (max-width: 640px) {
      .row {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class ActionDialogComponent {
  protected readonly data = inject<ActionDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ActionDialogComponent, ActionView>>(MatDialogRef);
  private readonly api = inject(AssessmentsApi);
  protected readonly value: ActionFormValue = { ...this.data.value };
  protected readonly statuses = ACTION_STATUSES;
  protected readonly noteMax = NOTE_MAX;
  protected readonly members = rxResource({ stream: () => this.api.members(this.data.orgId) });
  protected readonly memberList = computed(() => resourceValue(this.members) ?? []);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly fields = signal<Record<string, string>>({});

  protected async save(): Promise<void> {
    if (this.saving() || !this.value.title.trim()) return;
    this.saving.set(true);
    this.error.set(null);
    try {
      const saved = await firstValueFrom(
        this.data.save({ ...this.value, title: this.value.title.trim(), dueDate: this.value.dueDate || null }),
      );
      this.ref.close(saved);
    } catch (e) {
      const err = describeError(e);
      this.error.set(err.message);
      this.fields.set(err.fields);
    } finally {
      this.saving.set(false);
    }
  }
}
