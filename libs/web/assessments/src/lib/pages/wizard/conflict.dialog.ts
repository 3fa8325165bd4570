import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { LocalDatePipe } from '@scs/web/ui';
import type { ConflictItem } from '../../data/answer-store';

export interface ConflictDialogData {
  conflict: ConflictItem;
  question: string;
  /** The other answer was saved by the same user, e.g. in another tab. */
  theirsAreMine?: boolean;
  /** Readable label of an option id (or of "don't know"). */
  optionLabel: (optionId: string | null) => string;
}

export type ConflictChoice = 'mine' | 'theirs';

/** Someone else answered the same question meanwhile: show both answers and let the user choose. */
@Component({
  selector: 'scs-conflict-dialog',
  imports: [MatDialogModule, MatButtonModule, TranslocoDirective, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'assessments.conflict'; currentLang as lang">
      @let c = data.conflict;
      <h2 mat-dialog-title>{{ t('title') }}</h2>
      <mat-dialog-content>
        <p>{{ t('intro') }}</p>
        <p class="question">
          <strong>{{ c.questionId }}</strong> {{ data.question }}
        </p>
        <div class="compare">
          <section class="side mine" aria-labelledby="conflict-mine">
            <h3 id="conflict-mine">{{ t('mine') }}</h3>
            <p class="answer">{{ data.optionLabel(c.mine.optionId) }}</p>
            @if (c.mine.note) {
              <p class="note">{{ t('note') }}: {{ c.mine.note }}</p>
            }
          </section>
          <section class="side theirs" aria-labelledby="conflict-theirs">
            @let theirs = c.theirs;
            <h3 id="conflict-theirs">
              {{
                data.theirsAreMine
                  ? t('theirsYou')
                  : theirs?.updatedByName
                    ? t('theirsBy', { name: theirs?.updatedByName })
                    : t('theirs')
              }}
            </h3>
            <p class="answer">{{ data.optionLabel(theirs?.optionId ?? null) }}</p>
            @if (theirs?.note; as note) {
              <p class="note">{{ t('note') }}: {{ note }}</p>
            }
            @if (theirs?.updatedAt; as at) {
              <p class="when">{{ t('savedAt', { date: (at | scsDate: lang : 'datetime') }) }}</p>
            }
          </section>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-stroked-button type="button" (click)="close('theirs')">{{ t('takeTheirs') }}</button>
        <button mat-flat-button type="button" (click)="close('mine')" cdkFocusInitial>{{ t('keepMine') }}</button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .compare {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 12px;
    }
    .side {
      border: 1px solid #ddd;
      border-radius: 8px;
      padding: 8px 12px;
    }
    .side h3 {
      font-size: 14px;
      margin: 0 0 4px;
      color: #3c4043;
    }
    .mine {
      border-color: #1f4e79;
    }
    .answer {
      font-weight: 500;
      margin: 4px 0;
    }
    .note,
    .when {
      font-size: 13px;
      color: #444;
      margin: 4px 0;
      white-space: pre-wrap;
    }
    @media (max-width: 560px) {
      .compare {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class ConflictDialogComponent {
  protected readonly data = inject<ConflictDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ConflictDialogComponent, ConflictChoice>>(MatDialogRef);

  protected close(choice: ConflictChoice): void {
    this.ref.close(choice);
  }
}
