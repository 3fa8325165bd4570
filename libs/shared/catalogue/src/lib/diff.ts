import { DONT_KNOW, type Catalogue, type Option, type Question } from './schema';
import { mapEntry } from './validate';

export interface ItemChange<F extends string> {
  id: string;
  fields: F[];
}
export interface ListDiff<F extends string> {
  added: string[];
  removed: string[];
  changed: ItemChange<F>[];
}

export type QuestionField = Exclude<keyof Question, 'id'>;
export type OptionField = Exclude<keyof Option, 'id'>;

export interface QuestionChange extends ItemChange<QuestionField> {
  /** The id in the older version when the question was renamed through the newer version's idMap. */
  from?: string;
  /** Option-level detail when `fields` includes "options" (option ids of the newer version; renamed options compared with their old selves). */
  options: ListDiff<OptionField>;
}

export interface QuestionRename {
  from: string;
  to: string;
  /** Renamed options, old id → new id. */
  options: Record<string, string>;
}

export interface CatalogueDiff {
  from: string;
  to: string;
  /** Top-level settings that changed: title, effectiveFrom, weights, levels, severities. */
  settings: string[];
  dimensions: ListDiff<string>;
  portals: ListDiff<string>;
  references: ListDiff<string>;
  /**
   * By the id in the newer version. With an idMap in `b` (b.previousVersion = a.version) a renamed question counts
   * as changed (with `from`), not as removed plus added; `renamed` lists every rename.
   */
  questions: { added: string[]; removed: string[]; changed: QuestionChange[]; renamed: QuestionRename[] };
  recordTypes: ListDiff<string>;
}

/** JSON with sorted keys, so equal content compares equal whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

function changedFields<T extends { id: string }>(a: T, b: T): Exclude<keyof T, 'id'>[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'id').sort() as Exclude<
    keyof T,
    'id'
  >[];
  return keys.filter((k) => !same(a[k], b[k]));
}

function diffList<T extends { id: string }>(
  from: readonly T[],
  to: readonly T[],
): ListDiff<Exclude<keyof T, 'id'> & string> {
  const before = new Map(from.map((x) => [x.id, x]));
  const after = new Map(to.map((x) => [x.id, x]));
  const changed: ItemChange<Exclude<keyof T, 'id'> & string>[] = [];
  for (const [id, b] of after) {
    const a = before.get(id);
    if (!a) continue;
    const fields = changedFields(a, b) as (Exclude<keyof T, 'id'> & string)[];
    if (fields.length) changed.push({ id, fields });
  }
  return {
    added: [...after.keys()].filter((id) => !before.has(id)),
    removed: [...before.keys()].filter((id) => !after.has(id)),
    changed,
  };
}

/** The idMap of `b` applies when it was written against `a`. */
function idMapBetween(a: Catalogue, b: Catalogue): Catalogue['idMap'] {
  return b.previousVersion === a.version ? (b.idMap ?? {}) : {};
}

/**
 * Where an answer given in catalogue `fromVersion` goes in catalogue `next`: the question id and option id there,
 * or null when the question was removed or the option no longer exists. Follows next.idMap when next.previousVersion
 * is `fromVersion`; otherwise ids are kept as they are. "dont_know" stays "dont_know" when the new question offers it.
 */
export function carryOverAnswer(
  next: Catalogue,
  fromVersion: string,
  questionId: string,
  optionId: string,
): { questionId: string; optionId: string } | null {
  const idMap = next.previousVersion === fromVersion ? (next.idMap ?? {}) : {};
  const { to, options } = mapEntry(idMap[questionId], questionId);
  const question = to === null ? undefined : next.questions.find((q) => q.id === to);
  if (!question) return null;
  const option = optionId === DONT_KNOW ? (question.dontKnow ? DONT_KNOW : undefined) : (options[optionId] ?? optionId);
  if (option === undefined || (option !== DONT_KNOW && !question.options.some((o) => o.id === option))) return null;
  return { questionId: question.id, optionId: option };
}

/** What changed from catalogue `a` to catalogue `b`: added, removed and changed items, by id (following b.idMap for questions). */
export function diffCatalogues(a: Catalogue, b: Catalogue): CatalogueDiff {
  const idMap = idMapBetween(a, b) ?? {};
  const after = new Map(b.questions.map((q) => [q.id, q]));
  const renamed: QuestionRename[] = [];
  const removed: string[] = [];
  const changed: QuestionChange[] = [];
  const targets = new Set<string>();
  for (const old of a.questions) {
    const { to, options } = mapEntry(idMap[old.id], old.id);
    const now = to === null ? undefined : after.get(to);
    if (!now) {
      removed.push(old.id);
      continue;
    }
    targets.add(now.id);
    if (now.id !== old.id || Object.keys(options).length) renamed.push({ from: old.id, to: now.id, options });
    // Compare the old question under its new ids, so a pure rename is no change.
    const renamedOld: Question = {
      ...old,
      id: now.id,
      options: old.options.map((o) => ({ ...o, id: options[o.id] ?? o.id })),
    };
    const fields = changedFields(renamedOld, now);
    if (!fields.length) continue;
    changed.push({
      id: now.id,
      ...(now.id !== old.id ? { from: old.id } : {}),
      fields,
      options: fields.includes('options')
        ? diffList<Option>(renamedOld.options, now.options)
        : { added: [], removed: [], changed: [] },
    });
  }
  return {
    from: a.version,
    to: b.version,
    settings: (['title', 'effectiveFrom', 'weights', 'levels', 'severities'] as const).filter((k) => !same(a[k], b[k])),
    dimensions: diffList(a.dimensions, b.dimensions),
    portals: diffList(a.portals, b.portals),
    references: diffList(a.references, b.references),
    questions: { added: b.questions.map((q) => q.id).filter((id) => !targets.has(id)), removed, changed, renamed },
    recordTypes: diffList(a.recordTypes ?? [], b.recordTypes ?? []),
  };
}
