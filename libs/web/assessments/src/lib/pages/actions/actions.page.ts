import { ChangeDetectionStrategy, Component, Injector, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { resourceValue } from '@scs/web/catalogue';
import { describeError } from '@scs/web/core';
import { EmptyStateComponent, ErrorBoxComponent, LoadingComponent, LocalDatePipe } from '@scs/web/ui';
import { firstValueFrom, of } from 'rxjs';
import { AssessmentsApi } from '../../data/assessments.api';
import {
  ACTION_STATUSES,
  type ActionStatus,
  type ActionView,
  type UpdateActionInput,
} from '../../data/assessment.types';
import { FirmGateComponent, firmAccess } from '../../firm-gate.component';
import { ActionDialogComponent, type ActionDialogData } from './action.dialog';
import { ConfirmDialogComponent, type ConfirmDialogData } from './confirm.dialog';

/** The firm's action plan: filter, edit inline or in a dialog, delete. */
@Component({
  selector: 'scs-actions-page',
  imports: [
    TranslocoDirective,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    EmptyStateComponent,
    ErrorBoxComponent,
    LoadingComponent,
    LocalDatePipe,
    FirmGateComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './actions.page.html',
  styleUrl: './actions.page.css',
})
export class ActionsPage {
  private readonly api = inject(AssessmentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly injector = inject(Injector);
  private readonly transloco = inject(TranslocoService);

  protected readonly access = firmAccess();
  protected readonly orgId = computed(() => {
    const a = this.access();
    return a.state === 'firm' ? a.orgId : null;
  });
  protected readonly status = signal<ActionStatus | 'all'>('all');
  protected readonly overdueOnly = signal(false);
  protected readonly statuses = ACTION_STATUSES;

  protected readonly list = rxResource({
    params: () => {
      const orgId = this.orgId();
      return orgId ? { orgId, status: this.status(), overdue: this.overdueOnly() } : undefined;
    },
    stream: ({ params }) =>
      params
        ? this.api.actions(params.orgId, {
            status: params.status === 'all' ? null : params.status,
            overdue: params.overdue,
          })
        : of([]),
  });
  protected readonly members = rxResource({
    params: () => this.orgId() ?? undefined,
    stream: ({ params }) => (params ? this.api.members(params) : of([])),
  });
  /** The list as shown: the server's, with inline edits applied as they succeed. */
  protected readonly items = linkedSignal(() => resourceValue(this.list) ?? []);
  protected readonly loaded = computed(() => this.list.hasValue());
  protected readonly memberList = computed(() => resourceValue(this.members) ?? []);
  protected readonly filtered = computed(() => this.status() !== 'all' || this.overdueOnly());
  protected readonly overdueCount = computed(() => this.items().filter((a) => a.overdue).length);
  protected readonly error = computed(() => (this.list.error() ? describeError(this.list.error()).message : null));
  protected readonly busy = signal<string | null>(null);

  protected async patch(action: ActionView, patch: UpdateActionInput): Promise<void> {
    this.busy.set(action.id);
    try {
      const updated = await firstValueFrom(this.api.updateAction(action.id, patch));
      this.items.update((list) => list.map((a) => (a.id === updated.id ? updated : a)));
      this.snackBar.open(this.transloco.translate('assessments.actions.saved'), undefined, { duration: 2500 });
    } catch (e) {
      this.snackBar.open(
        this.transloco.translate('assessments.actions.saveFailed', { message: describeError(e).message }),
        this.transloco.translate('assessments.common.close'),
        { duration: 8000 },
      );
      this.items.update((list) => [...list]); // re-render the row with its last saved values
    } finally {
      this.busy.set(null);
    }
  }

  /** One click on the offer: the server closes the action as resolved by the latest self-check (idempotent). */
  protected async closeResolved(action: ActionView): Promise<void> {
    this.busy.set(action.id);
    try {
      const closed = await firstValueFrom(this.api.closeResolvedAction(action.id));
      this.items.update((list) =>
        this.status() === 'all'
          ? list.map((a) => (a.id === closed.id ? closed : a))
          : list.filter((a) => a.id !== closed.id),
      );
      this.snackBar.open(this.transloco.translate('assessments.actions.closedResolved'), undefined, { duration: 2500 });
    } catch (e) {
      this.snackBar.open(
        this.transloco.translate('assessments.actions.saveFailed', { message: describeError(e).message }),
        this.transloco.translate('assessments.common.close'),
        { duration: 8000 },
      );
    } finally {
      this.busy.set(null);
    }
  }

  protected dueChanged(action: ActionView, value: string): void {
    if ((value || null) !== action.dueDate) void this.patch(action, { dueDate: value || null });
  }

  protected edit(action: ActionView): void {
    const orgId = this.orgId();
    if (!orgId) return;
    const data: ActionDialogData = {
      mode: 'edit',
      orgId,
      value: {
        title: action.title,
        ownerUserId: action.ownerUserId,
        dueDate: action.dueDate,
        status: action.status,
        note: action.note ?? '',
      },
      save: (v) =>
        this.api.updateAction(action.id, {
          title: v.title,
          ownerUserId: v.ownerUserId,
          dueDate: v.dueDate,
          status: v.status,
          note: v.note.trim() ? v.note : null,
        }),
    };
    this.dialog
      .open<ActionDialogComponent, ActionDialogData, ActionView>(ActionDialogComponent, {
        data,
        injector: this.injector,
        width: '680px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((updated) => {
        if (updated) this.items.update((list) => list.map((a) => (a.id === updated.id ? updated : a)));
      });
  }

  protected remove(action: ActionView): void {
    const t = (key: string, p?: Record<string, unknown>) => this.transloco.translate(`assessments.actions.${key}`, p);
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
        data: {
          title: t('deleteTitle'),
          text: t('deleteText', { title: action.title }),
          confirm: t('delete'),
          cancel: t('cancel'),
        },
        injector: this.injector,
        maxWidth: '480px',
      })
      .afterClosed()
      .subscribe(async (ok) => {
        if (!ok) return;
        try {
          await firstValueFrom(this.api.deleteAction(action.id));
          this.items.update((list) => list.filter((a) => a.id !== action.id));
          this.snackBar.open(t('deleted'), undefined, { duration: 2500 });
        } catch (e) {
          this.snackBar.open(t('saveFailed', { message: describeError(e).message }), undefined, { duration: 8000 });
        }
      });
  }
}
