import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { LocalDatePipe, StatusBadgeComponent } from '@scs/web/ui';
import type { PublicReference } from './catalogue.client';

/** One regulation reference: title (with the Chinese title), authority, number, year, link and confirmed/unconfirmed badge. */
@Component({
  selector: 'scs-reference-item',
  imports: [TranslocoDirective, StatusBadgeComponent, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'catalogue'; currentLang as lang">
      @let r = reference();
      <div class="ref" [class.unconfirmed]="r.status === 'unconfirmed'">
        <div class="title-line">
          @if (r.url) {
            <a [href]="r.url" target="_blank" rel="noopener noreferrer" class="title"
              >{{ r.title }}<span class="visually-hidden"> ({{ t('reference.newWindow') }})</span></a
            >
          } @else {
            <span class="title">{{ r.title }}</span>
          }
          <scs-status-badge
            [status]="r.status"
            [label]="t('status.' + r.status)"
            [title]="t('status.' + r.status + 'Hint')"
          />
        </div>
        @if (r.titleZh) {
          <div class="zh" lang="zh-Hans">{{ r.titleZh }}</div>
        }
        <div class="meta">
          {{ r.authority }}
          @if (r.authorityZh) {
            <span lang="zh-Hans"> ({{ r.authorityZh }})</span>
          }
          @if (r.number) {
            · {{ r.number }}
          }
          · {{ r.year }}
          @if (r.effectiveDate) {
            · {{ t('reference.effective', { date: (r.effectiveDate | scsDate: lang) }) }}
          }
        </div>
        @if (supersededByTitle()) {
          <div class="superseded">{{ t('reference.supersededBy', { title: supersededByTitle() }) }}</div>
        }
        @if (!compact() && r.note) {
          <p class="note">{{ r.note }}</p>
        }
      </div>
    </ng-container>
  `,
  styles: `
    .ref {
      padding: 8px 0;
    }
    .title-line {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 8px;
    }
    .title {
      font-weight: 500;
    }
    .zh {
      color: #444;
      font-size: 14px;
    }
    .meta,
    .superseded {
      color: #5f6368;
      font-size: 13px;
    }
    .superseded {
      font-style: italic;
    }
    .note {
      margin: 4px 0 0;
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
export class ReferenceItemComponent {
  readonly reference = input.required<PublicReference>();
  /** Title of the reference that replaced this one, if any. */
  readonly supersededByTitle = input<string | null>(null);
  /** Leave out the note (for lists inside findings). */
  readonly compact = input(false);
}
