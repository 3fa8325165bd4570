import { Component, signal, viewChild } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { isApplicable } from '@scs/shared/catalogue';
import { provideIcuMessages } from '@scs/web/core';
import { CONSULTANCY_PROFILE } from '../../../testing/profiles';
import { realPublicCatalogue } from '../../../testing/real-catalogue';
import en from '../../i18n/en.json';
import { StepNavComponent } from './step-nav.component';
import type { WizardStep } from './wizard-step';

const catalogue = realPublicCatalogue('en');
/** The consultancy's steps as the page builds them; T1 and T2 answered. */
const steps: WizardStep[] = catalogue.dimensions
  .map((dimension) => {
    const questions = catalogue.questions.filter(
      (q) => q.dimension === dimension.id && isApplicable(q.applicability, CONSULTANCY_PROFILE),
    );
    return { dimension, questions, answered: questions.filter((q) => q.id === 'T1' || q.id === 'T2').length };
  })
  .filter((s) => s.questions.length > 0);
const tax = steps[0] as WizardStep;
const second = steps[1] as WizardStep;
const open = tax.questions[2] as WizardStep['questions'][number];

@Component({
  imports: [StepNavComponent],
  template: `
    <nav
      scs-step-nav
      class="steps"
      [catalogue]="catalogue"
      [steps]="steps"
      [currentId]="currentId()"
      [readOnly]="readOnly()"
    ></nav>
    <h2 id="step-heading" tabindex="-1">Step</h2>
    <fieldset [id]="'q-' + open.id">
      <input type="radio" name="open" value="a" disabled />
      <input type="radio" name="open" value="b" />
    </fieldset>
  `,
})
class HostComponent {
  readonly catalogue = catalogue;
  readonly steps = steps;
  readonly open = open;
  readonly currentId = signal(tax.dimension.id);
  readonly readOnly = signal(false);
  readonly nav = viewChild.required(StepNavComponent);
}

describe('StepNavComponent', () => {
  let fixture: ComponentFixture<HostComponent>;
  let el: HTMLElement;
  const text = (e: Element | null | undefined) => e?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  /** Navigation, the render after it and the focus that follows (the question waits for the router's scroll). */
  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await fixture.whenStable();
      await new Promise((r) => setTimeout(r, 60));
    }
  }

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [
        HostComponent,
        TranslocoTestingModule.forRoot({
          langs: { en: { assessments: en } },
          translocoConfig: { availableLangs: ['en', 'de'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuMessages(), provideRouter([])],
    }).compileComponents();
    fixture = TestBed.createComponent(HostComponent);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  it('lists the steps with answered/applicable, marks the current one, and ends with the review', () => {
    const buttons = [...el.querySelectorAll('nav.steps button.step')];
    expect(buttons).toHaveLength(steps.length + 1);
    expect(text(buttons[0]?.querySelector('.step-code'))).toBe('D1');
    expect(text(buttons[0]?.querySelector('.step-name'))).toBe(tax.dimension.name);
    expect(text(buttons[0])).toContain(`2/${tax.questions.length}`);
    expect(buttons[0]?.getAttribute('aria-current')).toBe('step');
    expect(buttons[1]?.getAttribute('aria-current')).toBeNull();
    expect(text(buttons.at(-1)?.querySelector('.step-name'))).toBe('Review and submit');
    expect(el.querySelector('nav.steps summary')?.textContent).toContain(`D1 ${tax.dimension.name}`);
  });

  it('shows a dimension the profile rules out as not applicable, with its condition and no button', () => {
    const skipped = [...el.querySelectorAll('[data-testid="skipped-step"]')].map(text);
    expect(skipped.find((s) => s.startsWith('D2'))).toMatch(
      /Not asked for your firm profile: only if .*(import|export)/i,
    );
    // One natural clause: the profile question quoted, the answer named (not "…: yes").
    expect(skipped.find((s) => s.startsWith('D11'))).toContain(
      'Not asked for your firm profile: only if “Bids for government procurement or SOE tenders” is answered “Yes”.',
    );
    expect(el.querySelector('[data-testid="skipped-step"] button')).toBeNull();
  });

  it('names the last step "Summary" for a submitted assessment', async () => {
    fixture.componentInstance.readOnly.set(true);
    fixture.componentInstance.currentId.set('review');
    await fixture.whenStable();
    const review = el.querySelector('nav.steps button.step.review');
    expect(text(review?.querySelector('.step-name'))).toBe('Summary');
    expect(review?.getAttribute('aria-current')).toBe('step');
  });

  it('opens a step from the list and focuses its heading', async () => {
    el.querySelectorAll<HTMLButtonElement>('nav.steps button.step')[1]?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/?step=${second.dimension.id}`);
    expect(document.activeElement?.id).toBe('step-heading');
  });

  it('goes to a question: its step opens and its first enabled option gets the focus', async () => {
    await fixture.componentInstance.nav().go(tax.dimension.id, { question: open.id });
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/?step=${tax.dimension.id}`);
    const focused = document.activeElement as HTMLInputElement | null;
    expect(focused?.closest('fieldset')?.id).toBe(`q-${open.id}`);
    expect(focused?.value).toBe('b');
  });
});
