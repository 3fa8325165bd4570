import { MICRODATA_GROUPS, microdataGroupOf, microdataVariables, type MicrodataSpec } from './codebook/variables';
import { isQiColumn, suppressionKey } from './microdata';
import { assertK } from './plan';
import type { ResearchRecord } from './record';

// Linkage across the files of one microdata release (docs/privacy.md, "Microdata generalisation, fixed per release").
//
// Every file of a release codes the quasi-identifiers at the release's levels or coarser, so a researcher who links
// rows of different files learns at most the release's coding. But rows are also linked by everything else they show:
// rows of one wave that agree in every non-quasi-identifier column (scores, answers, module answers, catalogue
// version) cannot be told apart, and together they show a set of quasi-identifier codings. With realistic data many
// firms give the same (best) answer to everything, so such a set can be held by fewer than k firms although every
// single coding is held by k or more (attack test 3 with the calibrated synthetic data). The attacker's class of a
// row is its wave and the set of codings its indistinguishable rows show; every such class must hold k firms, under
// every variable choice the release allows: leaving groups out (omit) merges rows into coarser sets, a coarser
// quasi-identifier level maps every class onto a union of classes (so it needs no check of its own).

/** What the check found: the rows to suppress (including the previous ones still present) and the smallest class. */
export interface LinkageSuppression {
  /** suppressionKey of every row whose quasi-identifiers the release suppresses, sorted. */
  suppressed: string[];
  /** Smallest linked class over all variable choices after suppression (Infinity without records). */
  smallestClass: number;
  /** Linked classes of the full file (nothing left out) after suppression. */
  classes: number;
}

interface Row {
  key: string;
  wave: string;
  qi: string;
  /** The non-quasi-identifier columns, always shown ones first, then one string per leavable group. */
  base: string;
  groups: string[];
}

const SUPPRESSED_CODING = '\u0000suppressed';

/** Every subset of the groups a researcher may leave out (as bit masks over MICRODATA_GROUPS). */
const OMIT_MASKS = Array.from({ length: 2 ** MICRODATA_GROUPS.length }, (_, m) => m);

function rowsOf(records: readonly ResearchRecord[], spec: MicrodataSpec): Row[] {
  const vars = microdataVariables({ ...spec, omit: [], suppressed: [] }).filter((v) => v.name !== 'firm');
  const qiVars = vars.filter((v) => isQiColumn(v.name));
  const baseVars = vars.filter((v) => !isQiColumn(v.name) && microdataGroupOf(v.name) === null);
  const groupVars = MICRODATA_GROUPS.map((g) => vars.filter((v) => microdataGroupOf(v.name) === g));
  return records.map((r) => ({
    key: suppressionKey(r),
    wave: r.wave,
    qi: qiVars.map((v) => v.value(r, '')).join('\u0001'),
    base: baseVars.map((v) => v.value(r, '')).join('\u0001'),
    groups: groupVars.map((g) => g.map((v) => v.value(r, '')).join('\u0001')),
  }));
}

/** Linked classes of one omit choice: class key → row indexes (identity = wave + every shown non-QI column). */
function linkedClasses(rows: readonly Row[], mask: number, suppressed: ReadonlySet<string>): Map<string, number[]> {
  const identities = new Map<string, { rows: number[]; codings: Set<string> }>();
  rows.forEach((r, i) => {
    const id = [r.base, ...r.groups.map((g, j) => (mask & (1 << j) ? '' : g))].join('\u0002');
    const entry = identities.get(id) ?? { rows: [], codings: new Set<string>() };
    entry.rows.push(i);
    entry.codings.add(suppressed.has(r.key) ? SUPPRESSED_CODING : r.qi);
    identities.set(id, entry);
  });
  const classes = new Map<string, number[]>();
  for (const { rows: members, codings } of identities.values()) {
    const cls = `${rows[members[0] as number]?.wave}\u0003${[...codings].sort().join('\u0003')}`;
    const list = classes.get(cls) ?? [];
    list.push(...members);
    classes.set(cls, list);
  }
  return classes;
}

/**
 * The rows of a release whose quasi-identifiers must be suppressed (set to `.s` in every file) so that the union of
 * every file a researcher can download from the release is k-anonymous even when rows are linked by their other
 * columns. `records` are the records of the release's waves that go into files (one per firm and wave), `spec` the
 * release's coding (levels, top-coding, modules). Rows suppressed by an earlier release stay suppressed (the list only
 * grows, like top-coding); rows no longer present drop out of it.
 *
 * Per omit choice, a linked class below k is resolved by suppressing its rows; a class of suppressed rows only that is
 * below k takes in the smallest other class of its wave. Each step suppresses at least one more row, so it ends; a
 * wave of at least k records always ends with every class at k or more (at worst every row suppressed).
 */
export function linkageSuppression(
  records: readonly ResearchRecord[],
  spec: MicrodataSpec,
  previous: readonly string[] = [],
): LinkageSuppression {
  assertK(spec.k);
  const rows = rowsOf(records, spec);
  const present = new Set(rows.map((r) => r.key));
  const suppressed = new Set(previous.filter((key) => present.has(key)));
  let smallestClass = Infinity;
  let classes = 0;
  for (;;) {
    let changed = false;
    smallestClass = Infinity;
    for (const mask of OMIT_MASKS) {
      const linked = linkedClasses(rows, mask, suppressed);
      if (mask === 0) classes = linked.size;
      const small = [...linked].filter(([, members]) => members.length < spec.k);
      for (const [cls, members] of small) {
        const open = members.filter((i) => !suppressed.has((rows[i] as Row).key));
        if (open.length) {
          for (const i of open) suppressed.add((rows[i] as Row).key);
          changed = true;
          continue;
        }
        // Only suppressed rows, still below k: suppress the smallest class of the wave that has unsuppressed rows.
        const wave = cls.split('\u0003')[0];
        const next = [...linked]
          .filter(([c]) => c.split('\u0003')[0] === wave)
          .map(([, m]) => m.filter((i) => !suppressed.has((rows[i] as Row).key)))
          .filter((m) => m.length)
          .sort((a, b) => a.length - b.length)[0];
        if (next) {
          for (const i of next) suppressed.add((rows[i] as Row).key);
          changed = true;
        }
      }
      if (changed) break;
      for (const members of linked.values()) smallestClass = Math.min(smallestClass, members.length);
    }
    if (!changed) break;
  }
  return { suppressed: [...suppressed].sort(), smallestClass, classes };
}
