// Cell suppression for all tables of one universe (e.g. the firms of one wave), decided once per universe so that
// every table built on it suppresses the same groups (see docs/privacy.md, "Disclosure control").
//
// A universe is classified by several partitions (sector group, size band, legal form). Tables publish statistics per
// group of one partition plus the total. What an attacker can derive from one partition are unions of its "atoms":
// each published group, and the union of its suppressed groups (total minus the published ones). The planner makes
//  1. primary suppression: every group with 1..k-1 firms is suppressed;
//  2. secondary suppression: suppressed groups of a partition number at least 2 and hold at least k firms together
//     (adding the smallest published groups), so the margin never gives one away and their union is itself safe;
//  3. consistency across partitions: for any two partitions, no union of atoms of one lies inside a union of atoms of
//     the other with 1..k-1 firms to spare (otherwise subtracting a table by size from a table by sector would describe
//     that handful of firms); offending groups are suppressed too, smallest first, until no such pair remains.

export const MIN_K = 5;

export type SuppressionReason = 'primary' | 'secondary' | 'consistency';

export interface PartitionDef {
  id: string;
  groups: readonly string[];
}

/** Firms per combination of groups, one group per partition (in the order of the partition definitions). */
export interface JointCount {
  groups: readonly string[];
  n: number;
}

export interface PartitionPlan {
  id: string;
  groups: readonly string[];
  counts: Record<string, number>;
  /** Suppressed groups (with firms) and why. Groups with no firms are published as 0. */
  suppressed: Record<string, SuppressionReason>;
}

export interface UniversePlan {
  k: number;
  total: number;
  /** False when the whole universe has fewer than k firms: then nothing of it is published. */
  totalPublished: boolean;
  partitions: Record<string, PartitionPlan>;
}

export class DisclosureError extends Error {
  override name = 'DisclosureError';
}

/** Refuses thresholds below the floor every output keeps (k from configuration, never below 5). */
export function assertK(k: number): void {
  if (!Number.isInteger(k) || k < MIN_K)
    throw new DisclosureError(`k must be an integer of at least ${MIN_K}, got ${k}`);
}

export function isSuppressed(plan: UniversePlan, partition: string, group: string): boolean {
  if (!plan.totalPublished) return true;
  return plan.partitions[partition]?.suppressed[group] !== undefined;
}

interface Atom {
  groups: string[];
  n: number;
}

/** Published groups with firms as single atoms, plus the union of the suppressed groups as one atom. */
export function atomsOf(p: PartitionPlan): Atom[] {
  const atoms: Atom[] = [];
  const hidden: string[] = [];
  let hiddenN = 0;
  for (const g of p.groups) {
    const n = p.counts[g] ?? 0;
    if (n === 0) continue;
    if (p.suppressed[g]) {
      hidden.push(g);
      hiddenN += n;
    } else atoms.push({ groups: [g], n });
  }
  if (hidden.length) atoms.push({ groups: hidden, n: hiddenN });
  return atoms;
}

type Matrix = Map<string, Map<string, number>>;

function crossCounts(joint: readonly JointCount[], i: number, j: number): Matrix {
  const m: Matrix = new Map();
  for (const c of joint) {
    if (c.n === 0) continue;
    const a = c.groups[i] as string;
    const b = c.groups[j] as string;
    const row = m.get(a) ?? new Map<string, number>();
    row.set(b, (row.get(b) ?? 0) + c.n);
    m.set(a, row);
  }
  return m;
}

function atomIntersection(m: Matrix, a: Atom, b: Atom): number {
  let n = 0;
  for (const ga of a.groups) {
    const row = m.get(ga);
    if (!row) continue;
    for (const gb of b.groups) n += row.get(gb) ?? 0;
  }
  return n;
}

interface Violation {
  candidates: { partition: string; group: string; n: number }[];
}

/**
 * Looks for a union V of `q`'s atoms whose closure in `p` (the p-atoms touching V) exceeds V by 1..k-1 firms:
 * both unions are derivable, so their difference would be a published group of fewer than k firms.
 */
function auditPair(p: PartitionPlan, q: PartitionPlan, m: Matrix, k: number): Violation | null {
  const pa = atomsOf(p);
  const qa = atomsOf(q);
  if (qa.length > 16) throw new DisclosureError(`partition ${q.id} has too many groups to audit (${qa.length})`);
  const inter = pa.map((a) => qa.map((b) => atomIntersection(m, a, b)));
  const full = (1 << qa.length) - 1;
  for (let mask = 1; mask < full; mask++) {
    let vn = 0;
    for (let j = 0; j < qa.length; j++) if (mask & (1 << j)) vn += (qa[j] as Atom).n;
    let closure = 0;
    const touching: number[] = [];
    for (let i = 0; i < pa.length; i++) {
      let x = 0;
      for (let j = 0; j < qa.length; j++) if (mask & (1 << j)) x += (inter[i] as number[])[j] as number;
      if (x > 0) {
        closure += (pa[i] as Atom).n;
        if (x < (pa[i] as Atom).n) touching.push(i);
      }
    }
    const diff = closure - vn;
    if (diff > 0 && diff < k) {
      const candidates: Violation['candidates'] = [];
      for (const i of touching) {
        const a = pa[i] as Atom;
        if (a.groups.length === 1 && !p.suppressed[a.groups[0] as string])
          candidates.push({ partition: p.id, group: a.groups[0] as string, n: a.n });
      }
      for (let j = 0; j < qa.length; j++) {
        const b = qa[j] as Atom;
        if (mask & (1 << j) && b.groups.length === 1 && !q.suppressed[b.groups[0] as string])
          candidates.push({ partition: q.id, group: b.groups[0] as string, n: b.n });
      }
      if (!candidates.length) {
        // Only suppressed unions are involved: widen one of them with the smallest published group left.
        for (const plan of [p, q]) {
          for (const a of atomsOf(plan)) {
            if (a.groups.length === 1 && !plan.suppressed[a.groups[0] as string])
              candidates.push({ partition: plan.id, group: a.groups[0] as string, n: a.n });
          }
        }
      }
      return { candidates };
    }
  }
  return null;
}

function smallest<T extends { n: number; group: string; partition?: string }>(list: readonly T[]): T | undefined {
  return [...list].sort(
    (a, b) => a.n - b.n || (a.partition ?? '').localeCompare(b.partition ?? '') || a.group.localeCompare(b.group),
  )[0];
}

/** Adds the smallest published groups until the suppressed ones number >= 2 and hold >= k firms (or none is left). */
function secondary(p: PartitionPlan, k: number): boolean {
  let changed = false;
  for (;;) {
    const hidden = p.groups.filter((g) => p.suppressed[g] && (p.counts[g] ?? 0) > 0);
    if (!hidden.length) return changed;
    const sum = hidden.reduce((s, g) => s + (p.counts[g] ?? 0), 0);
    if (hidden.length >= 2 && sum >= k) return changed;
    const next = smallest(
      p.groups
        .filter((g) => !p.suppressed[g] && (p.counts[g] ?? 0) > 0)
        .map((g) => ({ group: g, n: p.counts[g] ?? 0 })),
    );
    if (!next) return changed;
    p.suppressed[next.group] = 'secondary';
    changed = true;
  }
}

/**
 * Plans suppression for one universe. `seed` names groups that must be suppressed whatever their size (used to carry
 * the suppression of a wave's base tables into the per-dimension tables of the same wave).
 */
export function planUniverse(
  defs: readonly PartitionDef[],
  joint: readonly JointCount[],
  k: number,
  seed: Readonly<Record<string, Iterable<string>>> = {},
): UniversePlan {
  assertK(k);
  const total = joint.reduce((s, c) => s + c.n, 0);
  const partitions: Record<string, PartitionPlan> = {};
  defs.forEach((d, i) => {
    const counts: Record<string, number> = Object.fromEntries(d.groups.map((g) => [g, 0]));
    for (const c of joint) {
      const g = c.groups[i] as string;
      if (!(g in counts)) throw new DisclosureError(`unknown group "${g}" in partition ${d.id}`);
      counts[g] = (counts[g] ?? 0) + c.n;
    }
    partitions[d.id] = { id: d.id, groups: d.groups, counts, suppressed: {} };
  });
  const plan: UniversePlan = { k, total, totalPublished: total >= k, partitions };
  const all = Object.values(partitions);

  if (!plan.totalPublished) {
    for (const p of all) for (const g of p.groups) if ((p.counts[g] ?? 0) > 0) p.suppressed[g] = 'primary';
    return plan;
  }
  for (const p of all) {
    for (const g of p.groups) {
      const n = p.counts[g] ?? 0;
      if (n > 0 && n < k) p.suppressed[g] = 'primary';
    }
    for (const g of seed[p.id] ?? []) if ((p.counts[g] ?? 0) > 0 && !p.suppressed[g]) p.suppressed[g] = 'consistency';
  }

  const matrices = new Map<string, Matrix>();
  defs.forEach((a, i) => defs.forEach((b, j) => i !== j && matrices.set(`${a.id}|${b.id}`, crossCounts(joint, i, j))));

  for (let guard = 0; guard < 10_000; guard++) {
    let changed = false;
    for (const p of all) changed = secondary(p, k) || changed;
    if (changed) continue;
    let violation: Violation | null = null;
    for (const p of all) {
      for (const q of all) {
        if (p === q) continue;
        violation = auditPair(p, q, matrices.get(`${p.id}|${q.id}`) as Matrix, k);
        if (violation) break;
      }
      if (violation) break;
    }
    if (!violation) {
      // A partition whose suppressed groups could not be made >= 2 and >= k (no published group left to add) would
      // give them away through the total: then the total goes too, and with it everything.
      const unsafe = all.some((p) => {
        const hidden = p.groups.filter((g) => p.suppressed[g] && (p.counts[g] ?? 0) > 0);
        const sum = hidden.reduce((s, g) => s + (p.counts[g] ?? 0), 0);
        return hidden.length > 0 && (hidden.length < 2 || sum < k);
      });
      if (unsafe) {
        plan.totalPublished = false;
        for (const p of all) for (const g of p.groups) if ((p.counts[g] ?? 0) > 0) p.suppressed[g] ??= 'secondary';
      }
      return plan;
    }
    const pick = smallest(violation.candidates);
    if (!pick) throw new DisclosureError('suppression planning found a violation it cannot resolve');
    (partitions[pick.partition] as PartitionPlan).suppressed[pick.group] = 'consistency';
  }
  throw new DisclosureError('suppression planning did not converge');
}

/**
 * Whether publishing statistics of a firm set P (e.g. a panel) inside a planned universe is safe: P holds >= k firms,
 * and for every partition neither the smallest union of atoms containing P nor the largest one inside P differs from P
 * by 1..k-1 firms. `byGroup` gives P's firms per group of each partition.
 */
export function derivedSetIsSafe(
  plan: UniversePlan,
  size: number,
  byGroup: Readonly<Record<string, Readonly<Record<string, number>>>>,
): boolean {
  const k = plan.k;
  if (size === 0) return true;
  if (size < k || !plan.totalPublished) return false;
  const outside = plan.total - size;
  if (outside > 0 && outside < k) return false;
  for (const p of Object.values(plan.partitions)) {
    const counts = byGroup[p.id] ?? {};
    let closure = 0;
    let interior = 0;
    for (const atom of atomsOf(p)) {
      const inside = atom.groups.reduce((s, g) => s + (counts[g] ?? 0), 0);
      if (inside > 0) closure += atom.n;
      if (inside === atom.n) interior += atom.n;
    }
    const above = closure - size;
    const below = size - interior;
    if ((above > 0 && above < k) || (interior > 0 && below > 0 && below < k)) return false;
  }
  return true;
}
