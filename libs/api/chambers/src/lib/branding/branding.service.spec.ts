import { JPEG_LOGO } from '../../testing/images';
import { toReportBranding } from './branding.service';

describe('toReportBranding', () => {
  it('inlines the logo as a data URI and joins contact line and website', () => {
    const b = toReportBranding({
      chamberId: 'c1',
      name: 'AHK Greater China',
      contactLine: 'Shanghai · +86 21 1234',
      website: 'https://china.ahk.de',
      reportLanguage: 'de',
      benchmarkIntro: null,
      logo: { contentType: 'image/jpeg', bytes: JPEG_LOGO, width: 120, height: 40 },
    });
    expect(b).toEqual({
      chamberName: 'AHK Greater China',
      logoDataUri: `data:image/jpeg;base64,${JPEG_LOGO.toString('base64')}`,
      contactLine: 'Shanghai · +86 21 1234 · https://china.ahk.de',
    });
  });

  it('leaves out what the chamber did not set', () => {
    expect(
      toReportBranding({
        chamberId: 'c1',
        name: 'Kammer',
        contactLine: null,
        website: null,
        reportLanguage: 'en',
        benchmarkIntro: null,
        logo: null,
      }),
    ).toEqual({ chamberName: 'Kammer' });
  });
});
