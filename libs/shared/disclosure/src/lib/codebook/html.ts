import type { Text } from '@scs/shared/catalogue';
import type { Codebook, ValueLabel } from './variables';

// The codebook as a readable bilingual HTML page (what a researcher opens next to the CSV).

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function codebookHtml(cb: Codebook): string {
  const both = (x: Text) => `<span lang="en">${escapeHtml(x.en)}</span><br><span lang="de">${escapeHtml(x.de)}</span>`;
  const list = (xs: ValueLabel[]) =>
    xs.length
      ? `<ul>${xs.map((v) => `<li><code>${escapeHtml(v.code || '(empty)')}</code> ${escapeHtml(v.label.en)} / ${escapeHtml(v.label.de)}</li>`).join('')}</ul>`
      : '—';
  const rows = cb.variables
    .map(
      (v) => `<section id="${escapeHtml(v.name)}"><h2><code>${escapeHtml(v.name)}</code></h2><table>
<tr><th>Label</th><td>${both(v.label)}</td></tr>
${v.question ? `<tr><th>Question / Frage</th><td>${both(v.question)}</td></tr>` : ''}
<tr><th>Type</th><td>${escapeHtml(v.type)}</td></tr>
<tr><th>Values / Werte</th><td>${list(v.values ?? [])}</td></tr>
<tr><th>Missing / Fehlend</th><td>${list(v.missing)}</td></tr>
<tr><th>Universe</th><td>${both(v.universe)}</td></tr>
${v.source ? `<tr><th>Source</th><td>${escapeHtml(v.source.questionId)} (catalogue ${escapeHtml(v.source.catalogueVersions.join(', '))})</td></tr>` : ''}
${v.formula ? `<tr><th>Formula / Berechnung</th><td>${both(v.formula)}</td></tr>` : ''}
</table></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(cb.title.en)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}th{width:12rem;background:#f5f5f5}span[lang=de]{color:#555}</style>
</head><body>
<h1>${both(cb.title)}</h1>
<p>File <code>${escapeHtml(cb.dataset.file)}</code>: ${cb.variables.length} variables; waves ${escapeHtml(cb.dataset.waves.join(', ') || '–')}; catalogue versions ${escapeHtml(cb.dataset.catalogueVersions.join(', '))}; k = ${cb.dataset.k}.</p>
${cb.notes.map((n) => `<p>${both(n)}</p>`).join('\n')}
<nav><ul>${cb.variables.map((v) => `<li><a href="#${escapeHtml(v.name)}">${escapeHtml(v.name)}</a></li>`).join('')}</ul></nav>
${rows}
</body></html>
`;
}
