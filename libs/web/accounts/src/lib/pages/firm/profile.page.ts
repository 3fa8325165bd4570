import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormRecord, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import {
  localize,
  PROFILE_FIELD_NAMES,
  PROFILE_FIELDS,
  type ProfileField,
  type ProfileFieldDefinition,
} from '@scs/shared/catalogue';
import { describeError, LanguageService } from '@scs/web/core';
import { ErrorBoxComponent, LoadingComponent, LocalDatePipe } from '@scs/web/ui';
import { AccountsApi } from '../../data/accounts.api';
import type { ProfileData, ProfileVersionView, ProfileView } from '../../data/accounts.types';
import { NAME_MAX, applyServerErrors, normaliseUscc, serverError } from '../../data/form-errors';
import { firmContext, isManager } from './firm-context';

/** The value of a field the stored profile lacks: a later field (2026.2) starts at its default, the others empty. */
const emptyValue = (def: ProfileFieldDefinition): unknown =>
  def.kind === 'enum' ? (def.multi ? [] : (def.defaultValue ?? null)) : null;

interface FieldView {
  name: ProfileField;
  kind: ProfileFieldDefinition['kind'];
  multi: boolean;
  label: string;
  /** Too long for a floating label (e.g. the 2026.2 data-volume fields): the label sits above the select. */
  long: boolean;
  options: { value: string; label: string }[];
}

/** Longest label a floating form-field label shows without being cut off at half the form's width. */
const FLOATING_LABEL_MAX = 44;

/** The firm profile editor: every catalogue field, server validation messages next to each field, versioned saves. */
@Component({
  selector: 'scs-profile-page',
  imports: [
    TranslocoDirective,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatRadioModule,
    MatButtonModule,
    ErrorBoxComponent,
    LoadingComponent,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    form {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
      gap: 4px 24px;
      background: #fff;
      border: 1px solid #dde1e7;
      border-radius: 8px;
      padding: 16px 24px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    .radio {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-bottom: 16px;
    }
    .radio-label {
      font-size: 14px;
      color: #333;
    }
    .radio.long mat-form-field {
      width: 100%;
    }
    .field-error {
      color: #b00020;
      font-size: 12px;
    }
    .actions {
      grid-column: 1 / -1;
      display: flex;
      gap: 12px;
      align-items: center;
    }
    .notice {
      padding: 12px 16px;
      border-radius: 8px;
      background: #eef6ee;
      border: 1px solid #b5d8b5;
    }
    .warn {
      padding: 12px 16px;
      border-radius: 8px;
      background: #fff7e6;
      border: 1px solid #f0c36d;
    }
    .meta {
      color: #555;
    }
    details {
      margin-top: 16px;
    }
  `,
  template: `
    <ng-container *transloco="let t; prefix: 'accounts'">
      <h2>{{ t('profile.title') }}</h2>
      <p>{{ t('profile.lead') }}</p>
      @if (loadError(); as message) {
        <scs-error-box [message]="message" [retryLabel]="t('common.retry')" (retry)="reload()" />
      } @else if (!profile()) {
        <scs-loading [label]="t('common.loading')" />
      } @else {
        @if (profile(); as p) {
          <p class="meta" data-testid="version">
            {{ t('profile.version', { version: p.version, date: (p.createdAt | scsDate: lang() : 'datetime') }) }}
          </p>
          @if (!p.complete) {
            <p class="warn" data-testid="incomplete">{{ t('profile.incomplete') }}</p>
          }
        }
        @if (!canEdit()) {
          <p class="meta">{{ t('profile.readOnly') }}</p>
        }
        @if (saved(); as version) {
          <p class="notice" role="status">{{ t('profile.saved', { version }) }}</p>
        }
        @if (conflict()) {
          <scs-error-box [message]="t('profile.conflict')" [retryLabel]="t('profile.reload')" (retry)="reload()" />
        }
        @if (fixFields()) {
          <scs-error-box data-testid="fix-fields" [message]="t('profile.fixFields')" />
        }
        @if (error(); as message) {
          <scs-error-box [message]="message" />
        }
        <form [formGroup]="form" (ngSubmit)="save()" novalidate>
          <mat-form-field class="wide" subscriptSizing="dynamic">
            <mat-label>{{ t('profile.name') }}</mat-label>
            <input matInput formControlName="name" required [errorStateMatcher]="live" data-testid="firm-name" />
            @if (nameLength() > nameMax - 40) {
              <mat-hint align="end">{{ nameLength() }} / {{ nameMax }}</mat-hint>
            }
            <mat-error>{{
              err(form.controls['name']) ??
                (form.controls['name'].hasError('maxlength')
                  ? t('common.tooLong', { max: nameMax, length: nameLength() })
                  : t('common.required'))
            }}</mat-error>
          </mat-form-field>
          <mat-form-field class="wide" subscriptSizing="dynamic">
            <mat-label>{{ t('profile.uscc') }}</mat-label>
            <input
              matInput
              formControlName="uscc"
              autocomplete="off"
              spellcheck="false"
              data-testid="uscc"
              (blur)="normaliseUsccField()"
            />
            <mat-hint>{{ t('profile.usccHint') }}</mat-hint>
            <mat-error data-testid="uscc-error">{{ err(form.controls['uscc']) }}</mat-error>
          </mat-form-field>
          @for (f of fields(); track f.name) {
            @switch (f.kind) {
              @case ('boolean') {
                <div class="radio" [attr.data-field]="f.name">
                  <span class="radio-label" [id]="'lbl-' + f.name">{{ f.label }}</span>
                  <mat-radio-group [formControlName]="f.name" [attr.aria-labelledby]="'lbl-' + f.name">
                    <mat-radio-button [value]="true">{{ t('profile.yes') }}</mat-radio-button>
                    <mat-radio-button [value]="false">{{ t('profile.no') }}</mat-radio-button>
                  </mat-radio-group>
                  @if (err(form.controls[f.name]); as message) {
                    <span class="field-error" role="alert">{{ message }}</span>
                  }
                </div>
              }
              @case ('integer') {
                <mat-form-field [attr.data-field]="f.name">
                  <mat-label>{{ f.label }}</mat-label>
                  <input matInput type="number" [formControlName]="f.name" />
                  <mat-error>{{ err(form.controls[f.name]) }}</mat-error>
                </mat-form-field>
              }
              @default {
                @if (f.long) {
                  <div class="radio long" [attr.data-field]="f.name">
                    <span class="radio-label" [id]="'lbl-' + f.name">{{ f.label }}</span>
                    <mat-form-field subscriptSizing="dynamic">
                      <mat-select [formControlName]="f.name" [aria-labelledby]="'lbl-' + f.name">
                        @for (o of f.options; track o.value) {
                          <mat-option [value]="o.value">{{ o.label }}</mat-option>
                        }
                      </mat-select>
                      <mat-error>{{ err(form.controls[f.name]) }}</mat-error>
                    </mat-form-field>
                  </div>
                } @else {
                  <mat-form-field [attr.data-field]="f.name" [class.wide]="f.multi">
                    <mat-label>{{ f.label }}</mat-label>
                    <mat-select [formControlName]="f.name" [multiple]="f.multi">
                      @for (o of f.options; track o.value) {
                        <mat-option [value]="o.value">{{ o.label }}</mat-option>
                      }
                    </mat-select>
                    <mat-error>{{ err(form.controls[f.name]) }}</mat-error>
                  </mat-form-field>
                }
              }
            }
          }
          @if (canEdit()) {
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="busy()">
                {{ busy() ? t('profile.saving') : t('profile.save') }}
              </button>
            </div>
          }
        </form>
        @if (versions().length > 1) {
          <details>
            <summary>{{ t('profile.history') }}</summary>
            <ul>
              @for (v of versions(); track v.version) {
                <li>
                  {{
                    t('profile.historyEntry', {
                      version: v.version,
                      date: (v.createdAt | scsDate: lang() : 'datetime'),
                      by: v.createdByName ?? '–',
                    })
                  }}
                </li>
              }
            </ul>
          </details>
        }
      }
    </ng-container>
  `,
})
export class ProfilePage {
  private readonly api = inject(AccountsApi);
  protected readonly lang = inject(LanguageService).current;
  protected readonly firm = firmContext();
  private readonly orgId = computed(() => {
    const f = this.firm();
    return f.state === 'firm' ? f.orgId : null;
  });
  protected readonly canEdit = computed(() => {
    const f = this.firm();
    return f.state === 'firm' && isManager(f.role);
  });

  protected readonly fields = computed<FieldView[]>(() => {
    const lang = this.lang();
    return PROFILE_FIELD_NAMES.map((name) => {
      const def: ProfileFieldDefinition = PROFILE_FIELDS[name];
      return {
        name,
        kind: def.kind,
        multi: def.kind === 'enum' && def.multi,
        label: localize(def.label, lang),
        long: def.kind === 'enum' && !def.multi && localize(def.label, lang).length > FLOATING_LABEL_MAX,
        options:
          def.kind === 'enum'
            ? def.values.map((value) => ({
                value,
                label: localize((def.valueLabels as Record<string, { en: string; de: string }>)[value], lang),
              }))
            : [],
      };
    });
  });

  protected readonly form = new FormRecord<FormControl<unknown>>({
    name: new FormControl<unknown>('', [Validators.required, Validators.maxLength(NAME_MAX)]),
    uscc: new FormControl<unknown>(''),
    ...Object.fromEntries(PROFILE_FIELD_NAMES.map((n) => [n, new FormControl<unknown>(null)])),
  });

  protected readonly profile = signal<ProfileView | null>(null);
  protected readonly versions = signal<ProfileVersionView[]>([]);
  protected readonly loadError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly saved = signal<number | null>(null);
  protected readonly conflict = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly fixFields = signal(false);
  protected readonly err = serverError;
  protected readonly nameMax = NAME_MAX;
  /** Errors show while typing: a name over the limit is flagged at once, next to the counter. */
  protected readonly live = new ShowOnDirtyErrorStateMatcher();
  private readonly nameValue = toSignal(this.form.controls['name'].valueChanges, { initialValue: '' });
  protected readonly nameLength = computed(() => {
    const v = this.nameValue();
    return typeof v === 'string' ? v.length : 0;
  });

  /** A pasted code with spaces or hyphens, or in lower case, becomes the 18 characters the server checks. */
  protected normaliseUsccField(): void {
    const control = this.form.controls['uscc'];
    const value = control.value;
    if (typeof value === 'string' && normaliseUscc(value) !== value) control.setValue(normaliseUscc(value));
  }

  constructor() {
    effect(() => {
      const orgId = this.orgId();
      if (orgId) void this.load(orgId);
    });
    effect(() => (this.canEdit() ? this.form.enable() : this.form.disable()));
  }

  protected reload(): void {
    const orgId = this.orgId();
    if (orgId) void this.load(orgId);
  }

  private async load(orgId: string): Promise<void> {
    this.loadError.set(null);
    this.conflict.set(false);
    try {
      const profile = await this.api.profile(orgId);
      this.fill(profile);
      this.versions.set(await this.api.profileVersions(orgId));
    } catch (e) {
      this.loadError.set(describeError(e).message);
    }
  }

  private fill(profile: ProfileView): void {
    const data = profile.data as Record<string, unknown>;
    this.form.reset({
      name: profile.data.name,
      uscc: profile.data.uscc ?? '',
      ...Object.fromEntries(PROFILE_FIELD_NAMES.map((n) => [n, data[n] ?? emptyValue(PROFILE_FIELDS[n])])),
    });
    this.profile.set(profile);
  }

  protected async save(): Promise<void> {
    const orgId = this.orgId();
    const current = this.profile();
    if (!orgId || !current) return;
    this.busy.set(true);
    this.saved.set(null);
    this.error.set(null);
    this.fixFields.set(false);
    this.conflict.set(false);
    try {
      const value = this.form.getRawValue() as Record<string, unknown>;
      const payload = {
        ...value,
        uscc:
          typeof value['uscc'] === 'string' && normaliseUscc(value['uscc']) !== ''
            ? normaliseUscc(value['uscc'])
            : null,
      } as ProfileData;
      const profile = await this.api.saveProfile(orgId, payload, current.version);
      this.fill(profile);
      this.saved.set(profile.version);
      this.versions.set(await this.api.profileVersions(orgId));
    } catch (e) {
      const { status, message, fields } = describeError(e);
      if (status === 409) this.conflict.set(true);
      else {
        const unmatched = applyServerErrors(this.form, fields);
        this.fixFields.set(Object.keys(fields).length > unmatched.length);
        this.error.set(Object.keys(fields).length > 0 ? unmatched.join(' ') || null : message);
      }
    } finally {
      this.busy.set(false);
    }
  }
}
