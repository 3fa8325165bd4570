import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ErrorBoxComponent } from '@scs/web/ui';

/**
 * The card every sign-in style page shares (login, registration, password reset, invitation): a narrow centred card
 * with the page heading, an optional error box right below it, and the page's own content projected after that.
 * Projected content keeps the page's styles (auth-card.css: lead, notice, info, form, actions, links).
 */
@Component({
  selector: 'scs-auth-card',
  imports: [ErrorBoxComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card">
      <h1>{{ heading() }}</h1>
      @if (error(); as message) {
        <scs-error-box [message]="message" />
      }
      <ng-content />
    </section>
  `,
  styles: `
    :host {
      display: block;
      max-width: 460px;
      margin: 32px auto;
    }
    .card {
      background: #fff;
      border: 1px solid #dde1e7;
      border-radius: 8px;
      padding: 24px;
    }
    h1 {
      margin: 0 0 8px;
      font-size: 24px;
    }
  `,
})
export class AuthCardComponent {
  readonly heading = input.required<string>();
  /** A message shown in an error box under the heading (pages whose error sits elsewhere leave it unset). */
  readonly error = input<string | null>(null);
}
