import type { z } from 'zod';
import { isApplicable } from './applicability';
import type { FirmProfile } from './profile';
import { catalogueSchema, type Catalogue, type Question } from './schema';

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
    super(`${label} is invalid (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n${issues.map((i) => `- ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
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
    return textLike ? `${keys}: probably an unquoted comma or colon in a { en: ..., de: ... } text; quote the text` : keys;
  }
  return issue.message;
}

// ---- cross-checks over the whole catalogue; written defensively so they also run when the structure has errors

type Item = Record<string, unknown>;
const list = (v: unknown): Item[] => (Array.isArray(v) ? v.filter((x): x is Item => x !== null && typeof x === 'object') : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function crossCheck(raw: unknown): { path: PathKey[]; message: string }[] {
  const issues: { path: PathKey[]; message: string }[] = [];
  if (raw === null || typeof raw !== 'object') return issues;
  const root = raw as Item;
  const all = { portals: list(root['portals']), dimensions: list(root['dimensions']), references: list(root['references']), questions: list(root['questions']) };

  const idSets = {} as Record<keyof typeof all, Set<string>>;
  for (const key of Object.keys(all) as (keyof typeof all)[]) {
    const seen = new Set<string>();
    const items = Array.isArray(root[key]) ? (root[key] as unknown[]) : [];
    items.forEach((item, i) => {
      const id = item !== null && typeof item === 'object' ? (item as Item)['id'] : undefined;
      if (typeof id !== 'string') return;
      if (seen.has(id)) issues.push({ path: [key, i, 'id'], message: `duplicate ${key.replace(/s$/, '')} id "${id}"` });
      seen.add(id);
    });
    idSets[key] = seen;
  }
  const codes = new Set<string>();
  (Array.isArray(root['dimensions']) ? (root['dimensions'] as Item[]) : []).forEach((d, i) => {
    const code = d?.['code'];
    if (typeof code !== 'string') return;
    if (codes.has(code)) issues.push({ path: ['dimensions', i, 'code'], message: `duplicate dimension code "${code}"` });
    codes.add(code);
  });

  const mustExist = (kind: keyof typeof all, ids: unknown, path: PathKey[]) => {
    strings(ids).forEach((id, j) => {
      if (!idSets[kind].has(id)) issues.push({ path: [...path, j], message: `unknown ${kind.replace(/s$/, '')} "${id}"` });
    });
  };
  const indexed = (key: keyof typeof all) => (Array.isArray(root[key]) ? (root[key] as unknown[]) : []).map((x, i) => [x, i] as const);

  for (const [d, i] of indexed('dimensions')) {
    if (d && typeof d === 'object') mustExist('references', (d as Item)['references'], ['dimensions', i, 'references']);
  }
  for (const [r, i] of indexed('references')) {
    const by = r && typeof r === 'object' ? (r as Item)['supersededBy'] : undefined;
    if (typeof by !== 'string') continue;
    if (by === (r as Item)['id']) issues.push({ path: ['references', i, 'supersededBy'], message: 'a reference cannot supersede itself' });
    else if (!idSets.references.has(by)) issues.push({ path: ['references', i, 'supersededBy'], message: `unknown reference "${by}"` });
  }
  const used = new Set<string>();
  for (const [q, i] of indexed('questions')) {
    if (!q || typeof q !== 'object') continue;
    const item = q as Item;
    const dimension = item['dimension'];
    if (typeof dimension === 'string') {
      used.add(dimension);
      if (!idSets.dimensions.has(dimension)) issues.push({ path: ['questions', i, 'dimension'], message: `unknown dimension "${dimension}"` });
    }
    mustExist('references', item['references'], ['questions', i, 'references']);
    mustExist('portals', item['portals'], ['questions', i, 'portals']);
  }
  for (const [d, i] of indexed('dimensions')) {
    const id = d && typeof d === 'object' ? (d as Item)['id'] : undefined;
    if (typeof id === 'string' && all.questions.length && !used.has(id)) issues.push({ path: ['dimensions', i], message: `dimension "${id}" has no questions` });
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

/** The questions that apply to this firm, in catalogue order. */
export function applicableQuestions(catalogue: Catalogue, profile: FirmProfile): Question[] {
  return catalogue.questions.filter((q) => isApplicable(q.applicability, profile));
}
