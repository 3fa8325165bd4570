import { inject } from '@angular/core';
import type { ResolveFn } from '@angular/router';
import { TranslocoService, type TranslocoScope } from '@jsverse/transloco';
import { map, take } from 'rxjs';

/** A route title in the active language from a feature's scoped texts ("SCS Check – …"); set on each navigation. */
export function scopedTitle(scope: TranslocoScope, key: string): ResolveFn<string> {
  return () =>
    inject(TranslocoService)
      .selectTranslate<string>(key, {}, scope)
      .pipe(
        take(1),
        map((text) => `SCS Check – ${text}`),
      );
}
