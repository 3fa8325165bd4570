import { crc32, deflateSync } from 'node:zlib';
import { ChamberBrandingService } from '@scs/api/chambers';
import {
  createChamberWithAdmin,
  HttpClient,
  registerUser,
  startTestApp,
  type TestApp,
  type TestUser,
} from './support/app';

// Images built in code: a valid PNG of any size (optionally padded with a private chunk) and a real JPEG (Chromium-rendered).
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(width: number, height: number, padTo = 0): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x4e)]);
  const parts = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ];
  const size = parts.reduce((n, p) => n + p.length, 0);
  if (padTo > size + 12) parts.splice(2, 0, chunk('prVt', Buffer.alloc(padTo - size - 12, 1)));
  return Buffer.concat(parts);
}

const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAoAHgDASIAAhEBAxEB/8QAGQABAAMBAQAAAAAAAAAAAAAAAAIEBgUB/8QAKxAAAQMDAgYBAwUAAAAAAAAAAQACAwQFERIhBhMUQVFhMSKBkSQycbHw/8QAGQEBAQEBAQEAAAAAAAAAAAAAAAIBAwQF/8QAHREBAQACAgMBAAAAAAAAAAAAAAECERIxEyFhof/aAAwDAQACEQMRAD8AzaIpwxSTzMhhaXSSODWtHcnYL6DwIIrlytdbapWRV8Bie9upo1B2R/IJUZrbWQW+Gvlh000x0xv1A5O/bOexTcNVVRWhbaw211xEP6VrtBk1D58Yzle19trLdJHHWQ8t0rdbBqDsj7EpuGqqIrlfa623NidWw8rmjUxpe0ux7AOR91TSXZZoREWgiIgIiICIiAtLwLQmpvLqosL20jC8Dy47NH9/hZpdWkvRo7DU22CAtkqXhz5w/fAxtjHrz3KjOWzUVjZLutDxBQXGo4UZU3ODl1lJO4n6g7Uxx9E9yPwp8i2z8D2tt0rH0sQe4tc1hdk5dtsCs5aL4+3xVkNRE6qhqouW5hk0495wfJXlXeep4fo7V0+npnl3M151fPbG3z5UcMuvq+U7aKvhoYOAZmW2qdUwdQDrcwtOcjIwQF3KiC3uu1DLPJGa/psUsUn7dQydR/3YrAtvOnhp9n6fOqXmc3X8fG2MevKlfL4+61VLURwmmfTxhjSJNRyDnOcDCzx2/recipeJK2S6Tm5F3VB2Hg9vQ9eFTXXvd6ZeY4HzUYjrI2hr52v2kHtuNvyuQuuPXtyy7ERFTBERAREQEREBERAREQEREBERAREQEREBERAREQf/2Q==',
  'base64',
);

interface Branding {
  displayName: string;
  contactLine: string | null;
  website: string | null;
  reportLanguage: string;
  customised: boolean;
  logo: { contentType: string; width: number; height: number; size: number; url: string } | null;
}

describe('chamber branding and logo (real PostgreSQL)', () => {
  let t: TestApp;
  let chamber: TestUser;
  const path = () => `/api/orgs/${chamber.orgId}/branding`;

  function upload(bytes: Buffer, name: string, type: string) {
    const form = new FormData();
    form.append('logo', new Blob([new Uint8Array(bytes)], { type }), name);
    return chamber.http.request<Branding & { message: string; errors: Record<string, string> }>(
      'PUT',
      `${path()}/logo`,
      form,
    );
  }

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    chamber = await createChamberWithAdmin(t, { name: 'AHK Branding', adminEmail: 'branding.admin@chamber.test' });
  });
  afterAll(() => t.close());

  it("shows defaults (the chamber's name, German reports, no logo) until branding is saved", async () => {
    const res = await chamber.http.get<Branding>(path());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      displayName: 'AHK Branding',
      contactLine: null,
      website: null,
      reportLanguage: 'de',
      customised: false,
      logo: null,
    });
  });

  it('saves name, contact line, website and report language, with field errors for bad input', async () => {
    const bad = await chamber.http.put<{ errors: Record<string, string> }>(path(), {
      displayName: ' ',
      website: 'javascript:alert(1)',
      reportLanguage: 'fr',
      extra: 1,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['displayName', 'extra', 'reportLanguage', 'website']);
    const res = await chamber.http.put<Branding>(path(), {
      displayName: 'AHK Greater China',
      contactLine: 'Delegation der Deutschen Wirtschaft · info@ahk.test',
      website: 'https://china.ahk.test',
      reportLanguage: 'en',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      displayName: 'AHK Greater China',
      website: 'https://china.ahk.test',
      reportLanguage: 'en',
      customised: true,
    });
    const cleared = await chamber.http.put<Branding>(path(), {
      displayName: 'AHK Greater China',
      contactLine: '',
      website: null,
      reportLanguage: 'en',
    });
    expect(cleared.body).toMatchObject({ contactLine: null, website: null });
  });

  it('accepts a PNG logo and serves it back with its checked type, nosniff and a locked-down CSP', async () => {
    const res = await upload(png(240, 80), 'logo.png', 'image/png');
    expect(res.status).toBe(200);
    expect(res.body.logo).toMatchObject({ contentType: 'image/png', width: 240, height: 80 });
    const img = await fetch(t.url + res.body.logo!.url);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect(img.headers.get('x-content-type-options')).toBe('nosniff');
    expect(img.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(Buffer.from(await img.arrayBuffer()).equals(png(240, 80))).toBe(true);
    const etag = img.headers.get('etag')!;
    expect((await fetch(t.url + res.body.logo!.url, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('accepts a JPEG logo (even when named .png: the content decides)', async () => {
    const res = await upload(JPEG, 'logo.png', 'image/png');
    expect(res.status).toBe(200);
    expect(res.body.logo).toMatchObject({ contentType: 'image/jpeg', width: 120, height: 40, size: JPEG.length });
    const img = await fetch(t.url + res.body.logo!.url);
    expect(img.headers.get('content-type')).toBe('image/jpeg');
  });

  it('rejects an SVG with a clear 400', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>',
    );
    const res = await upload(svg, 'logo.svg', 'image/svg+xml');
    expect(res.status).toBe(400);
    expect(res.body.errors['logo']).toBe(
      'SVG images are not accepted (they can contain scripts); upload a PNG or JPEG',
    );
  });

  it('rejects a renamed executable with a clear 400', async () => {
    const exe = Buffer.concat([
      Buffer.from('MZ'),
      Buffer.alloc(100),
      Buffer.from('This program cannot be run in DOS mode.'),
    ]);
    const res = await upload(exe, 'logo.png', 'image/png');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('This is a Windows program, not an image; upload a PNG or JPEG');
  });

  it('rejects a logo over 512 KB with 413, and the stored logo stays', async () => {
    const res = await upload(png(100, 100, 600 * 1024), 'big.png', 'image/png');
    expect(res.status).toBe(413);
    expect(res.body.message).toBe('The logo is 600 KB; at most 512 KB are accepted');
    expect((await chamber.http.get<Branding>(path())).body.logo?.contentType).toBe('image/jpeg');
    const huge = await upload(Buffer.alloc(9 * 1024 * 1024, 1), 'huge.png', 'image/png');
    expect(huge.status).toBe(413);
    expect(huge.body.message).toMatch(/at most 512 KB/);
  });

  it('asks for a file when none is sent', async () => {
    const res = await chamber.http.request<{ message: string }>('PUT', `${path()}/logo`, new FormData());
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/Choose a PNG or JPEG file/);
  });

  it("only the chamber's own people see or change its branding; the logo itself is public", async () => {
    const firm = await registerUser(t.url, { email: 'nosy@firm.test', firmName: 'Nosy Ltd.' });
    expect([403, 404]).toContain((await firm.http.get(path())).status);
    expect([403, 404]).toContain(
      (await firm.http.put(path(), { displayName: 'Hijacked', reportLanguage: 'de' })).status,
    );
    expect((await new HttpClient(t.url).get(`/api/chambers/${chamber.orgId}/logo`)).status).toBe(200);
    expect((await new HttpClient(t.url).get(`/api/chambers/${firm.orgId}/logo`)).status).toBe(404);
  });

  it("gives the chamber's distributed reports its own branding (name, language, logo bytes)", async () => {
    // A firm's own reports carry no chamber branding (tests/api/src/chambers-reports.int-spec.ts); only reports the
    // chamber prepares and distributes do, with this branding.
    const branding = await t.app.get(ChamberBrandingService).brandingOfChamber(chamber.orgId);
    expect(branding).toMatchObject({
      chamberId: chamber.orgId,
      name: 'AHK Greater China',
      reportLanguage: 'en',
      logo: { contentType: 'image/jpeg', width: 120, height: 40 },
    });
    expect(branding?.logo?.bytes.equals(JPEG)).toBe(true);
  });

  it('removes the logo', async () => {
    expect((await chamber.http.delete(`${path()}/logo`)).status).toBe(204);
    expect((await chamber.http.get<Branding>(path())).body.logo).toBeNull();
    expect((await new HttpClient(t.url).get(`/api/chambers/${chamber.orgId}/logo`)).status).toBe(404);
  });
});
