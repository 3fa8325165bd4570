import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError, LanguageService } from '@scs/web/core';
import type { PartnerLanguage, PartnerLinkView, TriText } from '@scs/shared/contracts';
import { PartnersApi, tri } from '../data/partners.api';

type Stage = 'loading' | 'gone' | 'confirm' | 'answer' | 'done';

/**
 * The partner's page behind the emailed link (no sign-in): confirm the address, answer in Chinese, English or German,
 * attach the special credit report or a Credit China screenshot, sign and submit once; then download the receipt.
 */
@Component({
  selector: 'scs-partner-check-page',
  imports: [TranslocoDirective, FormsModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './partner-check.css',
  template: `
    <ng-container *transloco="let t; prefix: 'partners'">
      <nav class="langs" [attr.aria-label]="t('public.language')">
        @for (l of langs; track l) {
          <button type="button" [class.active]="lang() === l" [attr.aria-pressed]="lang() === l" [attr.data-lang]="l" (click)="setLang(l)">
            {{ t('language.' + l) }}
          </button>
        }
      </nav>
      @switch (stage()) {
        @case ('loading') {
          <p class="muted">{{ t('loading') }}</p>
        }
        @case ('gone') {
          <h1>{{ t('public.goneHeading') }}</h1>
          <p role="alert">{{ error() }}</p>
        }
        @case ('confirm') {
          <h1>{{ t('public.confirmHeading') }}</h1>
          <p>{{ t('public.confirmLead') }}</p>
          <form (ngSubmit)="open()" class="stack">
            <label>{{ t('public.email') }}<input name="email" type="email" autocomplete="email" [(ngModel)]="email" required data-testid="confirm-email" /></label>
            <button mat-flat-button type="submit" data-testid="confirm">{{ t('public.continue') }}</button>
          </form>
          @if (error(); as e) {
            <p class="error" role="alert">{{ e }}</p>
          }
        }
        @case ('answer') {
          @if (view(); as v) {
            <h1>{{ tx(v.questionnaire.title) }}</h1>
            <p class="muted">{{ t('public.for', { firm: v.firmName, partner: v.partnerNameZh || v.partnerName }) }}</p>
            <p>{{ tx(v.questionnaire.intro) }}</p>
            <form (ngSubmit)="submit()">
              @for (q of v.questionnaire.questions; track q.id; let i = $index) {
                <fieldset class="question" [attr.data-question]="q.id">
                  <legend>{{ i + 1 }}. {{ tx(q.text) }}</legend>
                  @if (q.help) {
                    <p class="muted">{{ tx(q.help) }}</p>
                  }
                  @for (o of q.options; track o.id) {
                    <label class="option">
                      <input type="radio" [name]="q.id" [value]="o.id" [(ngModel)]="answers[q.id]" />
                      {{ tx(o.label) }}
                    </label>
                  }
                  @if (fieldErrors()['answers.' + q.id]; as e) {
                    <p class="error">{{ e }}</p>
                  }
                  <details>
                    <summary>{{ t('public.whereToCheck') }}</summary>
                    <ul>
                      @for (w of q.whereToCheck; track w.url) {
                        <li><a [href]="w.url" target="_blank" rel="noopener noreferrer">{{ tx(w.name) }}</a>: {{ tx(w.how) }}</li>
                      }
                    </ul>
                    <p class="muted">{{ tx(q.basis) }}</p>
                    @if (q.status === 'unconfirmed' && q.statusNote) {
                      <p class="unconfirmed"><span class="badge-unconfirmed">{{ t('public.unconfirmed') }}</span> {{ tx(q.statusNote) }}</p>
                    }
                  </details>
                </fieldset>
              }

              <fieldset class="question">
                <legend>{{ t('public.evidenceHeading') }}</legend>
                <p class="muted">{{ t('public.evidenceLead') }}</p>
                <input type="file" accept="application/pdf,image/png,image/jpeg" (change)="upload($event)" data-testid="evidence-input" />
                @if (uploadError(); as e) {
                  <p class="error" role="alert">{{ e }}</p>
                }
                <ul>
                  @for (e of v.evidence; track e.id) {
                    <li data-testid="evidence-item">
                      {{ e.filename }}
                      <button mat-button type="button" (click)="removeEvidence(e.id)">{{ t('public.remove') }}</button>
                    </li>
                  }
                </ul>
              </fieldset>

              <fieldset class="question">
                <legend>{{ t('public.declarationHeading') }}</legend>
                <p>{{ tx(v.questionnaire.declaration) }}</p>
                <div class="stack">
                  <label>{{ t('public.signName') }}<input name="dname" [(ngModel)]="declName" required data-testid="decl-name" /></label>
                  <label>{{ t('public.signRole') }}<input name="drole" [(ngModel)]="declRole" required data-testid="decl-role" /></label>
                  <label>{{ t('public.signDate') }}<input name="ddate" type="date" [(ngModel)]="declDate" required /></label>
                </div>
              </fieldset>
              @if (error(); as e) {
                <p class="error" role="alert">{{ e }}</p>
              }
              <button mat-flat-button type="submit" data-testid="submit-check">{{ t('public.submit') }}</button>
            </form>
          }
        }
        @case ('done') {
          <h1>{{ t('public.doneHeading') }}</h1>
          <p role="status">{{ t('public.doneLead') }}</p>
          @if (receiptReady(); as href) {
            <a mat-flat-button [href]="href" download data-testid="receipt">{{ t('public.receipt') }}</a>
          } @else {
            <p class="muted">{{ t('public.receiptPreparing') }}</p>
          }
        }
      }
    </ng-container>
  `,
})
export class PartnerCheckPage implements OnInit {
  readonly token = input.required<string>();
  private readonly api = inject(PartnersApi);
  private readonly language = inject(LanguageService);
  /** The partner's choice (zh/en/de): the link's language first, then the page's switch; it is the UI language. */
  protected readonly lang = signal<PartnerLanguage>('zh');
  protected readonly langs: PartnerLanguage[] = ['zh', 'en', 'de'];
  protected readonly stage = signal<Stage>('loading');
  protected readonly view = signal<PartnerLinkView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly uploadError = signal<string | null>(null);
  protected readonly fieldErrors = signal<Record<string, string>>({});
  protected readonly receiptReady = signal<string | null>(null);
  protected email = '';
  protected answers: Record<string, string> = {};
  protected declName = '';
  protected declRole = '';
  protected declDate = new Date().toISOString().slice(0, 10);

  async ngOnInit(): Promise<void> {
    try {
      const peek = await this.api.peek(this.token());
      this.setLang(peek.locale);
      this.stage.set('confirm');
    } catch (e) {
      this.error.set(describeError(e).message);
      this.stage.set('gone');
    }
  }

  protected tx(text: TriText | undefined): string {
    return tri(text, this.lang());
  }

  protected setLang(l: PartnerLanguage): void {
    this.lang.set(l);
    this.language.use(l);
  }

  protected async open(): Promise<void> {
    try {
      this.view.set(await this.api.open(this.token(), this.email));
      this.error.set(null);
      this.stage.set('answer');
    } catch (e) {
      const d = describeError(e);
      this.error.set(d.message);
      if (d.status === 410) this.stage.set('gone');
    }
  }

  protected async upload(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const added = await this.api.upload(this.token(), this.email, file);
      this.view.update((v) => (v ? { ...v, evidence: [...v.evidence, added] } : v));
      this.uploadError.set(null);
    } catch (e) {
      this.uploadError.set(describeError(e).message);
    } finally {
      input.value = '';
    }
  }

  protected async removeEvidence(id: string): Promise<void> {
    try {
      await this.api.removeEvidence(this.token(), this.email, id);
      this.view.update((v) => (v ? { ...v, evidence: v.evidence.filter((e) => e.id !== id) } : v));
    } catch (e) {
      this.uploadError.set(describeError(e).message);
    }
  }

  protected async submit(): Promise<void> {
    try {
      const result = await this.api.submit(this.token(), {
        email: this.email,
        locale: this.lang(),
        answers: this.answers,
        declaration: { name: this.declName, role: this.declRole, date: this.declDate },
      });
      this.stage.set('done');
      void this.waitForReceipt(result.receiptToken);
    } catch (e) {
      const d = describeError(e);
      this.error.set(d.message);
      this.fieldErrors.set(d.fields);
      if (d.status === 410) this.stage.set('gone');
    }
  }

  private async waitForReceipt(receiptToken: string): Promise<void> {
    for (let i = 0; i < 40; i++) {
      try {
        const s = await this.api.receiptStatus(receiptToken);
        if (s.status === 'done') {
          this.receiptReady.set(this.api.receiptUrl(receiptToken));
          return;
        }
        if (s.status === 'failed') return;
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}
