import { readCatalogue } from '../testing/read-catalogue';
import { exampleReportData } from './data/example';
import { reportFilename, slug } from './kinds/firm-report';

describe('report file names', () => {
  it('turns firm names into ASCII slugs', () => {
    expect(slug('Musterwerk Präzisionsteile (Taicang) Co., Ltd.')).toBe('musterwerk-praezisionsteile-taicang-co-ltd');
    expect(slug('Größe & Söhne GmbH')).toBe('groesse-soehne-gmbh');
    expect(slug('Café Crème')).toBe('cafe-creme');
    expect(slug('苏州精密制造有限公司')).toBe('firm');
    expect(slug('"; rm -rf / #')).toBe('rm-rf');
    expect(slug('a'.repeat(100))).toHaveLength(60);
  });

  it('names the file after firm, assessment date and language', () => {
    const data = exampleReportData(readCatalogue(), { locale: 'de' });
    expect(reportFilename(data)).toBe('SCS-Check_musterwerk-praezisionsteile-taicang-co-ltd_2026-05-04_de.pdf');
  });
});
