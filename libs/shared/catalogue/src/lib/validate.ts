import type { z } from 'zod';
import { isApplicable } from './applicability';
import type { FirmProfile } from './profile';
import { catalogueSchema, type Catalogue, type IdMapEntry, type Question } from './schema';

/** The first version whose data must follow the 2026.2 rules (no D<digits> question ids, where-to-check, confirmed knock-outs). */
export const STRICT_FROM_VERSION = '2026.2';

/** Compares catalogue versions `<year>.<n>` numerically (2026.10 after 2026.9). */
export function compareVersions(a: string, b: string): number {
  const [ya = 0, na = 0] = a.split('.').map(Number);
  const [yb = 0, nb = 0] = b.split('.').map(Number);
  return ya - yb || na - nb;
}

export interface CatalogueIssue {
  /** Readable location, using ids where the item has one: `questions[T1].options[d].finding.remediation.de`. */
  path: string;
  message: string;
}

export class CatalogueValidationError extends Error {
  constructor(
    readonly issues: CatalogueIssue[],
    label = 'Catalogue',
  ) {
    super(
      `${label} is invalid (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n${issues.map((i) => `- ${i.path || '(root)'}: ${i.message}`).join('\n')}`,
    );
    this.name = 'CatalogueValidationError';
  }
}

type PathKey = PropertyKey;

/** Renders a path, replacing list indexes by the item's id where it has one. */
export function formatPath(raw: unknown, path: readonly PathKey[]): string {
  let out = '';
  let node: unknown = raw;
  for (const key of path) {
    const child = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const id = child !== null && typeof child === 'object' ? (child as { id?: unknown }).id : undefined;
      out += typeof id === 'string' && id ? `[${id}]` : `[${key}]`;
    } else {
      out += `${out ? '.' : ''}${String(key)}`;
    }
    node = child;
  }
  return out;
}

function message(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return 'is required';
  if (issue.code === 'unrecognized_keys') {
    const keys = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    // `{ en: A, b, de: C }` in YAML splits at the comma: the tail of the text turns into a key.
    const textLike = issue.keys.some((k) => /[\s,.]|^[0-9]+$/.test(k));
    return textLike
      ? `${keys}: probably an unquoted comma or colon in a { en: ..., de: ... } text; quote the text`
      : keys;
  }
  return issue.message;
}

// ---- cross-checks over the whole catalogue; written defensively so they also run when the structure has errors

type Item = Record<string, unknown>;
const singular = (key: string) => (key === 'recordTypes' ? 'record type' : key.replace(/s$/, ''));
const list = (v: unknown): Item[] =>
  Array.isArray(v) ? v.filter((x): x is Item => x !== null && typeof x === 'object') : [];
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function crossCheck(raw: unknown): { path: PathKey[]; message: string }[] {
  const issues: { path: PathKey[]; message: string }[] = [];
  if (raw === null || typeof raw !== 'object') return issues;
  const root = raw as Item;
  const all = {
    portals: list(root['portals']),
    dimensions: list(root['dimensions']),
    references: list(root['references']),
    questions: list(root['questions']),
    recordTypes: list(root['recordTypes']),
  };

  const idSets = {} as Record<keyof typeof all, Set<string>>;
  for (const key of Object.keys(all) as (keyof typeof all)[]) {
    const seen = new Set<string>();
    const items = Array.isArray(root[key]) ? (root[key] as unknown[]) : [];
    items.forEach((item, i) => {
      const id = item !== null && typeof item === 'object' ? (item as Item)['id'] : undefined;
      if (typeof id !== 'string') return;
      if (seen.has(id)) issues.push({ path: [key, i, 'id'], message: `duplicate ${singular(key)} id "${id}"` });
      seen.add(id);
    });
    idSets[key] = seen;
  }
  const codes = new Set<string>();
  (Array.isArray(root['dimensions']) ? (root['dimensions'] as Item[]) : []).forEach((d, i) => {
    const code = d?.['code'];
    if (typeof code !== 'string') return;
    if (codes.has(code))
      issues.push({ path: ['dimensions', i, 'code'], message: `duplicate dimension code "${code}"` });
    codes.add(code);
  });

  const mustExist = (kind: keyof typeof all, ids: unknown, path: PathKey[]) => {
    strings(ids).forEach((id, j) => {
      if (!idSets[kind].has(id)) issues.push({ path: [...path, j], message: `unknown ${singular(kind)} "${id}"` });
    });
  };
  const mustExistOne = (kind: keyof typeof all, id: unknown, path: PathKey[]) => {
    if (typeof id === 'string' && !idSets[kind].has(id))
      issues.push({ path, message: `unknown ${singular(kind)} "${id}"` });
  };
  const version = typeof root['version'] === 'string' ? root['version'] : '';
  const strict = compareVersions(version, STRICT_FROM_VERSION) >= 0;
  const referenceStatus = new Map(all.references.map((r) => [r['id'], r['status']]));
  const dimensionCodes = new Set(
    all.dimensions.map((d) => d['code']).filter((c): c is string => typeof c === 'string'),
  );

  const periodChecks = (period: unknown, path: PathKey[]) => {
    if (period && typeof period === 'object') mustExist('references', (period as Item)['basis'], [...path, 'basis']);
  };
  list(root['recordTypes']).forEach((r, i) => {
    mustExist('references', r['references'], ['recordTypes', i, 'references']);
    const channel = r['channel'];
    if (channel && typeof channel === 'object')
      mustExistOne('portals', (channel as Item)['portal'], ['recordTypes', i, 'channel', 'portal']);
    list(r['tiers']).forEach((t, k) => {
      periodChecks(t['repairFrom'], ['recordTypes', i, 'tiers', k, 'repairFrom']);
      periodChecks(t['endsAfter'], ['recordTypes', i, 'tiers', k, 'endsAfter']);
    });
    for (const key of ['processing', 'deadlines'] as const) {
      list(r[key]).forEach((d, k) => mustExist('references', d['basis'], ['recordTypes', i, key, k, 'basis']));
    }
  });
  const indexed = (key: keyof typeof all) =>
    (Array.isArray(root[key]) ? (root[key] as unknown[]) : []).map((x, i) => [x, i] as const);

  for (const [d, i] of indexed('dimensions')) {
    if (d && typeof d === 'object') mustExist('references', (d as Item)['references'], ['dimensions', i, 'references']);
  }
  for (const [r, i] of indexed('references')) {
    const by = r && typeof r === 'object' ? (r as Item)['supersededBy'] : undefined;
    if (typeof by !== 'string') continue;
    if (by === (r as Item)['id'])
      issues.push({ path: ['references', i, 'supersededBy'], message: 'a reference cannot supersede itself' });
    else if (!idSets.references.has(by))
      issues.push({ path: ['references', i, 'supersededBy'], message: `unknown reference "${by}"` });
  }
  const used = new Set<string>();
  for (const [q, i] of indexed('questions')) {
    if (!q || typeof q !== 'object') continue;
    const item = q as Item;
    const dimension = item['dimension'];
    if (typeof dimension === 'string') {
      used.add(dimension);
      if (!idSets.dimensions.has(dimension))
        issues.push({ path: ['questions', i, 'dimension'], message: `unknown dimension "${dimension}"` });
    }
    mustExist('references', item['references'], ['questions', i, 'references']);
    mustExist('portals', item['portals'], ['questions', i, 'portals']);
    mustExistOne('recordTypes', item['record'], ['questions', i, 'record']);
    list(item['whereToCheck']).forEach((step, k) =>
      mustExistOne('portals', step['portal'], ['questions', i, 'whereToCheck', k, 'portal']),
    );
    const id = item['id'];
    const confirmedReference = strings(item['references']).some((r) => referenceStatus.get(r) === 'confirmed');
    list(item['options']).forEach((o, k) => {
      mustExistOne('recordTypes', o['record'], ['questions', i, 'options', k, 'record']);
      const type = list(root['recordTypes']).find((r) => r['id'] === o['record']);
      const tierIds = new Set(list(type?.['tiers']).map((t) => t['id']));
      strings(o['recordTiers']).forEach((tier, j) => {
        if (type && !tierIds.has(tier))
          issues.push({
            path: ['questions', i, 'options', k, 'recordTiers', j],
            message: `record type "${String(o['record'])}" has no tier "${tier}"`,
          });
      });
      const threshold = o['threshold'];
      if (threshold && typeof threshold === 'object')
        mustExist('references', (threshold as Item)['basis'], ['questions', i, 'options', k, 'threshold', 'basis']);
      if (!strict || o['knockOut'] !== true) return;
      if (!confirmedReference) {
        issues.push({
          path: ['questions', i, 'options', k, 'knockOut'],
          message: 'a knock-out option must cite at least one confirmed reference (the question cites none)',
        });
      }
      if (threshold && typeof threshold === 'object' && (threshold as Item)['status'] !== 'confirmed') {
        issues.push({
          path: ['questions', i, 'options', k, 'knockOut'],
          message: 'a knock-out option must not rest on an unconfirmed threshold',
        });
      }
    });
    if (strict && typeof id === 'string') {
      if (dimensionCodes.has(id))
        issues.push({ path: ['questions', i, 'id'], message: `question id "${id}" equals a dimension code` });
      else if (/^D[0-9]/.test(id))
        issues.push({
          path: ['questions', i, 'id'],
          message: `question id "${id}" looks like a dimension code (D<number>); use another letter`,
        });
    }
    if (strict && item['dontKnow'] !== undefined && item['whereToCheck'] === undefined) {
      issues.push({
        path: ['questions', i, 'whereToCheck'],
        message: 'a factual question (one with dontKnow) needs whereToCheck',
      });
    }
  }
  const previous = root['previousVersion'];
  if (typeof previous === 'string' && version && compareVersions(previous, version) >= 0) {
    issues.push({ path: ['previousVersion'], message: `previousVersion ${previous} must be older than ${version}` });
  }
  const idMap = root['idMap'];
  if (idMap && typeof idMap === 'object') {
    if (typeof previous !== 'string') issues.push({ path: ['idMap'], message: 'an idMap needs previousVersion' });
    const questionsById = new Map(all.questions.map((q) => [q['id'], q]));
    for (const [from, entry] of Object.entries(idMap as Record<string, unknown>)) {
      const to =
        typeof entry === 'string' ? entry : entry && typeof entry === 'object' ? (entry as Item)['to'] : undefined;
      if (typeof to !== 'string') continue;
      const target = questionsById.get(to);
      if (!target) {
        issues.push({ path: ['idMap', from], message: `maps to unknown question "${to}"` });
        continue;
      }
      const options = entry && typeof entry === 'object' ? (entry as Item)['options'] : undefined;
      const optionIds = new Set(list(target['options']).map((o) => o['id']));
      for (const [oldOption, newOption] of Object.entries(
        options && typeof options === 'object' ? (options as Record<string, unknown>) : {},
      )) {
        if (!optionIds.has(newOption))
          issues.push({
            path: ['idMap', from, 'options', oldOption],
            message: `question "${to}" has no option "${String(newOption)}"`,
          });
      }
    }
  }
  for (const [d, i] of indexed('dimensions')) {
    const id = d && typeof d === 'object' ? (d as Item)['id'] : undefined;
    if (typeof id === 'string' && all.questions.length && !used.has(id))
      issues.push({ path: ['dimensions', i], message: `dimension "${id}" has no questions` });
  }
  return issues;
}

/**
 * Validates raw catalogue data (as merged from the YAML files) and returns it typed.
 * Throws a CatalogueValidationError listing every structural and cross-reference issue with its path.
 */
export function validateCatalogue(raw: unknown): Catalogue {
  const parsed = catalogueSchema.safeParse(raw);
  const issues: CatalogueIssue[] = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ path: formatPath(raw, i.path), message: message(i) }))),
    ...crossCheck(raw).map((i) => ({ path: formatPath(raw, i.path), message: i.message })),
  ];
  if (issues.length || !parsed.success) {
    const version = raw !== null && typeof raw === 'object' ? (raw as Item)['version'] : undefined;
    throw new CatalogueValidationError(issues, typeof version === 'string' ? `Catalogue ${version}` : 'Catalogue');
  }
  return parsed.data;
}

/** Where an old question id goes in the catalogue with this idMap: the new id (or null when removed) and renamed options. */
export function mapEntry(
  entry: IdMapEntry | undefined,
  oldId: string,
): { to: string | null; options: Record<string, string> } {
  if (entry === undefined) return { to: oldId, options: {} };
  if (typeof entry === 'string') return { to: entry, options: {} };
  return { to: entry.to, options: entry.options ?? {} };
}

/**
 * Checks an idMap against the previous version: every key is a question of `previous`, every renamed option exists there,
 * and every question of `previous` either keeps its id in `next` or is mapped.
 */
export function checkIdMap(previous: Catalogue, next: Catalogue): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const old = new Map(previous.questions.map((q) => [q.id, q]));
  const now = new Set(next.questions.map((q) => q.id));
  if (next.previousVersion !== previous.version) {
    issues.push({
      path: 'previousVersion',
      message: `is ${next.previousVersion ?? 'not set'}, expected ${previous.version}`,
    });
  }
  for (const [from, entry] of Object.entries(next.idMap ?? {})) {
    const q = old.get(from);
    if (!q) {
      issues.push({ path: `idMap.${from}`, message: `${previous.version} has no question "${from}"` });
      continue;
    }
    for (const option of Object.keys(mapEntry(entry, from).options)) {
      if (!q.options.some((o) => o.id === option))
        issues.push({
          path: `idMap.${from}.options.${option}`,
          message: `${previous.version} question "${from}" has no option "${option}"`,
        });
    }
  }
  for (const q of previous.questions) {
    if (!now.has(q.id) && !(next.idMap && q.id in next.idMap)) {
      issues.push({
        path: `idMap.${q.id}`,
        message: `question "${q.id}" of ${previous.version} is gone from ${next.version} and not mapped (map it, or map it to null)`,
      });
    }
  }
  return issues;
}

/** The questions that apply to this firm, in catalogue order. */
export function applicableQuestions(catalogue: Catalogue, profile: FirmProfile): Question[] {
  return catalogue.questions.filter((q) => isApplicable(q.applicability, profile));
}
