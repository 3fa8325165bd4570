import type { Codebook, CodebookVariable } from './variables';

// A ready-to-run R script generated from the codebook (base R only): reads the CSV as documented (UTF-8, comma, "."
// decimal), turns numeric variables into numbers and categorical variables into factors with the codebook's value
// labels; a missing code (.a, .n, .v, .t) becomes NA with its reason kept in the attribute "missing_reason". Every
// column carries its label in the attribute "label" (the convention of haven and labelled).

type Lang = 'en' | 'de';

/** An ASCII-only R string literal (non-ASCII as \u escapes, so the script runs in any locale). */
export function rString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20) continue;
    else if (cp < 0x7f) out += ch;
    else out += cp > 0xffff ? `\\U{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

const vector = (xs: readonly string[]) => `c(${xs.map(rString).join(', ')})`;

function column(v: CodebookVariable, lang: Lang, frame: string): string[] {
  const col = `${frame}[[${rString(v.name)}]]`;
  const lines: string[] = [];
  if (v.type === 'numeric') lines.push(`${col} <- scs_numeric(${col})`);
  if (v.type === 'categorical') {
    const values = v.values ?? [];
    const missing = v.missing.filter((m) => m.code !== '');
    lines.push(
      `${col} <- scs_categorical(${rString(v.name)}, ${col},`,
      `  codes = ${vector(values.map((x) => x.code))},`,
      `  labels = ${vector(values.map((x) => x.label[lang]))},`,
      `  missing_codes = ${vector(missing.map((x) => x.code))},`,
      `  missing_labels = ${vector(missing.map((x) => x.label[lang]))})`,
    );
  }
  lines.push(`attr(${col}, "label") <- ${rString(v.label[lang])}`);
  if (v.question) lines.push(`attr(${col}, "question") <- ${rString(v.question[lang])}`);
  lines.push(`attr(${col}, "universe") <- ${rString(v.universe[lang])}`);
  return lines;
}

export function codebookR(cb: Codebook, lang: Lang = 'en'): string {
  const d = cb.dataset;
  const frame = d.frame ?? 'microdata';
  const out: string[] = [
    `# ${cb.title[lang]}`,
    `# Generated from the codebook of this export (${cb.variables.length} variables; waves ${d.waves.join(', ') || '-'}; k = ${d.k}).`,
    `# Put this file next to ${d.file} and run: source(${rString(d.file.replace(/\.csv$/, '.R'))})`,
    ...cb.notes.map((n) => `# ${n[lang].replace(/[\r\n]+/g, ' ')}`),
    '',
    `${frame} <- utils::read.csv(${rString(d.file)}, sep = ${rString(d.delimiter)}, dec = ${rString(d.decimal)}, quote = "\\"",`,
    `  fileEncoding = ${rString(d.encoding)}, colClasses = "character", na.strings = character(0),`,
    '  check.names = FALSE, strip.white = FALSE)',
    // Columns by position: the codebook's names, whatever the header row says (a table's headings are labels).
    `names(${frame}) <- ${vector(cb.variables.map((v) => v.name))}`,
    '',
    'scs_numeric <- function(x) as.numeric(ifelse(x == "", NA, x))',
    '',
    '# A factor of the labelled codes; missing codes become NA, their labels are kept in attr(, "missing_reason").',
    'scs_categorical <- function(name, x, codes, labels, missing_codes, missing_labels) {',
    '  unknown <- setdiff(unique(x[!(x %in% c(codes, missing_codes, ""))]), NA)',
    '  if (length(unknown)) warning(name, ": values without a label in the codebook: ", paste(unknown, collapse = ", "))',
    '  out <- factor(ifelse(x %in% codes, x, NA), levels = codes, labels = labels)',
    '  attr(out, "missing_reason") <- factor(ifelse(x %in% missing_codes, x, NA), levels = missing_codes, labels = missing_labels)',
    '  out',
    '}',
    '',
  ];
  for (const v of cb.variables) out.push(`# ${v.name}: ${v.type}`, ...column(v, lang, frame), '');
  out.push(`str(${frame}, give.attr = FALSE, list.len = 10)`, '');
  return out.join('\n');
}
