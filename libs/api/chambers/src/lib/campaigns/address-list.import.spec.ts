import { parseAddressList } from './address-list';
import { ENGLISH_CRM_EXPORT, GERMAN_EXCEL_EXPORT, GERMAN_MEMBERS } from '@scs/shared/testing';

describe('parseAddressList on real member lists (issue 16)', () => {
  it('reads a German Excel export (BOM, CRLF, ";", unquoted "Co., Ltd.", a quoted ";") without losing a member', async () => {
    const list = await parseAddressList(GERMAN_EXCEL_EXPORT);
    expect(list.addresses).toEqual(GERMAN_MEMBERS);
    expect(list.duplicates).toBe(1);
    expect(list.rejected).toEqual([
      { line: 15, value: 'eva.falsch(at)falsch-partner.de', reason: 'Not an email address' },
    ]);
  });

  it('maps company and contact by their German column names', async () => {
    const list = await parseAddressList(GERMAN_EXCEL_EXPORT);
    expect(list.rows[0]).toEqual({
      line: 2,
      company: 'Muster Maschinenbau (Suzhou) Co., Ltd.',
      contact: 'Hans Müller',
      email: 'h.mueller@muster-suzhou.cn',
    });
    expect(list.rows[4]).toEqual({
      line: 6,
      company: 'Nordlicht Logistik GmbH; Niederlassung Qingdao',
      contact: 'Anke Jansen',
      email: 'a.jansen@nordlicht-logistik.de',
    });
    expect(list.duplicateRows).toEqual([{ line: 16, email: 'h.mueller@muster-suzhou.cn', firstLine: 2 }]);
  });

  it('reads an English comma-separated export with quoted names containing commas', async () => {
    const list = await parseAddressList(ENGLISH_CRM_EXPORT);
    expect(list.rejected).toEqual([]);
    expect(list.rows).toEqual([
      {
        line: 2,
        company: 'Acme Industrial (Dalian) Co., Ltd.',
        contact: 'John Smith',
        email: 'john.smith@acme-dalian.cn',
      },
      { line: 3, company: 'Globex Trading, Inc.', contact: 'Doe, Jane', email: 'jane.doe@globex.com' },
      { line: 4, company: 'Initech GmbH', contact: 'Peter Gibbons', email: 'peter@initech.de' },
    ]);
  });

  it('detects a tab-separated header without an email column name by the column that holds addresses', async () => {
    const list = await parseAddressList(
      'Unternehmen\tKontakt\tAdresse elektronisch\nMuster, Co., Ltd.\tAnna\tanna@muster.cn\n',
    );
    expect(list.rows).toEqual([{ line: 2, company: 'Muster, Co., Ltd.', contact: 'Anna', email: 'anna@muster.cn' }]);
  });

  it('still reads a plain paste with one address per line', async () => {
    const list = await parseAddressList('anna@firm-a.de\r\nbob@firm-b.com\n\ncarl@firm-c.cn\n');
    expect(list.addresses).toEqual(['anna@firm-a.de', 'bob@firm-b.com', 'carl@firm-c.cn']);
    expect(list.rows[2]).toEqual({ line: 4, company: '', contact: '', email: 'carl@firm-c.cn' });
    expect(list.rejected).toEqual([]);
  });

  it('maps "Unternehmen", "Name des Ansprechpartners" and "E-Mail-Adresse" and reads two addresses in one quoted cell', async () => {
    const list = await parseAddressList(
      'Unternehmen;Name des Ansprechpartners;E-Mail-Adresse\r\n"Zwei, Co., Ltd.";Kim Lee;"a@zwei.cn; b@zwei.cn"\r\n',
    );
    expect(list.rows).toEqual([
      { line: 2, company: 'Zwei, Co., Ltd.', contact: 'Kim Lee', email: 'a@zwei.cn' },
      { line: 2, company: 'Zwei, Co., Ltd.', contact: 'Kim Lee', email: 'b@zwei.cn' },
    ]);
  });
});
