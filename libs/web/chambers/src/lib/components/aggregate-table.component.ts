import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AggregateTable } from '@scs/shared/contracts';
import { localDecimal } from '../data/decimal';

/** One disclosure-controlled table as the API returns it: "." suppressed, "<3" one or two firms, "–" none. */
@Component({
  selector: 'scs-aggregate-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../pages/chambers.css',
  styles: `
    .scroll {
      position: relative;
      overflow-x: auto;
    }
    td.suppressed {
      color: #8a8f96;
    }
    tr.total td,
    tr.total th {
      font-weight: 600;
      background: #f8f9fa;
    }
    .notes {
      font-size: 13px;
      color: #5f6368;
      margin: 6px 0 0;
      padding-left: 18px;
    }
  `,
  template: `
    <div class="scroll">
      <div class="table-scroll">
        <table class="data" [attr.data-testid]="'table-' + table().id">
          <caption class="visually-hidden">
            {{
              table().title[lang()]
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ rowHeading() }}</th>
              <th scope="col" class="num">{{ firmsHeading() }}</th>
              @for (c of table().columns; track c.key) {
                <th scope="col" class="num">{{ c.label[lang()] }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (r of table().rows; track r.key) {
              <tr [class.total]="r.total">
                <th scope="row">{{ r.label[lang()] }}</th>
                <td class="num" [class.suppressed]="r.n.status !== 'value'">{{ r.n.display }}</td>
                @for (cell of r.cells; track $index) {
                  <td class="num" [class.suppressed]="cell.status !== 'value'" [attr.data-status]="cell.status">
                    {{ decimal(cell.display) }}
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    </div>
    <ul class="notes">
      @for (n of table().notes; track $index) {
        <li>{{ n[lang()] }}</li>
      }
    </ul>
  `,
})
export class AggregateTableComponent {
  readonly table = input.required<AggregateTable>();
  readonly lang = input.required<'en' | 'de'>();
  readonly rowHeading = input.required<string>();
  readonly firmsHeading = input.required<string>();

  protected decimal(display: string): string {
    return localDecimal(display, this.lang());
  }
}
