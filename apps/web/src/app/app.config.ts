import { ApplicationConfig, inject, provideAppInitializer, provideBrowserGlobalErrorListeners } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { browserLang, isLang, provideApi, provideI18n, type Lang } from '@scs/web/core';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(appRoutes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    provideApi(),
    provideAppInitializer(() => {
      // Self-hosted static Material Icons Outlined (about 150 kB woff2, ligatures; no font download from the network).
      // Every icon name the app uses must exist in that font: apps/web/src/icon-names.spec.ts checks it.
      inject(MatIconRegistry).setDefaultFontSetClass('material-icons-outlined');
    }),
    ...provideI18n(),
    // Load the stored language's texts before the first render, so nothing flashes in the wrong language.
    provideAppInitializer(() => {
      const transloco = inject(TranslocoService);
      let lang: Lang = 'en';
      try {
        const stored = localStorage.getItem('scs.lang');
        lang = isLang(stored) ? stored : browserLang(navigator.language);
      } catch {
        // no storage: English
      }
      return firstValueFrom(transloco.load(lang));
    }),
  ],
};
