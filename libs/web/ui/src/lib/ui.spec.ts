import { TestBed } from '@angular/core/testing';
import { DimensionChartComponent } from './dimension-chart.component';
import { LevelBadgeComponent, formatScore } from './level-badge.component';
import { formatLocalDate } from './local-date.pipe';

describe('formatScore', () => {
  it('shows at most one decimal and no trailing ".0"', () => {
    expect(formatScore(42)).toBe('42');
    expect(formatScore(42.35)).toBe('42.4');
    expect(formatScore(0)).toBe('0');
  });

  it('writes the decimal separator of the UI language (German: 36,2), given or from <html lang>', () => {
    expect(formatScore(36.2, 'de')).toBe('36,2');
    expect(formatScore(36.2, 'en')).toBe('36.2');
    expect(formatScore(1234.5, 'de')).toBe('1234,5');
    document.documentElement.lang = 'de';
    try {
      expect(formatScore(42.35)).toBe('42,4');
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('keeps exactly one decimal where asked, for columns of scores read against each other', () => {
    expect(formatScore(74, 'de', true)).toBe('74,0');
    expect(formatScore(41.44, 'de', true)).toBe('41,4');
    expect(formatScore(74, 'en', true)).toBe('74.0');
    expect(formatScore(74, 'de')).toBe('74'); // the default is unchanged
  });
});

describe('formatLocalDate', () => {
  it('keeps a calendar date on its day and formats it in the UI language', () => {
    // German dates as a German office writes them (dd.MM.yyyy), English with the month's short name.
    expect(formatLocalDate('2026-04-01', 'de')).toBe('01.04.2026');
    expect(formatLocalDate('2026-12-05T14:30:00', 'de', 'datetime')).toBe('05.12.2026, 14:30');
    expect(formatLocalDate('2026-04-01', 'en')).toBe('1 Apr 2026');
    expect(formatLocalDate(null, 'en')).toBe('');
  });
});

describe('LevelBadgeComponent', () => {
  it('shows the label, the score out of 100 and a class per level', async () => {
    const fixture = TestBed.createComponent(LevelBadgeComponent);
    fixture.componentRef.setInput('level', 'moderate');
    fixture.componentRef.setInput('label', 'Mäßig');
    fixture.componentRef.setInput('score', 37.25);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent?.replace(/\s+/g, ' ').trim()).toBe('Mäßig 37.3 / 100');
    expect(el.querySelector('.badge')?.classList).toContain('level-bg-moderate');
  });
});

describe('DimensionChartComponent', () => {
  // The first run compiles echarts for Jest (about 20 s); cached runs take a second.
  jest.setTimeout(90_000);

  it('loads echarts on demand and draws an SVG bar chart with a text alternative', async () => {
    const fixture = TestBed.createComponent(DimensionChartComponent);
    fixture.componentRef.setInput('categories', ['D1 Tax', 'D2 Customs']);
    fixture.componentRef.setInput('series', [{ name: 'Score', values: [12.5, 80], levels: ['low', 'critical'] }]);
    fixture.componentRef.setInput('summary', 'D1 Tax: 12.5; D2 Customs: 80');
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    for (let i = 0; i < 50 && !el.querySelector('svg'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(el.getAttribute('role')).toBe('img');
    expect(el.getAttribute('aria-label')).toBe('D1 Tax: 12.5; D2 Customs: 80');
    expect(el.querySelector('svg')).not.toBeNull();
    expect(el.textContent).toContain('D2 Customs');
  });
});

describe('Chinese formats', () => {
  it('writes dates the mainland way and decimals with a point', () => {
    expect(formatLocalDate('2026-12-05', 'zh')).toBe('2026年12月5日');
    expect(formatLocalDate('2026-12-05', 'zh-CN')).toBe('2026年12月5日');
    expect(formatScore(36.25, 'zh-CN')).toBe('36.3');
  });
});
