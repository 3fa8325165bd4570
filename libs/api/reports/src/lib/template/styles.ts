import { CJK_FONTS, FONT_STACK, LEVEL_COLORS } from './chart';

// Print stylesheet of the report (A4; margins, header and footer come from page.pdf()).
export const REPORT_CSS = `
@page { size: A4; }
* { box-sizing: border-box; }
html { font-family: ${FONT_STACK}; font-size: 9pt; line-height: 1.38; color: #1f2a30; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
/* Words are never split at arbitrary letters: hyphenation by the document's language where the browser has it, otherwise a long word wraps whole. */
body { hyphens: auto; -webkit-hyphens: auto; overflow-wrap: break-word; }
h1, h2, h3, .badge, .nowrap, th { hyphens: manual; -webkit-hyphens: manual; }
body { margin: 0; }
:lang(zh-Hans) { font-family: ${CJK_FONTS}, sans-serif; font-synthesis: none; }
h1, h2, h3, h4 { color: #0d3b53; line-height: 1.2; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 17pt; margin: 0 0 10pt; padding-bottom: 4pt; border-bottom: 2px solid #0d3b53; }
h2 { font-size: 12.5pt; margin: 14pt 0 6pt; }
h3 { font-size: 10.5pt; margin: 10pt 0 4pt; }
h4 { font-size: 9.5pt; margin: 6pt 0 2pt; color: #37474f; }
p { margin: 0 0 6pt; orphans: 3; widows: 3; }
ul, ol { margin: 0 0 6pt; padding-left: 16pt; }
li { margin-bottom: 2pt; }
a { color: #0b5d85; text-decoration: none; overflow-wrap: anywhere; }
.section { break-before: page; page-break-before: always; }
.section.flow { break-before: auto; page-break-before: auto; margin-top: 18pt; }
.muted { color: #607d8b; }
.small { font-size: 8.5pt; }
.nowrap { white-space: nowrap; }
.zh { color: #455a64; }

/* page 1: masthead and management summary */
.front { break-after: page; page-break-after: always; }
.masthead .brand { display: flex; align-items: center; gap: 12pt; padding-bottom: 8pt; border-bottom: 1px solid #cfd8dc; min-height: 36pt; }
.masthead .brand img { max-height: 36pt; max-width: 140pt; }
.masthead .brand .name, .masthead .brand .product { font-size: 11pt; font-weight: 700; color: #0d3b53; }
.masthead .brand .doc { margin-left: auto; text-align: right; }
.masthead .brand .report { font-size: 15pt; font-weight: 700; color: #0d3b53; }
.masthead .brand .subtitle { font-size: 8.5pt; color: #455a64; }
.masthead table.meta { width: 100%; border-collapse: collapse; margin: 6pt 0 12pt; }
.masthead table.meta th { text-align: left; width: 22%; font-weight: 400; color: #607d8b; padding: 2.5pt 0; vertical-align: top; border-bottom: 1px solid #eceff1; }
.masthead table.meta td { padding: 2.5pt 0; border-bottom: 1px solid #eceff1; }
.masthead .firm { font-size: 12pt; }
.verdict { display: flex; gap: 12pt; align-items: stretch; margin-bottom: 4pt; }
.verdict .level-card { flex: 0 0 33%; }
.verdict .verdict-text { flex: 1; }
.verdict .verdict-text p { margin-bottom: 4pt; }
.front .pair { display: flex; gap: 14pt; }
.front .pair > .part { flex: 1; }
table.grid.first td { font-size: 9.2pt; }

/* cards and badges */
.cards { display: flex; gap: 8pt; margin: 4pt 0 10pt; }
.card { flex: 1; border: 1px solid #cfd8dc; border-radius: 4pt; padding: 7pt 9pt; }
.card .label { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.6pt; color: #607d8b; }
.card .value { font-size: 16pt; font-weight: 700; margin-top: 2pt; }
.card .sub { font-size: 8pt; color: #607d8b; }
.level-card { color: #fff; border: 0; }
${(Object.entries(LEVEL_COLORS) as [string, string][])
  .map(([level, color]) => `.lv-${level} { background: ${color}; color: #fff; } .tx-${level} { color: ${color}; }`)
  .join('\n')}
.lv-none { background: #90a4ae; color: #fff; }
.badge { display: inline-block; text-indent: 0; padding: 0.5pt 5pt; border-radius: 8pt; font-size: 7.5pt; font-weight: 700; letter-spacing: 0.3pt; text-transform: uppercase; vertical-align: 1pt; white-space: nowrap; }
.sev-critical { background: #b71c1c; color: #fff; }
.sev-high { background: #e65100; color: #fff; }
.sev-medium { background: #f2c12e; color: #3e2f00; }
.sev-low { background: #cfd8dc; color: #263238; }
.ko { background: #000; color: #fff; }
.dk { background: #ede7f6; color: #4527a0; border: 1px solid #b39ddb; }
.overdue { background: #b71c1c; color: #fff; }
.cite { white-space: nowrap; color: #37474f; }
.dagger { color: #a84300; font-weight: 700; }
.mark-unconfirmed { font-size: 7.5pt; font-weight: 400; color: #a84300; white-space: nowrap; margin-left: 4pt; }
.user-text { font-style: italic; }
.unconfirmed { background: #fff3e0; color: #a84300; border: 1px solid #e65100; }
.confirmed { background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7; }

/* boxes */
.notice { border-left: 4pt solid #0b5d85; background: #eef5f9; padding: 7pt 10pt; margin: 8pt 0; break-inside: avoid; }
.notice strong { color: #0d3b53; }
.warn { border-left: 4pt solid #e65100; background: #fff6ee; padding: 6pt 9pt; margin: 6pt 0; break-inside: avoid; }
.chart { margin: 4pt 0 8pt; break-inside: avoid; }
.chart svg { width: 100%; height: auto; }

/* tables */
table.grid { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 8.8pt; }
table.grid th { text-align: left; background: #eceff1; color: #37474f; font-weight: 700; padding: 4pt 5pt; border-bottom: 1px solid #b0bec5; }
table.grid td { padding: 4pt 5pt; border-bottom: 1px solid #e0e6ea; vertical-align: top; }
table.grid tr { break-inside: avoid; page-break-inside: avoid; }
table.grid thead { display: table-header-group; }
table.grid .num { text-align: right; white-space: nowrap; }
.delta-up { color: #b71c1c; }
.delta-down { color: #2e7d32; }

/* dimensions and findings */
.dimension { margin-bottom: 8pt; }
.dimension + .dimension { border-top: 1px solid #cfd8dc; padding-top: 2pt; }
.dim-head { display: flex; align-items: baseline; justify-content: space-between; gap: 10pt; break-after: avoid; }
.dim-head h2 { margin-bottom: 2pt; }
.dim-score { white-space: nowrap; font-size: 10pt; }
.dim-score .badge { font-size: 8pt; }
.dim-meta { font-size: 8.5pt; color: #546e7a; margin-bottom: 4pt; break-after: avoid; }
.finding { border: 1px solid #dde3e7; border-left-width: 4pt; border-radius: 3pt; padding: 6pt 9pt 4pt; margin: 6pt 0 8pt; }
.finding.f-critical { border-left-color: #b71c1c; }
.finding.f-high { border-left-color: #e65100; }
.finding.f-medium { border-left-color: #f2c12e; }
.finding.f-low { border-left-color: #90a4ae; }
.finding h3 { margin: 0 0 4pt; }
/* A finding's title stays with its first part (Chromium does not apply the heading's break-after to a flex row). */
.finding .lead { break-inside: avoid; page-break-inside: avoid; }
.finding .part { break-inside: avoid; }
/* The remediation steps may continue on the next page (step by step) rather than leave the rest of a page empty. */
.finding > .part { break-inside: auto; }
.finding > .part li { break-inside: avoid; }
.finding .pair { display: flex; gap: 12pt; }
.finding .pair > .part { flex: 1; }
.repair { background: #f5f7f8; border-radius: 3pt; padding: 4pt 7pt; margin: 4pt 0; break-inside: avoid; }
ol.references { list-style: none; padding-left: 0; font-size: 8pt; line-height: 1.3; }
ol.references li { padding-left: 22pt; text-indent: -22pt; break-inside: avoid; }
ol.references .refno { display: inline-block; width: 20pt; text-indent: 0; font-weight: 700; color: #37474f; }
.refs-line { margin: 2pt 0 0; color: #37474f; }
table.grid.compact td { padding: 2pt 5pt; }
.keep { break-inside: avoid; }
/* A lead-in sentence stays with the table it introduces. */
.keep-next { break-after: avoid; page-break-after: avoid; }
ul.refs { list-style: none; padding-left: 0; margin: 2pt 0 4pt; font-size: 8pt; line-height: 1.3; }
ul.refs li { margin-bottom: 2pt; padding-left: 10pt; text-indent: -10pt; break-inside: avoid; }
ul.refs li::before { content: "§ "; color: #90a4ae; }
.na-list { font-size: 8.8pt; color: #546e7a; }
.verify-note { font-size: 8.5pt; color: #37474f; background: #f5f7f8; border-radius: 3pt; padding: 3pt 7pt; margin: 4pt 0; }
table.profile td { width: 25%; }
table.profile td.k { color: #607d8b; }
ul.sources { columns: 2; column-gap: 16pt; font-size: 7.6pt; line-height: 1.3; padding-left: 12pt; }
ul.sources li { break-inside: avoid; }
/* A repair item may continue on the next page row by row (its heading stays with the first rows). */
.repair-item { margin: 6pt 0 10pt; }
.repair-item h3 { margin: 0 0 3pt; }
.repair-item .qid { color: #1f4e79; font-weight: 700; }
.repair-item th { text-align: left; color: #455a64; font-weight: 600; }
ul.plain { list-style: none; padding: 0; margin: 0; }
`;
