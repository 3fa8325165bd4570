import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordsAnswer } from '@scs/shared/answers';
import { parseTranslationFile, toPublicCatalogue } from '@scs/shared/catalogue';
import { projectExposure, repairPlan } from '@scs/shared/scoring';
import { provideIcuMessages, LanguageService } from '@scs/web/core';
import { nextRequest, settle } from '@scs/web/core/testing';
import { indexCatalogue } from '@scs/web/catalogue';
import { MANUFACTURER_PROFILE } from '../../../testing/profiles';
import { realCatalogue, realPublicCatalogue } from '../../../testing/real-catalogue';
import de from '../../i18n/de.json';
import en from '../../i18n/en.json';
import zh from '../../i18n/zh.json';
import { RepairPlanComponent } from './repair-plan.component';

jest.setTimeout(30_000);

describe('RepairPlanComponent (credit-repair planner)', () => {
  const catalogue = realCatalogue('2026.2');
  // A direct D of the lower band (tax: periods unconfirmed) and a moderate SAMR penalty 8 months old (repairable now).
  const answers = {
    T2: recordsAnswer([{ decided: '2026-06', tier: 'direct_d_lower', status: 'open' }]),
    M6: recordsAnswer([{ decided: '2026-04', tier: 'moderate', status: 'open' }]),
  };
  const plan = repairPlan(catalogue, answers, '2026-12');
  const projection = projectExposure(catalogue, { ...MANUFACTURER_PROFILE }, answers, '2026-12');

  async function render(lang: 'en' | 'de' | 'zh', served?: ReturnType<typeof toPublicCatalogue>) {
    await TestBed.configureTestingModule({
      imports: [
        RepairPlanComponent,
        TranslocoTestingModule.forRoot({
          langs: { en: { assessments: en }, de: { assessments: de }, zh: { assessments: zh } },
          translocoConfig: { availableLangs: ['en', 'de', 'zh'], defaultLang: lang },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuMessages(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    }).compileComponents();
    TestBed.inject(LanguageService).current.set(lang);
    const index = indexCatalogue(served ?? realPublicCatalogue(lang === 'zh' ? 'en' : lang, '2026.2'));
    const fixture = TestBed.createComponent(RepairPlanComponent);
    fixture.componentRef.setInput('assessmentId', 'a-1');
    fixture.componentRef.setInput('plan', plan);
    fixture.componentRef.setInput('projection', projection);
    fixture.componentRef.setInput('dimensions', index.dimensions);
    fixture.componentRef.setInput('portals', index.portals);
    if (served) fixture.componentRef.setInput('recordTypes', new Map((served.recordTypes ?? []).map((r) => [r.id, r])));
    fixture.componentRef.setInput('lang', lang);
    await fixture.whenStable();
    return { fixture, http: TestBed.inject(HttpTestingController), el: fixture.nativeElement as HTMLElement };
  }

  it('shows every record with dates, tier, channel, documents and processing times; unconfirmed values are marked (German)', async () => {
    expect(plan.map((p) => p.questionId).sort()).toEqual(['M6', 'T2']);
    const { el } = await render('de');
    const items = [...el.querySelectorAll('[data-testid="repair-item"]')];
    expect(items).toHaveLength(2);
    const samr = items.find((i) => i.textContent?.includes('M6'))?.textContent ?? '';
    expect(samr).toContain('Entscheidungsdatum');
    expect(samr).toContain('April 2026');
    expect(samr).toContain('Mittel');
    expect(samr).toContain('Frühester Antragstermin');
    expect(samr).toContain('Automatisches Ende');
    expect(samr).toContain('Antrag ist jetzt möglich');
    expect(samr).toContain('Unterlagen');
    expect(samr).toMatch(/\d+ Arbeitstage/);
    const tax = items.find((i) => i.textContent?.includes('T2'));
    expect(tax?.querySelector('[data-testid="earliest-repair"] .badge-unconfirmed')?.textContent).toBe('unbestätigt');
    expect(el.querySelector('[data-testid="projection-summary"]')?.textContent).toContain('Gesamtbetroffenheit heute');
    expect(el.querySelector('[data-testid="projection-summary"]')?.textContent).not.toMatch(/\d\.\d/); // decimal commas
  });

  it('shows the record texts in Chinese from the catalogue served in Chinese (the plan itself carries only en and de)', async () => {
    const file = join(__dirname, '../../../../../../shared/catalogue/data/2026.2/i18n/zh.yaml');
    const { texts } = parseTranslationFile('i18n/zh.yaml', readFileSync(file, 'utf8'));
    const { el } = await render('zh', toPublicCatalogue(catalogue, 'zh', texts));
    const samr = [...el.querySelectorAll('[data-testid="repair-item"]')].find((i) => i.textContent?.includes('M6'));
    const text = samr?.textContent ?? '';
    expect(text).toContain('市场监管行政处罚信息公示'); // record type
    expect(text).toContain('一般'); // tier "moderate"
    expect(text).toContain('国家企业信用信息公示系统'); // channel
    expect(text).toContain('信用承诺书'); // documents
    expect(text).toContain('对信用修复申请作出决定'); // processing time
    expect(el.textContent).not.toContain('[EN]');
  });

  it('creates the actions once: the button is disabled while pending, and a second click finds them existing', async () => {
    const { fixture, http, el } = await render('en');
    expect(el.textContent).toContain('unconfirmed');
    const button = el.querySelector<HTMLButtonElement>('[data-testid="repair-actions"]') as HTMLButtonElement;
    button.click();
    fixture.detectChanges();
    expect(button.disabled).toBe(true);
    expect(button.textContent).toContain('Creating actions');
    const first = await nextRequest(
      fixture,
      http,
      (r) => r.url === '/api/assessments/a-1/repair-plan/actions' && r.method === 'POST',
    );
    first.flush({ created: [{ id: 'x1' }, { id: 'x2' }], existing: [] });
    await settle(fixture);
    expect(button.disabled).toBe(false);
    expect(el.textContent).toContain('Actions created: 2 · already in the action plan: 0.');
    button.click();
    (await nextRequest(fixture, http, (r) => r.url === '/api/assessments/a-1/repair-plan/actions')).flush({
      created: [],
      existing: [{ id: 'x1' }, { id: 'x2' }],
    });
    await settle(fixture);
    expect(el.textContent).toContain('Actions created: 0 · already in the action plan: 2.');
    http.verify();
  });
});
