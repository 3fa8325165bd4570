import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { answerFields, optionAnswer } from '@scs/shared/answers';
import { isApplicable } from '@scs/shared/catalogue';
import { provideIcuMessages } from '@scs/web/core';
import { CONSULTANCY_PROFILE } from '../../../testing/profiles';
import { realPublicCatalogue } from '../../../testing/real-catalogue';
import { scoreDraft } from '../../data/live-score';
import en from '../../i18n/en.json';
import { LivePreviewComponent } from './live-preview.component';
import type { WizardStep } from './wizard-step';

const catalogue = realPublicCatalogue('en');
const steps: WizardStep[] = catalogue.dimensions
  .map((dimension) => ({
    dimension,
    questions: catalogue.questions.filter(
      (q) => q.dimension === dimension.id && isApplicable(q.applicability, CONSULTANCY_PROFILE),
    ),
    answered: 0,
  }))
  .filter((s) => s.questions.length > 0);
const scored = (answers: Record<string, string>) =>
  scoreDraft(
    catalogue,
    CONSULTANCY_PROFILE,
    Object.fromEntries(Object.entries(answers).map(([id, option]) => [id, answerFields(optionAnswer(option))])),
  );

describe('LivePreviewComponent', () => {
  let fixture: ComponentFixture<LivePreviewComponent>;
  let el: HTMLElement;
  const text = (selector: string) => el.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [
        LivePreviewComponent,
        TranslocoTestingModule.forRoot({
          langs: { en: { assessments: en } },
          translocoConfig: { availableLangs: ['en', 'de'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuMessages()],
    }).compileComponents();
    fixture = TestBed.createComponent(LivePreviewComponent);
    el = fixture.nativeElement as HTMLElement;
    fixture.componentRef.setInput('steps', steps);
  });

  it('shows "–" before any answer, and one bar per step', async () => {
    fixture.componentRef.setInput('score', scored({}));
    await fixture.whenStable();
    expect(text('[data-testid="live-score"] .big')).toBe('–');
    expect(text('.preview-title')).toBe('Live preview');
    const bars = el.querySelector('scs-score-bars')?.textContent ?? '';
    for (const s of steps) expect(bars).toContain(`${s.dimension.code} ${s.dimension.name}`);
  });

  it('shows the score with its level and counts the knock-outs; a submitted one is final', async () => {
    fixture.componentRef.setInput('score', scored({ T1: 'd' }));
    fixture.componentRef.setInput('final', true);
    await fixture.whenStable();
    expect(text('[data-testid="live-score"]')).toContain('Critical');
    expect(text('.ko')).toContain('knock-out');
    expect(text('.preview-title')).toBe('Score');
  });
});
