import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { RECORD_STATUSES, isMonth, type AdverseRecord, type RecordStatus } from '@scs/shared/answers';
import type { PublicCatalogue } from '@scs/shared/catalogue';

export type PublicRecordType = NonNullable<PublicCatalogue['recordTypes']>[number];

/** Statuses that have a date of their own (when it was applied for, repaired, removed or ended). */
const DATED: readonly RecordStatus[] = ['repair_applied', 'repaired', 'removed', 'ended'];

/** This month, 'YYYY-MM' (local time). */
export function thisMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** A new record: decided this month, the least severe tier (null for an untiered type), open. */
export function newRecord(type: PublicRecordType, now = new Date()): AdverseRecord {
  const untiered = type.tiers.length === 1 && type.tiers[0]?.id === 'none';
  return { decided: thisMonth(now), tier: untiered ? null : (type.tiers[0]?.id ?? null), status: 'open' };
}

/**
 * The dated adverse records of one answer: decision month, tier (from the record type), status and its month.
 * Every edit emits the whole list; the wizard saves it through the AnswerStore like any other answer.
 */
@Component({
  selector: 'scs-records-editor',
  imports: [TranslocoDirective, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'assessments.records'">
      <div class="records" [attr.data-testid]="'records-' + questionId()">
        <p class="type">
          {{ t('type') }}: <strong>{{ recordType().label }}</strong>
        </p>
        @if (records().length === 0) {
          <p class="muted empty">{{ t('empty') }}</p>
        }
        <ol class="rows">
          @for (r of records(); track $index; let i = $index) {
            <li class="row" data-testid="record-row">
              <span class="row-title">{{ t('row', { n: i + 1 }) }}</span>
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="month">
                <mat-label>{{ t('decided') }}</mat-label>
                <input
                  matInput
                  type="month"
                  [value]="r.decided"
                  [max]="maxMonth"
                  min="1990-01"
                  [readonly]="readOnly()"
                  (input)="setMonth(i, 'decided', $any($event.target).value)"
                  data-testid="record-decided"
                />
                @if (!valid(r.decided)) {
                  <mat-hint class="error-text">{{ t('monthHint') }}</mat-hint>
                }
              </mat-form-field>
              @if (!untiered()) {
                <mat-form-field appearance="outline" subscriptSizing="dynamic" class="tier">
                  <mat-label>{{ t('tier') }}</mat-label>
                  <mat-select
                    [value]="r.tier"
                    (selectionChange)="patch(i, { tier: $event.value })"
                    [disabled]="readOnly()"
                    data-testid="record-tier"
                  >
                    @for (tier of recordType().tiers; track tier.id) {
                      <mat-option [value]="tier.id">{{ tier.label }}</mat-option>
                    }
                  </mat-select>
                </mat-form-field>
              }
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="status">
                <mat-label>{{ t('status') }}</mat-label>
                <mat-select
                  [value]="r.status"
                  (selectionChange)="setStatus(i, $event.value)"
                  [disabled]="readOnly()"
                  data-testid="record-status"
                >
                  @for (s of statuses; track s) {
                    <mat-option [value]="s">{{ t('statuses.' + s) }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              @if (dated(r.status)) {
                <mat-form-field appearance="outline" subscriptSizing="dynamic" class="month">
                  <mat-label>{{ t('statusDate.' + r.status) }}</mat-label>
                  <input
                    matInput
                    type="month"
                    [value]="r.statusDate ?? ''"
                    [min]="r.decided"
                    [max]="maxMonth"
                    [readonly]="readOnly()"
                    (input)="setMonth(i, 'statusDate', $any($event.target).value)"
                    data-testid="record-status-date"
                  />
                </mat-form-field>
              }
              @if (!readOnly()) {
                <button
                  mat-icon-button
                  type="button"
                  class="remove"
                  (click)="remove(i)"
                  [attr.aria-label]="t('remove', { n: i + 1 })"
                >
                  <mat-icon aria-hidden="true">delete</mat-icon>
                </button>
              }
            </li>
          }
        </ol>
        @if (!readOnly()) {
          <button mat-stroked-button type="button" (click)="add()" data-testid="record-add">
            <mat-icon aria-hidden="true">add</mat-icon>{{ t('add') }}
          </button>
        }
      </div>
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    .records {
      border-left: 3px solid #c5d3e3;
      padding: 4px 0 4px 12px;
      margin: 4px 0 8px;
    }
    .type {
      margin: 0 0 8px;
      font-size: 14px;
    }
    .empty {
      margin: 0 0 8px;
      font-size: 14px;
    }
    .rows {
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
      display: grid;
      gap: 10px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 10px;
      align-items: center;
      background: #f8f9fb;
      border-radius: 6px;
      padding: 8px;
    }
    .row-title {
      flex: 0 0 100%;
      font-size: 13px;
      font-weight: 600;
      color: #3c4043;
    }
    .month {
      flex: 0 1 170px;
      min-width: 150px;
    }
    .tier {
      flex: 1 1 200px;
    }
    .status {
      flex: 1 1 220px;
    }
    .remove {
      margin-left: auto;
    }
    @media (max-width: 480px) {
      .month,
      .tier,
      .status {
        flex: 1 1 100%;
      }
    }
  `,
})
export class RecordsEditorComponent {
  readonly questionId = input.required<string>();
  readonly recordType = input.required<PublicRecordType>();
  readonly records = input<readonly AdverseRecord[]>([]);
  readonly readOnly = input(false);
  readonly recordsChange = output<AdverseRecord[]>();

  protected readonly statuses = RECORD_STATUSES;
  protected readonly maxMonth = thisMonth();
  protected readonly untiered = computed(() => {
    const tiers = this.recordType().tiers;
    return tiers.length === 1 && tiers[0]?.id === 'none';
  });

  protected valid(month: string): boolean {
    return isMonth(month) && month <= this.maxMonth;
  }

  protected dated(status: RecordStatus): boolean {
    return DATED.includes(status);
  }

  protected patch(index: number, change: Partial<AdverseRecord>): void {
    this.emit(this.records().map((r, i) => (i === index ? clean({ ...r, ...change }) : r)));
  }

  /** A month field: only complete months up to this one are taken (the browser's month input sends '' while incomplete). */
  protected setMonth(index: number, field: 'decided' | 'statusDate', value: string): void {
    if (this.valid(value)) this.patch(index, { [field]: value });
  }

  protected setStatus(index: number, status: RecordStatus): void {
    const r = this.records()[index];
    if (!r) return;
    // A status with a date of its own starts at the current month; "open" has none.
    this.patch(index, { status, statusDate: DATED.includes(status) ? (r.statusDate ?? this.maxMonth) : undefined });
  }

  protected add(): void {
    this.emit([...this.records(), newRecord(this.recordType())]);
  }

  protected remove(index: number): void {
    this.emit(this.records().filter((_, i) => i !== index));
  }

  private emit(records: AdverseRecord[]): void {
    if (!this.readOnly()) this.recordsChange.emit(records);
  }
}

/** Drops empty optional fields, so the saved record carries only what was given. */
function clean(r: AdverseRecord): AdverseRecord {
  const out: AdverseRecord = { decided: r.decided, tier: r.tier, status: r.status };
  if (r.statusDate) out.statusDate = r.statusDate;
  if (r.note) out.note = r.note;
  return out;
}
