import { deflateSync } from 'node:zlib';
import { evidenceFilename, inspectEvidence } from './evidence-file';
import { minimalJpeg, minimalPdf, minimalPng } from '@scs/shared/testing';

describe('inspectEvidence', () => {
  it('accepts a PDF, a PNG and a JPEG by their content', () => {
    expect(inspectEvidence(minimalPdf())).toEqual({ ok: true, type: 'application/pdf', extension: 'pdf' });
    expect(inspectEvidence(minimalPng())).toEqual({ ok: true, type: 'image/png', extension: 'png' });
    expect(inspectEvidence(minimalJpeg())).toEqual({ ok: true, type: 'image/jpeg', extension: 'jpg' });
  });

  it('refuses SVG with a script, HTML and empty files', () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(inspectEvidence(svg)).toEqual({ ok: false, problem: 'unknownType' });
    expect(inspectEvidence(Buffer.from('<!doctype html><p>hi'))).toEqual({ ok: false, problem: 'unknownType' });
    expect(inspectEvidence(Buffer.alloc(0))).toEqual({ ok: false, problem: 'empty' });
  });

  it('refuses a PDF that is also an HTML page, runs JavaScript or is cut off', () => {
    const pdf = minimalPdf().toString('latin1');
    expect(
      inspectEvidence(Buffer.from(pdf.replace('%%EOF', '<html><script>alert(1)</script></html>\n%%EOF'), 'latin1')),
    ).toEqual({
      ok: false,
      problem: 'markup',
    });
    expect(
      inspectEvidence(
        Buffer.from(
          pdf.replace('/Type /Catalog', '/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>'),
          'latin1',
        ),
      ),
    ).toEqual({
      ok: false,
      problem: 'activePdf',
    });
    expect(inspectEvidence(minimalPdf().subarray(0, 200))).toEqual({ ok: false, problem: 'truncatedPdf' });
  });

  it('refuses a JPEG or PNG with a ZIP or HTML appended', () => {
    const zip = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      deflateSync('x'),
      Buffer.from([0x50, 0x4b, 0x05, 0x06]),
      Buffer.alloc(18),
    ]);
    expect(inspectEvidence(Buffer.concat([minimalJpeg(), zip]))).toEqual({ ok: false, problem: 'trailingData' });
    expect(inspectEvidence(Buffer.concat([minimalJpeg(), Buffer.from('<html><script>x</script></html>')]))).toEqual({
      ok: false,
      problem: 'trailingData',
    });
    // Appended data that ends in EOI again still carries the archive or the markup.
    expect(inspectEvidence(Buffer.concat([minimalJpeg(), zip, Buffer.from([0xff, 0xd9])]))).toEqual({
      ok: false,
      problem: 'archive',
    });
    expect(inspectEvidence(Buffer.concat([minimalPng(), Buffer.from('<script>x</script>')]))).toEqual({
      ok: false,
      problem: 'trailingData',
    });
  });

  it('refuses a PNG whose first chunk is not IHDR', () => {
    const png = minimalPng();
    png.write('IHDX', 12, 'latin1');
    expect(inspectEvidence(png)).toEqual({ ok: false, problem: 'brokenPng' });
  });
});

describe('evidenceFilename', () => {
  it('keeps a Chinese stem and uses the detected extension', () => {
    expect(evidenceFilename('专项信用报告.exe', 'pdf')).toBe('专项信用报告.pdf');
    expect(evidenceFilename('"; rm -rf /.svg', 'png')).toBe('rm-rf.png');
  });
});
