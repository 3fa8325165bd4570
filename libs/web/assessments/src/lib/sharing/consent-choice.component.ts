import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatRadioModule, type MatRadioGroup } from '@angular/material/radio';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService, SessionService, describeError } from '@scs/web/core';
import { ErrorBoxComponent, LoadingComponent, LocalDatePipe } from '@scs/web/ui';
import { firstValueFrom } from 'rxjs';
import {
  SharingApi,
  type ConsentKind,
  type ConsentStatus,
  type ConsentText,
  type FirmChamber,
} from '../data/sharing.api';

interface Item {
  /** `kind` or `kind:chamberId`: a chamber consent is asked once per chamber. */
  key: string;
  kind: ConsentKind;
  /** The chamber a chamber consent is given to (null for research). */
  chamber: FirmChamber | null;
  text: ConsentText;
  status: ConsentStatus | undefined;
  /** The first paragraph of the text (what is agreed to), then the details. */
  headline: string;
  details: string[];
}

/**
 * The firm's consents to share anonymised results with the research team and (when it belongs to any) with each of
 * its chambers, asked per chamber (a grant names its chamber; a chamber joined later is asked anew). Default no; only owners and admins change them, other members see the state. `ask` is the wizard's
 * question before submitting; `manage` the result page's view of the same choice.
 */
@Component({
  selector: 'scs-consent-choice',
  imports: [TranslocoDirective, MatRadioModule, MatIconModule, ErrorBoxComponent, LoadingComponent, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './consent-choice.component.html',
  styleUrl: './consent-choice.component.css',
})
export class ConsentChoiceComponent {
  readonly orgId = input.required<string>();
  /** Given when rendered as a result-page extension (not needed: consent belongs to the firm). */
  readonly assessmentId = input<string | null>(null);
  readonly mode = input<'ask' | 'manage'>('manage');
  /** Whether research consent is active: after loading and after every change. */
  readonly researchActive = output<boolean>();

  private readonly api = inject(SharingApi);
  private readonly session = inject(SessionService);
  protected readonly language = inject(LanguageService);

  protected readonly canChange = computed(() => {
    const role = this.session.activeOrg()?.role;
    return role === 'owner' || role === 'admin';
  });
  protected readonly texts = signal<ConsentText[]>([]);
  protected readonly statuses = signal<ConsentStatus[]>([]);
  protected readonly chambers = signal<FirmChamber[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly busy = signal<string | null>(null);
  protected readonly changeError = signal<{ key: string; message: string } | null>(null);
  protected readonly saved = signal<string | null>(null);

  protected readonly items = computed<Item[]>(() => {
    const lang = this.language.current();
    // The chamber questions (results in aggregates; whether the firm took part) once per chamber the firm belongs to.
    const targets: { kind: ConsentKind; chamber: FirmChamber | null }[] = [
      { kind: 'research', chamber: null },
      ...this.chambers().flatMap((chamber) =>
        (['chamber', 'chamber_participation'] as const).map((kind) => ({ kind, chamber })),
      ),
    ];
    return targets.flatMap(({ kind, chamber }) => {
      const text = this.texts().find((x) => x.kind === kind);
      if (!text) return [];
      const [headline = '', ...details] = (lang === 'de' ? text.de : text.en).split(/\n\s*\n/);
      const key = chamber ? `${kind}:${chamber.chamberId}` : kind;
      return [{ key, kind, chamber, text, status: this.statusOf(kind, chamber), headline, details }];
    });
  });
  /** The i18n keys of each kind's question and "yes" answer. */
  protected readonly keys: Record<ConsentKind, { question: string; yes: string }> = {
    research: { question: 'researchQuestion', yes: 'yesResearch' },
    chamber: { question: 'chamberQuestion', yes: 'yesChamber' },
    chamber_participation: { question: 'participationQuestion', yes: 'yesParticipation' },
  };

  constructor() {
    effect(() => {
      const orgId = this.orgId();
      untracked(() => void this.load(orgId));
    });
  }

  async load(orgId = this.orgId()): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const [texts, statuses, chambers] = await Promise.all([
        firstValueFrom(this.api.consentTexts()),
        firstValueFrom(this.api.consents(orgId)),
        // Without the chamber list the research question still works: treat it as "no chamber".
        firstValueFrom(this.api.chambers(orgId)).catch(() => [] as FirmChamber[]),
      ]);
      this.texts.set(texts);
      this.statuses.set(statuses);
      this.chambers.set(chambers);
      this.researchActive.emit(this.granted('research'));
    } catch (e) {
      this.loadError.set(describeError(e).message);
    } finally {
      this.loading.set(false);
    }
  }

  private statusOf(kind: ConsentKind, chamber: FirmChamber | null): ConsentStatus | undefined {
    return this.statuses().find((s) => s.kind === kind && (s.chamberId ?? null) === (chamber?.chamberId ?? null));
  }

  protected granted(kind: ConsentKind, chamber: FirmChamber | null = null): boolean {
    return this.statusOf(kind, chamber)?.granted ?? false;
  }

  protected async choose(item: Item, granted: boolean, group?: MatRadioGroup): Promise<void> {
    if (!this.canChange() || this.busy() || granted === this.granted(item.kind, item.chamber)) return;
    this.busy.set(item.key);
    this.changeError.set(null);
    this.saved.set(null);
    try {
      const statuses = await firstValueFrom(
        this.api.setConsent(this.orgId(), item.kind, granted, item.text.version, item.chamber?.chamberId),
      );
      this.statuses.set(statuses);
      this.saved.set(item.key);
      if (item.kind === 'research') this.researchActive.emit(this.granted('research'));
    } catch (e) {
      const err = describeError(e);
      this.changeError.set({ key: item.key, message: err.message });
      // The text changed since it was shown (409): show the new one.
      if (err.status === 409) void this.load();
      // The radios show the state still in force.
      if (group) group.value = this.granted(item.kind, item.chamber);
    } finally {
      this.busy.set(null);
    }
  }
}
