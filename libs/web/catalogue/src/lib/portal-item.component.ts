import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import type { PublicPortal } from './catalogue.client';

/** An official portal: name (with the Chinese name), link, and optionally what can be checked there. */
@Component({
  selector: 'scs-portal-item',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'catalogue'">
      @let p = portal();
      <a [href]="p.url" target="_blank" rel="noopener noreferrer" class="name"
        >{{ p.name }}<span class="visually-hidden"> ({{ t('reference.newWindow') }})</span></a
      >
      @if (p.nameZh) {
        <span class="zh" lang="zh-Hans"> {{ p.nameZh }}</span>
      }
      <span class="url"> · {{ host() }}</span>
      @if (showChecks()) {
        <p class="checks">{{ p.checks }}</p>
      }
    </ng-container>
  `,
  styles: `
    .name {
      font-weight: 500;
    }
    .zh {
      color: #444;
    }
    .url {
      color: #5f6368;
      font-size: 13px;
    }
    .checks {
      margin: 2px 0 0;
      font-size: 14px;
      color: #333;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
})
export class PortalItemComponent {
  readonly portal = input.required<PublicPortal>();
  readonly showChecks = input(false);
  protected host(): string {
    try {
      return new URL(this.portal().url).host;
    } catch {
      return this.portal().url;
    }
  }
}
