import type { Catalogue, Option, Question } from './schema';

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
  /** Option-level detail when `fields` includes "options". */
  options: ListDiff<OptionField>;
}

export interface CatalogueDiff {
  from: string;
  to: string;
  /** Top-level settings that changed: title, effectiveFrom, weights, levels, severities. */
  settings: string[];
  dimensions: ListDiff<string>;
  portals: ListDiff<string>;
  references: ListDiff<string>;
  questions: { added: string[]; removed: string[]; changed: QuestionChange[] };
}

/** JSON with sorted keys, so equal content compares equal whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

function changedFields<T extends { id: string }>(a: T, b: T): Exclude<keyof T, 'id'>[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'id').sort() as Exclude<keyof T, 'id'>[];
  return keys.filter((k) => !same(a[k], b[k]));
}

function diffList<T extends { id: string }>(from: readonly T[], to: readonly T[]): ListDiff<Exclude<keyof T, 'id'> & string> {
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

/** What changed from catalogue `a` to catalogue `b`: added, removed and changed items, by id. */
export function diffCatalogues(a: Catalogue, b: Catalogue): CatalogueDiff {
  const questions = diffList<Question>(a.questions, b.questions);
  const byId = (c: Catalogue) => new Map(c.questions.map((q) => [q.id, q]));
  const qa = byId(a);
  const qb = byId(b);
  const emptyOptions = (): ListDiff<OptionField> => ({ added: [], removed: [], changed: [] });
  return {
    from: a.version,
    to: b.version,
    settings: (['title', 'effectiveFrom', 'weights', 'levels', 'severities'] as const).filter((k) => !same(a[k], b[k])),
    dimensions: diffList(a.dimensions, b.dimensions),
    portals: diffList(a.portals, b.portals),
    references: diffList(a.references, b.references),
    questions: {
      added: questions.added,
      removed: questions.removed,
      changed: questions.changed.map((c) => ({
        ...c,
        options: c.fields.includes('options') ? diffList<Option>(qa.get(c.id)?.options ?? [], qb.get(c.id)?.options ?? []) : emptyOptions(),
      })),
    },
  };
}
