import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { LANG_LABELS, LANG_NAMES, LANGS, Lang, LanguageService, SessionService } from '@scs/web/core';

@Component({
  selector: 'app-root',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    TranslocoDirective,
    MatToolbarModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatMenuModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.css',
})
export class App {
  protected readonly language = inject(LanguageService);
  protected readonly session = inject(SessionService);
  protected readonly langs = LANGS;
  protected readonly langLabels = LANG_LABELS;
  protected readonly langNames = LANG_NAMES;

  constructor() {
    this.language.init();
    void this.session.load();
  }

  protected setLang(lang: Lang): void {
    this.language.use(lang);
  }
}
