import type { Codebook, CodebookVariable, ValueLabel } from './variables';

// A ready-to-run Stata do-file generated from the codebook: reads the CSV as documented (UTF-8, comma, "." decimal,
// RFC 4180 quoting), turns numeric variables into numbers, codes each categorical variable as numbers with value
// labels, maps the codebook's missing codes (.a, .n, .v, .t) onto Stata's extended missing values of the same name,
// and attaches variable labels and notes (question text, universe, formula).

type Lang = 'en' | 'de';

/** Stata's limits: names 32 characters, variable labels 80. */
const NAME_MAX = 32;
const VAR_LABEL_MAX = 80;

/** Text on one line without macro expansion (` and $ are Stata's macro characters). */
export function stataText(s: string): string {
  return s
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/`/g, "'")
    .replace(/\$/g, '\\$');
}

/** A compound-quoted Stata string (quotes inside are fine; "' would close it early). */
export function stataString(s: string): string {
  return `\`"${stataText(s).replace(/"'/g, '" \'')}"'`;
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Stata's extended missing values are `.a` … `.z`; the codebook's missing codes use exactly these names. */
const isExtendedMissing = (code: string) => /^\.[a-z]$/.test(code);

/** The number each value code gets: itself when every code is an integer, else 1, 2, … in codebook order. */
export function stataCoding(values: readonly ValueLabel[]): { code: string; number: number }[] {
  const integers = values.every((v) => /^-?\d+$/.test(v.code));
  return values.map((v, i) => ({ code: v.code, number: integers ? Number(v.code) : i + 1 }));
}

/** Stata names for the CSV columns: the codebook name, or (over 32 characters) a unique shortened one. */
export function stataNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((n, i) => {
    let name = n.length <= NAME_MAX ? n : `${n.slice(0, NAME_MAX - 4)}_${String(i + 1).padStart(3, '0')}`;
    if (used.has(name)) name = `v${i + 1}`;
    used.add(name);
    return name;
  });
}

function categorical(v: CodebookVariable, name: string, lang: Lang): string[] {
  const coding = stataCoding(v.values ?? []);
  const missing = v.missing.filter((m) => isExtendedMissing(m.code));
  const lines = [
    `* ${name}: categorical`,
    'quietly generate double _scs_v = .',
    ...coding.map((c) => `quietly replace _scs_v = ${c.number} if ${name} == ${stataString(c.code)}`),
    ...missing.map((m) => `quietly replace _scs_v = ${m.code} if ${name} == ${stataString(m.code)}`),
    `quietly count if missing(_scs_v) & ${name} != "" & !inlist(${name}, ${[...missing.map((m) => stataString(m.code)), '""'].join(', ')})`,
    `if r(N) > 0 display as error "${name}: " r(N) " values without a label in the codebook"`,
    `drop ${name}`,
    `rename _scs_v ${name}`,
    `capture label drop ${name}`,
  ];
  const labels = [
    ...coding.map((c) => ({ number: String(c.number), label: (v.values ?? []).find((x) => x.code === c.code)?.label })),
    ...missing.map((m) => ({ number: m.code, label: m.label })),
  ];
  labels.forEach((l, i) =>
    lines.push(`label define ${name} ${l.number} ${stataString(l.label?.[lang] ?? '')}${i ? ', add' : ''}`),
  );
  if (labels.length) lines.push(`label values ${name} ${name}`);
  return lines;
}

export function codebookStata(cb: Codebook, lang: Lang = 'en'): string {
  const d = cb.dataset;
  const out: string[] = [
    `* ${cb.title[lang]}`,
    `* Generated from the codebook of this export (${cb.variables.length} variables; waves ${d.waves.join(', ') || '-'}; k = ${d.k}).`,
    `* Put this file next to ${d.file} and run it (Stata 16 or later): do "${d.file.replace(/\.csv$/, '.do')}"`,
    ...cb.notes.map((n) => `* ${stataText(n[lang])}`),
    '',
    'version 16',
    'clear',
    // Columns by position (the header row is skipped), so names longer than Stata's 32 characters get a known name.
    `import delimited using "${d.file}", delimiters("${d.delimiter}") decimalseparator("${d.decimal}") varnames(nonames) rowrange(2) encoding("utf-8") stringcols(_all) bindquote(strict) clear`,
  ];
  const names = stataNames(cb.variables.map((v) => v.name));
  names.forEach((n, i) => out.push(`rename v${i + 1} ${n}`));
  out.push('');
  cb.variables.forEach((v, i) => {
    const name = names[i] as string;
    if (v.type === 'numeric') out.push(`* ${name}: numeric`, `quietly destring ${name}, replace`);
    else if (v.type === 'categorical') out.push(...categorical(v, name, lang));
    else out.push(`* ${name}: string`);
    out.push(`label variable ${name} ${stataString(clip(v.label[lang], VAR_LABEL_MAX))}`);
    if (name !== v.name) out.push(`notes ${name}: CSV column ${v.name}`);
    if (v.label[lang].length > VAR_LABEL_MAX) out.push(`notes ${name}: ${stataText(v.label[lang])}`);
    if (v.question) out.push(`notes ${name}: ${stataText(v.question[lang])}`);
    out.push(`notes ${name}: ${stataText(`Universe: ${v.universe[lang]}`)}`);
    if (v.formula) out.push(`notes ${name}: ${stataText(v.formula[lang])}`);
    out.push('');
  });
  out.push('compress', 'describe, short', '');
  return out.join('\n');
}
