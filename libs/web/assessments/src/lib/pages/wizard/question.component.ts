import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { TextFieldModule } from '@angular/cdk/text-field';
import { TranslocoDirective } from '@jsverse/transloco';
import { DONT_KNOW } from '@scs/shared/catalogue';
import {
  PortalItemComponent,
  ReferenceItemComponent,
  type PublicPortal,
  type PublicQuestion,
  type PublicReference,
} from '@scs/web/catalogue';
import { LocalDatePipe } from '@scs/web/ui';
import { NOTE_MAX } from '../../data/assessment.types';
import type { LastEdit, LocalAnswer } from '../../data/answer-store';
import type { AdverseRecord } from '@scs/shared/answers';
import { RecordsEditorComponent, newRecord, type PublicRecordType } from './records-editor.component';

/** The radio value of "answer with dated records". */
const RECORDS = '__records__';

/** One question of the wizard: radio options (with "don't know" where offered), help, sources and an optional note. */
@Component({
  selector: 'scs-question',
  imports: [
    TranslocoDirective,
    MatRadioModule,
    TextFieldModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    PortalItemComponent,
    ReferenceItemComponent,
    LocalDatePipe,
    RecordsEditorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './question.component.html',
  styleUrl: './question.component.css',
})
export class QuestionComponent {
  readonly question = input.required<PublicQuestion>();
  readonly answer = input<LocalAnswer | undefined>(undefined);
  readonly portals = input<PublicPortal[]>([]);
  readonly references = input<PublicReference[]>([]);
  readonly changed = input(false);
  readonly readOnly = input(false);
  readonly unanswered = input(false);
  /** Shown when a colleague gave the current answer. */
  readonly lastEdit = input<LastEdit | undefined>(undefined);
  /** The record type of a question that may be answered with dated records. */
  readonly recordType = input<PublicRecordType | null>(null);
  readonly optionChange = output<string>();
  readonly recordsChange = output<AdverseRecord[]>();
  readonly noteChange = output<string>();

  protected readonly dontKnow = DONT_KNOW;
  protected readonly recordsValue = RECORDS;
  protected readonly records = computed(() => this.answer()?.records ?? null);
  /** The radio value: the option, "don't know" or "dated records". */
  protected readonly selected = computed(() => (this.records() ? RECORDS : (this.answer()?.optionId ?? null)));

  protected choose(value: string): void {
    const type = this.recordType();
    if (value === RECORDS && type)
      this.recordsChange.emit(this.records() ? [...(this.records() ?? [])] : [newRecord(type)]);
    else this.optionChange.emit(value);
  }
  protected readonly noteMax = NOTE_MAX;
  private readonly noteOpened = signal(false);
  protected readonly note = computed(() => this.answer()?.note ?? '');
  protected readonly showNote = computed(() => this.noteOpened() || this.note().length > 0);

  protected openNote(): void {
    this.noteOpened.set(true);
  }

  protected onNote(value: string): void {
    this.noteChange.emit(value.slice(0, NOTE_MAX));
  }
}
