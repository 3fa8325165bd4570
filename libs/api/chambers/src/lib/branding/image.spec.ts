import { EXE_BYTES, JPEG_LOGO, pngImage, SVG_LOGO } from '../../testing/images';
import { inspectLogo, LOGO_MAX_BYTES } from './image';

describe('inspectLogo (decides by content, never by name)', () => {
  it('accepts a PNG and reads its size from the header', () => {
    expect(inspectLogo(pngImage(120, 40))).toEqual({ ok: true, type: 'image/png', width: 120, height: 40 });
  });

  it('accepts a JPEG and reads its size from the frame header', () => {
    expect(inspectLogo(JPEG_LOGO)).toEqual({ ok: true, type: 'image/jpeg', width: 120, height: 40 });
  });

  it('rejects SVG, naming why', () => {
    expect(inspectLogo(SVG_LOGO)).toEqual({ ok: false, problem: expect.stringMatching(/SVG images are not accepted/) });
    expect(inspectLogo(Buffer.from('\uFEFF  <svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/SVG/),
    });
  });

  it('rejects a renamed Windows executable', () => {
    expect(inspectLogo(EXE_BYTES)).toEqual({ ok: false, problem: expect.stringMatching(/Windows program/) });
  });

  it('rejects files over 512 KB even when they are valid images', () => {
    const big = pngImage(120, 40, LOGO_MAX_BYTES + 10);
    expect(big.length).toBeGreaterThan(LOGO_MAX_BYTES);
    expect(inspectLogo(big)).toEqual({ ok: false, problem: expect.stringMatching(/at most 512 KB/) });
    expect(inspectLogo(pngImage(120, 40, LOGO_MAX_BYTES))).toMatchObject({ ok: true });
  });

  it('rejects a PNG signature followed by garbage, a bad checksum, a truncated file and data after the end', () => {
    const png = pngImage(10, 10);
    expect(
      inspectLogo(Buffer.concat([png.subarray(0, 8), Buffer.from('not really a png at all, sorry')])),
    ).toMatchObject({ ok: false, problem: expect.stringMatching(/PNG file is damaged/) });
    const flipped = Buffer.from(png);
    flipped[20] ^= 0xff;
    expect(inspectLogo(flipped)).toMatchObject({ ok: false, problem: expect.stringMatching(/checksum/) });
    expect(inspectLogo(png.subarray(0, png.length - 6))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/damaged/),
    });
    expect(inspectLogo(Buffer.concat([png, Buffer.from('<script>alert(1)</script>')]))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/extra data/),
    });
  });

  it('rejects a JPEG without its end marker and one without a frame header', () => {
    expect(inspectLogo(JPEG_LOGO.subarray(0, JPEG_LOGO.length - 2))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/end-of-image/),
    });
    expect(inspectLogo(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/damaged/),
    });
  });

  it('rejects huge dimensions, empty files, GIF and text', () => {
    expect(inspectLogo(pngImage(5000, 1))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/at most 4096 pixels/),
    });
    expect(inspectLogo(Buffer.alloc(0))).toEqual({ ok: false, problem: 'The file is empty' });
    expect(inspectLogo(Buffer.from('GIF89a....'))).toMatchObject({ ok: false, problem: expect.stringMatching(/GIF/) });
    expect(inspectLogo(Buffer.from('hello'))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/not a PNG or JPEG/),
    });
  });
});
