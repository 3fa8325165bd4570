import type { Catalogue, Severity, Text } from '@scs/shared/catalogue';

/** A risk level as a table category: its id and label (from the newest catalogue version). */
export interface VocabularyLevel {
  code: string;
  label: Text;
}

/** A dimension with its code, name and the "D3 Name" label the tables show. */
export interface VocabularyDimension {
  id: string;
  code: string;
  name: Text;
  label: Text;
}

/** The finding an answer option raises, with its dimension (key `questionId:optionId`). */
export interface FindingInfo {
  label: Text;
  dimensionId: string;
  dimensionCode: string;
  dimensionName: Text;
  severity: Severity;
}

/** Labels of levels, dimensions and findings across catalogue versions; the newest version wins. */
export interface CatalogueVocabulary {
  /** The catalogue versions, oldest first (numeric version order). */
  catalogues: Catalogue[];
  levels: VocabularyLevel[];
  dimensions: VocabularyDimension[];
  findings: Map<string, FindingInfo>;
}

/** Catalogue versions oldest first, in numeric version order ("2026.10" after "2026.9"). */
export function byCatalogueVersion(catalogues: readonly Catalogue[]): Catalogue[] {
  return [...catalogues].sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true }));
}

/**
 * The one place that turns the catalogue versions a set of assessments answered into the labels their tables show
 * (member aggregates of a chamber, research tables of a wave).
 */
export function vocabularyOf(catalogues: readonly Catalogue[]): CatalogueVocabulary {
  const sorted = byCatalogueVersion(catalogues);
  const dims = new Map<string, VocabularyDimension>();
  const findings = new Map<string, FindingInfo>();
  for (const c of sorted) {
    for (const d of c.dimensions)
      dims.set(d.id, {
        id: d.id,
        code: d.code,
        name: { en: d.name.en, de: d.name.de },
        label: { en: `${d.code} ${d.name.en}`, de: `${d.code} ${d.name.de}` },
      });
    for (const q of c.questions) {
      const dim = c.dimensions.find((d) => d.id === q.dimension);
      for (const o of q.options) {
        if (!o.finding || !dim) continue;
        findings.set(`${q.id}:${o.id}`, {
          label: { en: o.finding.title.en, de: o.finding.title.de },
          dimensionId: dim.id,
          dimensionCode: dim.code,
          dimensionName: { en: dim.name.en, de: dim.name.de },
          severity: o.finding.severity,
        });
      }
    }
  }
  return {
    catalogues: sorted,
    levels: (sorted.at(-1)?.levels ?? []).map((l) => ({ code: l.id, label: l.label })),
    dimensions: [...dims.values()],
    findings,
  };
}
