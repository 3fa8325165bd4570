import type { PortfolioEntity, PortfolioView } from '@scs/shared/contracts';
import { heatMapSvg, renderGroupPortfolioHtml, type GroupPortfolioData } from './group-portfolio.template';

function entity(overrides: Partial<PortfolioEntity> = {}): PortfolioEntity {
  return {
    linkId: '00000000-0000-4000-8000-000000000001',
    orgId: '00000000-0000-4000-8000-000000000002',
    name: 'Muster (Suzhou) Co., Ltd.',
    uscc: '91310000MA1FL0XXX3',
    provinces: ['JS'],
    legalForm: 'wfoe',
    answersGranted: false,
    assessmentId: '00000000-0000-4000-8000-000000000003',
    score: 36.25,
    level: 'moderate',
    provisional: false,
    cells: [
      { code: 'D1', score: 12.5, level: 'low' },
      { code: 'D2', score: 80, level: 'critical' },
    ],
    actions: { open: 3, overdue: 1 },
    repairs: { open: 1, overdue: 0, nextDue: '2027-03-01' },
    lastSubmittedAt: '2026-12-05T10:00:00.000Z',
    nextDue: '2027-12-05',
    reassessmentOverdue: false,
    ...overrides,
  };
}

function portfolio(entities: PortfolioEntity[]): PortfolioView {
  return {
    groupOrgId: '00000000-0000-4000-8000-000000000009',
    dimensions: [
      { code: 'D1', title: { en: 'Tax', de: 'Steuern', zh: '税务' } },
      { code: 'D2', title: { en: 'Customs', de: 'Zoll', zh: '海关' } },
    ],
    entities,
    provinces: ['JS'],
    legalForms: ['wfoe'],
    asOf: '2026-12-06',
  };
}

function data(locale: 'en' | 'de' | 'zh', entities = [entity()]): GroupPortfolioData {
  return {
    locale,
    groupName: 'Muster Holding GmbH',
    generatedAt: '2026-12-06T08:00:00.000Z',
    portfolio: portfolio(entities),
  };
}

describe('group portfolio template', () => {
  it('prints entity names, levels and dimension titles in German with German number and date formats', () => {
    const page = renderGroupPortfolioHtml(data('de'));
    expect(page).toContain('Gruppenportfolio: Muster Holding GmbH');
    expect(page).toContain('Muster (Suzhou) Co., Ltd.');
    expect(page).toContain('Mittel');
    expect(page).toContain('36,3');
    expect(page).toContain('Steuern');
    expect(page).toContain('05.12.2026');
    expect(page).toContain('1 verbundene Gesellschaft');
    expect(page).toContain('3 offen, 1 überfällig');
  });

  it('prints English labels and dates', () => {
    const page = renderGroupPortfolioHtml(data('en'));
    expect(page).toContain('Group portfolio: Muster Holding GmbH');
    expect(page).toContain('Moderate');
    expect(page).toContain('5 Dec 2026');
    expect(page).toContain('1 open, next deadline 1 Mar 2027');
  });

  it('prints Chinese labels, dimension names and dates (2026年12月5日), marked as Simplified Chinese', () => {
    const page = renderGroupPortfolioHtml(data('zh'));
    expect(page).toContain('<html lang="zh-Hans">');
    expect(page).toContain('集团组合: Muster Holding GmbH');
    expect(page).toContain('中');
    expect(page).toContain('税务');
    expect(page).toContain('总体风险敞口');
    expect(page).toContain('2026年12月5日');
    expect(page).toContain('1 个已关联主体');
    expect(page).toContain('3 项未完成，1 项逾期');
    expect(page).toContain('1 项未完成，下一截止日期 2027年3月1日');
    expect(page).not.toContain('Moderate');
  });

  it('escapes names from user input in the page and in the heat map', () => {
    const hostile = entity({ name: '<script>alert(1)</script> & Co' });
    const page = renderGroupPortfolioHtml(data('en', [hostile]));
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
  });

  it('draws one coloured cell per entity and dimension plus the overall score, grey where nothing is scored', () => {
    const svg = heatMapSvg(
      portfolio([entity(), entity({ name: 'No check yet', level: null, score: null, cells: [] })]),
      'en',
    ).value;
    expect(svg.match(/<rect /g)).toHaveLength(6);
    expect(svg).toContain('#b71c1c'); // critical D2
    expect(svg.match(/#eceff1/g)).toHaveLength(3);
  });

  it('says when no entity is linked', () => {
    expect(renderGroupPortfolioHtml(data('de', []))).toContain(
      'Mit dieser Gruppe ist noch keine Gesellschaft verbunden.',
    );
  });
});
