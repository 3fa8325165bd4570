import { ChangeDetectionStrategy, Component, Injector, effect, inject, untracked, type Signal } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { parseAnswer } from '@scs/shared/answers';
import type { CatalogueIndex } from '@scs/web/catalogue';
import { SessionService } from '@scs/web/core';
import { LocalDatePipe } from '@scs/web/ui';
import { firstValueFrom } from 'rxjs';
import type { AnswerStore, ConflictItem } from '../../data/answer-store';
import { AssessmentsApi } from '../../data/assessments.api';

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

/**
 * Asks about each answer the store reports in conflict, one dialog after the other, and applies the choice (keep mine
 * or take theirs). Call in an injection context (the wizard page's constructor); `index` resolves the question texts
 * and options, `orgId` the firm whose members name the other person.
 */
export function resolveConflicts(
  store: AnswerStore,
  index: Signal<CatalogueIndex | null>,
  orgId: Signal<string | undefined>,
): void {
  const dialog = inject(MatDialog);
  const injector = inject(Injector);
  const transloco = inject(TranslocoService);
  const session = inject(SessionService);
  const api = inject(AssessmentsApi);
  let open = false;
  let memberNames: Promise<Map<string, string>> | null = null;

  const memberName = async (org: string, userId: string): Promise<string | undefined> => {
    memberNames ??= firstValueFrom(api.members(org)).then(
      (members) => new Map(members.map((m) => [m.userId, m.name])),
      () => new Map<string, string>(),
    );
    return (await memberNames).get(userId);
  };

  const openNext = async (): Promise<void> => {
    const conflict = store.conflicts()[0];
    const idx = index();
    const org = orgId();
    if (open || !conflict || !idx) return;
    open = true;
    // The conflict names the other person by user id only: look the name up among the firm's members.
    let theirs = conflict.theirs;
    if (theirs && !theirs.updatedByName && org)
      theirs = { ...theirs, updatedByName: (await memberName(org, theirs.updatedBy)) ?? null };
    const question = idx.questions.get(conflict.questionId);
    const dontKnow = transloco.translate('assessments.question.dontKnow');
    const none = transloco.translate('assessments.conflict.noAnswer');
    const data: ConflictDialogData = {
      conflict: { ...conflict, theirs },
      theirsAreMine: !!theirs && theirs.updatedBy === session.user()?.id,
      question: question?.text ?? conflict.questionId,
      optionLabel: (optionId) => {
        const value = parseAnswer(optionId);
        if (!value) return none;
        if (value.kind === 'dontKnow') return dontKnow;
        if (value.kind === 'records') return transloco.translate('assessments.question.withRecords');
        return question?.options.find((o) => o.id === value.optionId)?.label ?? value.optionId;
      },
    };
    dialog
      .open<ConflictDialogComponent, ConflictDialogData, ConflictChoice>(ConflictDialogComponent, {
        data,
        injector,
        disableClose: true,
        maxWidth: '640px',
      })
      .afterClosed()
      .subscribe((choice) => {
        open = false;
        if (choice === 'theirs') store.takeTheirs(conflict.questionId);
        else store.keepMine(conflict.questionId);
      });
  };

  // One dialog per conflicting answer, one after the other.
  effect(() => {
    const next = store.conflicts()[0];
    if (next && index()) untracked(() => void openNext());
  });
}
