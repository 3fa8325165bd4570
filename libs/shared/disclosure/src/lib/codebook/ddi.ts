import type { Text } from '@scs/shared/catalogue';
import type { Codebook, ValueLabel } from './variables';

// The codebook as DDI-Codebook XML, the machine-readable standard of social-science data archives.

/** XML 1.0 text: escapes markup and drops characters XML cannot carry. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(s: string): string {
  return s
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The DDI-Codebook 2.6 namespace (2.6 moved off 2.5's `ddi:codebook:2_5`; its schema fixes version="2.6"). */
export const DDI_NAMESPACE = 'ddi:codebook:2_6';

/**
 * DDI-Codebook 2.6: document and study description, the file (name, type, number of variables) and one <var> per
 * variable, children in the schema's order: labl, qstn, valrng (numeric range), universe, catgry (values, then the
 * missing codes with missing="Y"), derivation, varFormat, notes. Labels in en and de.
 */
export function codebookDdi(cb: Codebook): string {
  const x = escapeXml;
  const langs = (tag: string, text: Text, attrs = '') =>
    `<${tag}${attrs} xml:lang="en">${x(text.en)}</${tag}><${tag}${attrs} xml:lang="de">${x(text.de)}</${tag}>`;
  const cat = (v: ValueLabel, missing: boolean) =>
    `<catgry${missing ? ' missing="Y"' : ''}><catValu>${x(v.code)}</catValu>${langs('labl', v.label)}</catgry>`;
  const vars = cb.variables
    .map((v, i) => {
      const parts = [
        langs('labl', v.label),
        v.question
          ? `<qstn xml:lang="en"><qstnLit>${x(v.question.en)}</qstnLit></qstn><qstn xml:lang="de"><qstnLit>${x(v.question.de)}</qstnLit></qstn>`
          : '',
        v.range ? `<valrng><range min="${v.range.min}" max="${v.range.max}"/></valrng>` : '',
        langs('universe', v.universe),
        ...(v.values ?? []).map((c) => cat(c, false)),
        ...v.missing.filter((m) => m.code !== '').map((c) => cat(c, true)),
        v.formula ? `<derivation>${langs('drvdesc', v.formula)}</derivation>` : '',
        `<varFormat type="${v.type === 'numeric' ? 'numeric' : 'character'}" schema="other"/>`,
        v.source
          ? `<notes>${x(`Source question ${v.source.questionId}, catalogue version(s) ${v.source.catalogueVersions.join(', ')}`)}</notes>`
          : '',
      ];
      const intrvl = v.type === 'numeric' ? 'contin' : 'discrete';
      return `    <var ID="V${i + 1}" name="${x(v.name)}" files="F1" intrvl="${intrvl}">${parts.join('')}</var>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<codeBook xmlns="${DDI_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${DDI_NAMESPACE} https://ddialliance.org/Specification/DDI-Codebook/2.6/XMLSchema/codebook.xsd" version="2.6" xml:lang="en">
  <docDscr><citation><titlStmt><titl>${x(cb.title.en)} – codebook</titl></titlStmt></citation></docDscr>
  <stdyDscr>
    <citation><titlStmt><titl xml:lang="en">${x(cb.title.en)}</titl><parTitl xml:lang="de">${x(cb.title.de)}</parTitl></titlStmt></citation>
    <stdyInfo>${cb.notes.map((n) => langs('abstract', n)).join('')}<sumDscr>${cb.dataset.waves.map((w) => `<collDate event="single">${x(w)}</collDate>`).join('')}<anlyUnit>firm</anlyUnit></sumDscr></stdyInfo>
  </stdyDscr>
  <fileDscr ID="F1"><fileTxt><fileName>${x(cb.dataset.file)}</fileName><dimensns><varQnty>${cb.variables.length}</varQnty></dimensns><fileType charset="UTF-8">text/csv; delimiter="${x(cb.dataset.delimiter)}"; decimal="${x(cb.dataset.decimal)}"</fileType></fileTxt></fileDscr>
  <dataDscr>
${vars}
  </dataDscr>
</codeBook>
`;
}
