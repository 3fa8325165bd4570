/**
 * Member lists as chambers really export them (issue 16), for the address-list import (unit spec, integration test):
 * German Excel ("CSV (Trennzeichen-getrennt)") writes `;`, CRLF and a BOM and quotes only cells holding a `;`; an
 * English CRM export writes `,` and quotes names with commas.
 */
export const GERMAN_EXCEL_EXPORT =
  '\uFEFF' +
  [
    'Firma;Ansprechpartner;E-Mail;Telefon',
    'Muster Maschinenbau (Suzhou) Co., Ltd.;Hans Müller;h.mueller@muster-suzhou.cn;+86 512 1234 5678',
    'Beispiel Automotive (Shanghai) Co., Ltd.;Petra Schäfer;p.schaefer@beispiel-sh.cn;+86 21 5555 0101',
    'Schwäbische Präzisionsteile GmbH;Jürgen Weiß;j.weiss@praezision.de;07031 123456',
    'Rhein Chemie (Tianjin) Co., Ltd.;Li Wei;li.wei@rheinchemie-tj.cn;',
    '"Nordlicht Logistik GmbH; Niederlassung Qingdao";Anke Jansen;a.jansen@nordlicht-logistik.de;0421 987654',
    'Bayern Elektronik (Shenzhen) Co., Ltd.;Zhang Min;zhang.min@bayern-elektronik.cn;+86 755 8888 1234',
    'Hanse Handelskontor GmbH & Co. KG;Sönke Petersen;s.petersen@hanse-handel.de;040 1234567',
    'Alpen Medizintechnik (Beijing) Co., Ltd.;Wang Fang;wang.fang@alpen-med.cn;+86 10 6666 7777',
    'Ostwestfalen Antriebe GmbH;Dr. Claudia Brinkmann;c.brinkmann@owl-antriebe.de;05241 55555',
    'Sächsische Textil (Wuxi) Co., Ltd.;Frank Richter;f.richter@saechsische-textil.cn;',
    'Kölner Verpackung AG;Maria Schmitz;m.schmitz@koelner-verpackung.de;0221 44444',
    'Pfalz Werkzeugbau (Ningbo) Co., Ltd.;Chen Jie;chen.jie@pfalz-werkzeug.cn;+86 574 3333 2222',
    'Berliner Software Solutions GmbH;Tobias Krüger;t.krueger@berliner-software.de;030 777777',
    'Falsch & Partner GmbH;Eva Falsch;eva.falsch(at)falsch-partner.de;0711 1111',
    'Muster Maschinenbau (Suzhou) Co., Ltd.;Hans Müller;H.Mueller@muster-suzhou.cn;+86 512 1234 5678',
  ].join('\r\n') +
  '\r\n';

/** The 13 members with a usable address, in file order. */
export const GERMAN_MEMBERS = [
  'h.mueller@muster-suzhou.cn',
  'p.schaefer@beispiel-sh.cn',
  'j.weiss@praezision.de',
  'li.wei@rheinchemie-tj.cn',
  'a.jansen@nordlicht-logistik.de',
  'zhang.min@bayern-elektronik.cn',
  's.petersen@hanse-handel.de',
  'wang.fang@alpen-med.cn',
  'c.brinkmann@owl-antriebe.de',
  'f.richter@saechsische-textil.cn',
  'm.schmitz@koelner-verpackung.de',
  'chen.jie@pfalz-werkzeug.cn',
  't.krueger@berliner-software.de',
];

export const ENGLISH_CRM_EXPORT = [
  'Company,Contact,Email',
  '"Acme Industrial (Dalian) Co., Ltd.",John Smith,john.smith@acme-dalian.cn',
  '"Globex Trading, Inc.","Doe, Jane",jane.doe@globex.com',
  'Initech GmbH,Peter Gibbons,peter@initech.de',
].join('\n');
