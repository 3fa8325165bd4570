import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import {
  PARTNER_CHECK_FOLDER,
  parseCatalogueFiles,
  parseTranslationFile,
  validateTranslation,
  type Catalogue,
  type CatalogueFile,
  type TranslationFile,
} from '@scs/shared/catalogue';

export interface LoadedCatalogue {
  version: string;
  effectiveFrom: string;
  /** SHA-256 (hex) over the folder's YAML files, sorted by path, with line endings normalised. */
  checksum: string;
  catalogue: Catalogue;
  dir: string;
  /** The folder's translation files (`i18n/<locale>.yaml`): outside the checksum, validated against the version. */
  translations: TranslationFile[];
}

/** Translation files live in `i18n/` and are not part of the published content (see translation.ts). */
const TRANSLATIONS = 'i18n/';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith('.'))
      .map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))),
  );
  return nested.flat();
}

/** Reads one version folder's YAML files, relative paths with "/", sorted, CRLF and BOM normalised. */
export async function readVersionFolder(dir: string): Promise<CatalogueFile[]> {
  return (await readYamlFiles(dir)).filter((f) => !f.path.startsWith(TRANSLATIONS));
}

/** Reads and validates a version folder's translation files against its catalogue. */
export async function readTranslations(dir: string, catalogue: Catalogue): Promise<TranslationFile[]> {
  const files = (await readYamlFiles(dir)).filter((f) => f.path.startsWith(TRANSLATIONS));
  return files.map((f) => {
    const file = parseTranslationFile(f.path, f.content);
    if (f.path !== `${TRANSLATIONS}${file.locale}.yaml`)
      throw new Error(`${f.path}: a translation file is named after its locale (i18n/${file.locale}.yaml)`);
    const problems = validateTranslation(catalogue, file);
    if (problems.length) throw new Error(`${f.path}: ${problems.join('; ')}`);
    return file;
  });
}

async function readYamlFiles(dir: string): Promise<CatalogueFile[]> {
  const paths = (await filesUnder(dir)).filter((p) => /\.ya?ml$/.test(p));
  const files = await Promise.all(
    paths.map(async (p) => ({
      path: relative(dir, p).split(sep).join('/'),
      // A checkout with CRLF line endings must not count as a changed version.
      content: (await readFile(p, 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'),
    })),
  );
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function checksumOf(files: readonly CatalogueFile[]): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(f.path).update('\0').update(f.content).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Loads and validates every version folder under `dir` (e.g. libs/shared/catalogue/data/2026.1).
 * Throws one error naming every folder that fails, with all its issues.
 */
export async function loadCatalogueDir(dir: string): Promise<LoadedCatalogue[]> {
  const exists = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!exists) throw new Error(`Catalogue directory ${dir} does not exist (set CATALOGUE_DIR)`);
  const folders = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== PARTNER_CHECK_FOLDER) // the partners feature reads that one
    .map((e) => e.name)
    .sort();
  if (!folders.length) throw new Error(`Catalogue directory ${dir} has no version folders`);

  const loaded: LoadedCatalogue[] = [];
  const failures: string[] = [];
  for (const name of folders) {
    const folder = join(dir, name);
    try {
      const files = await readVersionFolder(folder);
      const catalogue = parseCatalogueFiles(files);
      if (catalogue.version !== name)
        throw new Error(`catalogue.yaml says version ${catalogue.version}, but the folder is named ${name}`);
      loaded.push({
        version: catalogue.version,
        effectiveFrom: catalogue.effectiveFrom,
        checksum: checksumOf(files),
        catalogue,
        dir: folder,
        translations: await readTranslations(folder, catalogue),
      });
    } catch (e) {
      failures.push(`${folder}: ${(e as Error).message}`);
    }
  }
  if (failures.length) throw new Error(`Invalid catalogue data:\n${failures.join('\n')}`);
  return loaded;
}
