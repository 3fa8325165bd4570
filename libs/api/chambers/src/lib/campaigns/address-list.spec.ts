import { AddressListError, decodeUpload, parseAddressList } from './address-list';

async function errorOf(fn: () => unknown): Promise<AddressListError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AddressListError) return e;
    throw e;
  }
  throw new Error('expected an AddressListError');
}

describe('parseAddressList', () => {
  it('reads one address per line, lower-cases them and merges duplicates', async () => {
    const list = await parseAddressList('Anna@Firm-A.de\nbob@firm-b.com\r\nanna@firm-a.de\n\n  bob@firm-b.com  \n');
    expect(list).toMatchObject({ addresses: ['anna@firm-a.de', 'bob@firm-b.com'], duplicates: 2, rejected: [] });
  });

  it('lists invalid entries with their line and a reason', async () => {
    const list = await parseAddressList(
      [
        'ok@firm.de',
        'no-at-sign',
        'two@@firm.de',
        'local@nodot',
        '@firm.de',
        'x'.repeat(250) + '@firm.de',
        'fine@firm.cn',
      ].join('\n'),
    );
    expect(list.addresses).toEqual(['ok@firm.de', 'fine@firm.cn']);
    expect(list.rejected).toEqual([
      { line: 2, value: 'no-at-sign', reason: 'Not an email address' },
      { line: 3, value: 'two@@firm.de', reason: 'More than one @' },
      { line: 4, value: 'local@nodot', reason: 'The domain has no dot (e.g. example.com)' },
      { line: 5, value: '@firm.de', reason: 'Nothing before the @' },
      { line: 6, value: expect.stringMatching(/^x+/), reason: 'Longer than 254 characters' },
    ]);
  });

  it('uses the email column named in a header row and ignores the other columns', async () => {
    const csv = 'Firma;E-Mail;Vertreter\n"Muster GmbH; Suzhou";info@muster.de;cc@muster.de\nLeer GmbH;;x@y.de\n';
    const list = await parseAddressList(csv);
    expect(list.addresses).toEqual(['info@muster.de']);
    expect(list.rejected).toEqual([{ line: 3, value: '', reason: 'No email address in the email column' }]);
  });

  it('without an email column takes every address and ignores names; understands "Name <address>" and mailto:', async () => {
    const list = await parseAddressList(
      'Anna Schmidt <anna@a.de>, "Meier, Bob" <bob@b.de>; mailto:carl@c.de\nSuzhou Works,dora@d.de',
    );
    expect(list.addresses).toEqual(['anna@a.de', 'bob@b.de', 'carl@c.de', 'dora@d.de']);
  });

  it('counts line numbers across quoted line breaks', async () => {
    const list = await parseAddressList('email,note\na@a.de,"two\nlines"\nbroken\n');
    expect(list.rejected).toEqual([{ line: 4, value: 'broken', reason: 'Not an email address' }]);
  });

  it('refuses malformed CSV (an unclosed quote) as a whole, naming the line', async () => {
    const e = await errorOf(() => parseAddressList('a@a.de\n"b@b.de\nc@c.de'));
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/quote opened on line 2 is never closed; nothing was imported/);
  });

  it('refuses more entries than the limit with 413 and imports nothing', async () => {
    const text = Array.from({ length: 11 }, (_, i) => `firm${i}@example.de`).join('\n');
    const e = await errorOf(() => parseAddressList(text, 10));
    expect(e.status).toBe(413);
    expect(e.message).toBe(
      'This list has 11 entries; at most 10 can be invited at once. Split it into smaller lists; nothing was imported.',
    );
    expect((await parseAddressList(text, 11)).addresses).toHaveLength(11);
  });

  it('refuses an empty list', async () => {
    expect((await errorOf(() => parseAddressList('\n \n'))).message).toMatch(/The list is empty/);
  });
});

describe('decodeUpload', () => {
  it('decodes UTF-8 (with BOM), UTF-16 and Windows-1252 text', async () => {
    expect(decodeUpload(Buffer.from('\uFEFFa@b.de\n', 'utf8'))).toBe('a@b.de\n');
    expect(decodeUpload(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Müller;m@b.de', 'utf16le')]))).toBe(
      'Müller;m@b.de',
    );
    expect(decodeUpload(Buffer.from('M\xfcller;m@b.de', 'latin1'))).toBe('Müller;m@b.de');
  });

  it('refuses Excel workbooks, PDFs, programs and other binary files with a clear message', async () => {
    expect((await errorOf(() => decodeUpload(Buffer.from('PK\x03\x04xl/workbook.xml', 'latin1')))).message).toMatch(
      /not a CSV file but an Excel workbook.*CSV UTF-8/,
    );
    expect((await errorOf(() => decodeUpload(Buffer.from('%PDF-1.7')))).message).toMatch(/PDF/);
    expect((await errorOf(() => decodeUpload(Buffer.from('MZ\x90\x00')))).message).toMatch(/a program/);
    expect((await errorOf(() => decodeUpload(Buffer.from([1, 2, 3, 0, 0, 5, 6, 7, 0, 9])))).message).toMatch(
      /not a text \(CSV\) file/,
    );
    expect((await errorOf(() => decodeUpload(Buffer.alloc(0)))).message).toMatch(/empty/);
  });
});
