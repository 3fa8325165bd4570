import { recordsAnswer } from '@scs/shared/answers';
import { projectExposure, repairPlan } from '@scs/shared/scoring';
import { readCatalogue } from '../../testing/read-catalogue';
import { exampleReportData, EXAMPLE_PROFILE } from '../data/example';
import { repairPlanData } from '../data/repair-plan.builder';
import { renderReportHtml } from './report.template';

describe('report template: credit-repair plan and projected exposure', () => {
  const catalogue = readCatalogue('2026.2');
  const answers = {
    T2: recordsAnswer([{ decided: '2026-06', tier: 'direct_d_lower', status: 'open' as const }]),
    M6: recordsAnswer([{ decided: '2026-04', tier: 'moderate', status: 'open' as const }]),
  };
  const input = {
    asOf: '2026-12',
    repairPlan: repairPlan(catalogue, answers, '2026-12'),
    projection: projectExposure(catalogue, EXAMPLE_PROFILE, answers, '2026-12'),
  };
  const render = (locale: 'en' | 'de') =>
    renderReportHtml({
      ...exampleReportData(catalogue, { locale }),
      repairPlan: repairPlanData(catalogue, locale, input),
    });

  it('prints the plan with dates, tier, channel, documents and processing times, and the projection as SVG (German)', () => {
    const html = render('de');
    expect(html).toContain('Plan zur Kreditwiederherstellung');
    for (const label of [
      'Entscheidungsdatum',
      'Stufe',
      'Frühester Antragstermin',
      'Automatisches Ende',
      'Antragsweg',
      'Unterlagen',
      'Bearbeitungszeiten',
    ])
      expect(html).toContain(label);
    expect(html).toContain('April 2026');
    expect(html).toContain('Vertrauenszusage');
    expect(html).toMatch(/\d+ Arbeitstage/);
    expect(html).toContain('class="badge unconfirmed">unbestätigt<');
    expect(html).toContain('Voraussichtliche Betroffenheit (nächste 36 Monate)');
    expect(html).toMatch(/<div class="chart projection-chart"><svg/);
  });

  it('prints the plan in English', () => {
    const html = render('en');
    expect(html).toContain('Credit-repair plan');
    expect(html).toContain('Earliest repair date');
    expect(html).toContain('class="badge unconfirmed">unconfirmed<');
    expect(html).toContain('Projected exposure (next 36 months)');
  });

  it('has no repair section without dated records', () => {
    expect(renderReportHtml(exampleReportData(catalogue, { locale: 'en' }))).not.toContain('Credit-repair plan');
  });
});
