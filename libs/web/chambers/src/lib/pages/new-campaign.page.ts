import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { describeError } from '@scs/web/core';
import { ErrorBoxComponent } from '@scs/web/ui';
import { take } from 'rxjs';
import { ChambersApi } from '../data/chambers.api';
import { chamberContext, endOfDay, localDay, startOfDay } from '../data/chamber-context';

/** Creates a campaign: title, message in German and English, opening and closing day. */
@Component({
  selector: 'scs-new-campaign-page',
  imports: [
    TranslocoDirective,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorBoxComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './chambers.css',
  template: `
    <ng-container *transloco="let t; prefix: 'chambers'">
      <p>
        <a routerLink="/chamber">← {{ t('campaign.back') }}</a>
      </p>
      <section class="card">
        <h2>{{ t('form.heading') }}</h2>
        @if (error(); as message) {
          <scs-error-box [message]="message" />
        }
        <form class="form" (ngSubmit)="create()" #f="ngForm">
          <mat-form-field>
            <mat-label>{{ t('form.title') }}</mat-label>
            <input matInput name="title" [(ngModel)]="title" required maxlength="200" data-testid="title" />
            <mat-hint>{{ t('form.titleHint') }}</mat-hint>
            @if (fields()['title']; as m) {
              <mat-error>{{ m }}</mat-error>
            }
          </mat-form-field>
          <p class="muted">{{ t('form.messageHint') }}</p>
          <div class="row">
            <mat-form-field>
              <mat-label>{{ t('form.messageDe') }}</mat-label>
              <textarea
                matInput
                name="messageDe"
                [(ngModel)]="messageDe"
                required
                rows="12"
                maxlength="5000"
              ></textarea>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ t('form.messageEn') }}</mat-label>
              <textarea
                matInput
                name="messageEn"
                [(ngModel)]="messageEn"
                required
                rows="12"
                maxlength="5000"
              ></textarea>
            </mat-form-field>
          </div>
          <div class="row">
            <mat-form-field>
              <mat-label>{{ t('form.opens') }}</mat-label>
              <input matInput type="date" name="opens" [(ngModel)]="opens" required [min]="today" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ t('form.closes') }}</mat-label>
              <input
                matInput
                type="date"
                name="closes"
                [(ngModel)]="closes"
                required
                [min]="opens()"
                data-testid="closes"
              />
              <mat-hint>{{ t('form.closesHint') }}</mat-hint>
            </mat-form-field>
          </div>
          @if (fields()['closesAt'] ?? fields()['opensAt']; as m) {
            <p class="error-text" role="alert">{{ m }}</p>
          }
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="busy() || f.invalid" data-testid="create-campaign">
              {{ busy() ? t('form.creating') : t('form.create') }}
            </button>
            <a mat-button routerLink="/chamber">{{ t('form.cancel') }}</a>
          </div>
        </form>
      </section>
    </ng-container>
  `,
})
export class NewCampaignPage {
  private readonly api = inject(ChambersApi);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly ctx = chamberContext();
  protected readonly today = localDay();
  protected readonly title = signal('');
  protected readonly messageDe = signal('');
  protected readonly messageEn = signal('');
  protected readonly opens = signal(localDay());
  protected readonly closes = signal(localDay(42));
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly fields = signal<Record<string, string>>({});
  protected readonly chamberId = computed(() => {
    const c = this.ctx();
    return c.state === 'chamber' ? c.chamberId : null;
  });

  constructor() {
    // Suggested texts (editable), once the scope's translations have loaded.
    this.transloco
      .selectTranslate<string[]>(
        ['form.defaultTitle', 'form.defaultDe', 'form.defaultEn'],
        { year: new Date().getFullYear() },
        'chambers',
      )
      .pipe(take(1), takeUntilDestroyed())
      .subscribe(([title, de, en]) => {
        if (!this.title()) this.title.set(title);
        if (!this.messageDe()) this.messageDe.set(de);
        if (!this.messageEn()) this.messageEn.set(en);
      });
  }

  protected async create(): Promise<void> {
    const chamberId = this.chamberId();
    // At most one request: a double click submits twice before the disabled button is rendered.
    if (!chamberId || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.fields.set({});
    try {
      const created = await this.api.createCampaign(chamberId, {
        title: this.title(),
        messageDe: this.messageDe(),
        messageEn: this.messageEn(),
        // Today opens now (a past start of day is fine); the last day stays open until its end.
        opensAt: startOfDay(this.opens()),
        closesAt: endOfDay(this.closes()),
      });
      await this.router.navigate(['/chamber/campaigns', created.id]);
    } catch (e) {
      const err = describeError(e);
      this.error.set(err.message);
      this.fields.set(err.fields);
    } finally {
      this.busy.set(false);
    }
  }
}
