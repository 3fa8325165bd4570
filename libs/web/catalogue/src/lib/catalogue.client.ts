import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { PublicCatalogue, ReadLocale } from '@scs/shared/catalogue';
import { LanguageService } from '@scs/web/core';
import { Observable, catchError, shareReplay, throwError } from 'rxjs';

export type PublicDimension = PublicCatalogue['dimensions'][number];
export type PublicQuestion = PublicCatalogue['questions'][number];
export type PublicOption = PublicQuestion['options'][number];
export type PublicReference = PublicCatalogue['references'][number];
export type PublicPortal = PublicCatalogue['portals'][number];

/**
 * The public catalogue in one language (GET /api/catalogue[/:version]?lang=). Each version × language is fetched
 * once per page load and shared; the server also sends an ETag, so a reload revalidates cheaply.
 */
@Injectable({ providedIn: 'root' })
export class CatalogueClient {
  private readonly http = inject(HttpClient);
  private readonly cache = new Map<string, Observable<PublicCatalogue>>();

  get(version: string | null, lang: ReadLocale): Observable<PublicCatalogue> {
    const key = `${version ?? 'current'}:${lang}`;
    let hit = this.cache.get(key);
    if (!hit) {
      const url = version ? `/api/catalogue/${encodeURIComponent(version)}` : '/api/catalogue';
      hit = this.http.get<PublicCatalogue>(url, { params: { lang } }).pipe(
        // A failed request must not stay cached: the next call tries again.
        catchError((e: unknown) => {
          this.cache.delete(key);
          return throwError(() => e);
        }),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
      this.cache.set(key, hit);
    }
    return hit;
  }
}

/**
 * A resource with the catalogue in the active UI language; it reloads when the language changes.
 * `version` returns undefined while the version is not known yet (nothing is fetched), null for the current version.
 */
export function catalogueResource(version: () => string | null | undefined = () => null) {
  const client = inject(CatalogueClient);
  const language = inject(LanguageService);
  return rxResource({
    params: () => {
      const v = version();
      return v === undefined ? undefined : { version: v, lang: language.current() };
    },
    stream: ({ params }) => client.get(params.version, params.lang),
  });
}

/** A resource's value, or undefined while it has none (reading value() of a failed resource throws). */
export function resourceValue<T>(resource: { hasValue(): boolean; value(): T }): T | undefined {
  return resource.hasValue() ? resource.value() : undefined;
}

/** Lookup tables for the ids a catalogue cross-references. */
export interface CatalogueIndex {
  dimensions: Map<string, PublicDimension>;
  questions: Map<string, PublicQuestion>;
  references: Map<string, PublicReference>;
  portals: Map<string, PublicPortal>;
}

export function indexCatalogue(c: PublicCatalogue): CatalogueIndex {
  return {
    dimensions: new Map(c.dimensions.map((d) => [d.id, d])),
    questions: new Map(c.questions.map((q) => [q.id, q])),
    references: new Map(c.references.map((r) => [r.id, r])),
    portals: new Map(c.portals.map((p) => [p.id, p])),
  };
}

/** The items of `ids` that exist in `map`, in the order given. */
export function pick<T>(map: Map<string, T>, ids: readonly string[] | undefined): T[] {
  return (ids ?? []).flatMap((id) => {
    const item = map.get(id);
    return item ? [item] : [];
  });
}
