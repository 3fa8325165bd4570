import { parse } from 'yaml';
import type { Catalogue } from './schema';
import { validateCatalogue } from './validate';

/** One file of a version folder; `path` is relative to the folder (`questions/d01-tax.yaml`). */
export interface CatalogueFile {
  path: string;
  content: string;
}

export class CatalogueFileError extends Error {
  override name = 'CatalogueFileError';
}

const LISTS = ['references', 'questions'] as const;

function normalise(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

function parseYaml(file: CatalogueFile): unknown {
  try {
    // YAML 1.2 core schema: `no`, `yes` and unquoted dates stay strings.
    return parse(file.content, { version: '1.2', prettyErrors: true, uniqueKeys: true });
  } catch (e) {
    throw new CatalogueFileError(`${file.path}: ${(e as Error).message}`);
  }
}

/**
 * Merges the YAML files of one version folder into the raw catalogue object (not yet validated):
 * catalogue.yaml gives the top level, dimensions.yaml the dimensions, record-types.yaml (optional) the record types, references/*.yaml and questions/*.yaml
 * are concatenated in path order. Files that are not YAML, and the translation files under i18n/, are ignored;
 * unexpected YAML files are an error.
 * Pure and browser-safe: the caller reads the files.
 */
export function mergeCatalogueFiles(files: readonly CatalogueFile[]): Record<string, unknown> {
  const yamlFiles = files
    .map((f) => ({ ...f, path: normalise(f.path) }))
    // i18n/<locale>.yaml are translation files beside the published content (translation.ts), not part of it.
    .filter((f) => /\.ya?ml$/.test(f.path) && !f.path.startsWith('i18n/'))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const root = yamlFiles.find((f) => /^catalogue\.ya?ml$/.test(f.path));
  if (!root) throw new CatalogueFileError('catalogue.yaml is missing');
  const top = parseYaml(root);
  if (top === null || typeof top !== 'object' || Array.isArray(top))
    throw new CatalogueFileError(`${root.path}: must be a mapping`);
  const merged: Record<string, unknown> = { ...(top as Record<string, unknown>) };
  for (const key of ['dimensions', 'recordTypes', ...LISTS]) {
    if (key in merged)
      throw new CatalogueFileError(`${root.path}: "${key}" belongs in its own file(s), not in catalogue.yaml`);
  }

  const lists: Record<string, unknown[]> = { dimensions: [], references: [], questions: [] };
  for (const file of yamlFiles) {
    if (file === root) continue;
    const target = /^dimensions\.ya?ml$/.test(file.path)
      ? 'dimensions'
      : /^record-types\.ya?ml$/.test(file.path)
        ? 'recordTypes'
        : LISTS.find((l) => new RegExp(`^${l}/[^/]+\\.ya?ml$`).test(file.path));
    if (!target) {
      throw new CatalogueFileError(
        `${file.path}: unexpected file (expected catalogue.yaml, dimensions.yaml, record-types.yaml, references/*.yaml or questions/*.yaml)`,
      );
    }
    const content = parseYaml(file);
    if (content === null || content === undefined) continue; // an empty file
    if (!Array.isArray(content)) throw new CatalogueFileError(`${file.path}: must be a list`);
    (lists[target] ??= []).push(...content);
  }
  return { ...merged, ...lists };
}

/** Merges and validates the files of a version folder. Throws CatalogueFileError or CatalogueValidationError. */
export function parseCatalogueFiles(files: readonly CatalogueFile[]): Catalogue {
  return validateCatalogue(mergeCatalogueFiles(files));
}
