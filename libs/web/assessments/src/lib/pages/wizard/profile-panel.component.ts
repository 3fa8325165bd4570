import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoDirective } from '@jsverse/transloco';
import {
  PROFILE_FIELDS,
  PROFILE_FIELD_NAMES,
  localize,
  type FirmProfile,
  type Locale,
  type ProfileField,
  type ProfileFieldDefinition,
} from '@scs/shared/catalogue';

interface FieldView {
  name: ProfileField;
  def: ProfileFieldDefinition;
}

/**
 * The profile answers pinned to this draft (legal form, activities, ...). Each change is emitted at once; the page
 * PATCHes it and the set of applicable questions follows.
 */
@Component({
  selector: 'scs-profile-panel',
  imports: [TranslocoDirective, MatFormFieldModule, MatInputModule, MatSelectModule, MatSlideToggleModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'assessments.profile'; currentLang as lang">
      <div class="grid">
        @for (f of fields; track f.name) {
          @switch (f.def.kind) {
            @case ('boolean') {
              <mat-slide-toggle
                class="toggle"
                [checked]="value(f.name) === true"
                [disabled]="disabled()"
                (change)="emit(f.name, $event.checked)"
              >
                {{ label(f.def, lang) }}
              </mat-slide-toggle>
            }
            @case ('integer') {
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ label(f.def, lang) }}</mat-label>
                <input
                  matInput
                  type="number"
                  inputmode="numeric"
                  [min]="min(f.def)"
                  [max]="max(f.def)"
                  [value]="value(f.name) ?? ''"
                  [disabled]="disabled()"
                  (change)="emitNumber(f.name, $any($event.target).value)"
                />
              </mat-form-field>
            }
            @default {
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ label(f.def, lang) }}</mat-label>
                <mat-select
                  [value]="value(f.name)"
                  [multiple]="isMulti(f.def)"
                  [disabled]="disabled()"
                  (selectionChange)="emit(f.name, $event.value)"
                >
                  @for (v of values(f.def); track v) {
                    <mat-option [value]="v">{{ valueLabel(f.def, v, lang) }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
            }
          }
        }
      </div>
    </ng-container>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: 1fr;
      gap: 12px;
      max-width: 640px;
    }
    .toggle {
      padding: 4px 0;
    }
  `,
})
export class ProfilePanelComponent {
  readonly profile = input.required<FirmProfile>();
  readonly disabled = input(false);
  readonly changeField = output<Partial<FirmProfile>>();

  // USCC and name are not profile fields of an assessment; the order follows the catalogue's field list.
  protected readonly fields: FieldView[] = PROFILE_FIELD_NAMES.map((name) => ({
    name,
    def: PROFILE_FIELDS[name] as ProfileFieldDefinition,
  }));
  private readonly values$ = computed(() => this.profile() as Record<string, unknown>);

  protected value(name: ProfileField): unknown {
    return this.values$()[name];
  }

  protected label(def: ProfileFieldDefinition, lang: string): string {
    return localize(def.label, lang as Locale);
  }

  protected isMulti(def: ProfileFieldDefinition): boolean {
    return def.kind === 'enum' && def.multi;
  }

  protected values(def: ProfileFieldDefinition): readonly string[] {
    return def.kind === 'enum' ? def.values : [];
  }

  protected valueLabel(def: ProfileFieldDefinition, v: string, lang: string): string {
    if (def.kind !== 'enum') return v;
    const text = def.valueLabels[v];
    return text ? localize(text, lang as Locale) : v;
  }

  protected min(def: ProfileFieldDefinition): number | null {
    return def.kind === 'integer' ? def.min : null;
  }

  protected max(def: ProfileFieldDefinition): number | null {
    return def.kind === 'integer' ? Math.min(def.max, new Date().getFullYear()) : null;
  }

  protected emit(name: ProfileField, value: unknown): void {
    this.changeField.emit({ [name]: value } as Partial<FirmProfile>);
  }

  protected emitNumber(name: ProfileField, raw: string): void {
    const n = Number(raw);
    if (raw !== '' && Number.isInteger(n)) this.changeField.emit({ [name]: n } as Partial<FirmProfile>);
  }
}
