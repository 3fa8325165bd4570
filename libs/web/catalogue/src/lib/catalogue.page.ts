import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Locale } from '@scs/shared/catalogue';
import { describeError } from '@scs/web/core';
import { ErrorBoxComponent, LoadingComponent, LocalDatePipe, StatusBadgeComponent } from '@scs/web/ui';
import { describeRule } from './applicability-text';
import { catalogueResource, indexCatalogue, pick, resourceValue, type PublicQuestion } from './catalogue.client';
import { PortalItemComponent } from './portal-item.component';
import { ReferenceItemComponent } from './reference-item.component';

/** Public "What we assess" page: every dimension with its background, questions and sources. */
@Component({
  selector: 'scs-catalogue-page',
  imports: [
    TranslocoDirective,
    MatExpansionModule,
    MatIconModule,
    MatButtonModule,
    StatusBadgeComponent,
    LoadingComponent,
    ErrorBoxComponent,
    LocalDatePipe,
    ReferenceItemComponent,
    PortalItemComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './catalogue.page.html',
  styleUrl: './catalogue.page.css',
})
export class CataloguePage {
  protected readonly catalogue = catalogueResource();
  protected readonly data = computed(() => resourceValue(this.catalogue));
  protected readonly index = computed(() => {
    const c = this.data();
    return c ? indexCatalogue(c) : null;
  });
  protected readonly error = computed(() =>
    this.catalogue.error() ? describeError(this.catalogue.error()).message : null,
  );
  protected readonly sections = computed(() => {
    const c = this.data();
    const index = this.index();
    if (!c || !index) return [];
    return c.dimensions.map((d) => ({
      dimension: d,
      references: pick(index.references, d.references),
      questions: c.questions.filter((q) => q.dimension === d.id),
    }));
  });
  protected readonly counts = computed(() => {
    const c = this.data();
    if (!c) return null;
    return {
      dimensions: c.dimensions.length,
      questions: c.questions.length,
      references: c.references.length,
      unconfirmed: c.references.filter((r) => r.status === 'unconfirmed').length,
    };
  });
  protected readonly pick = pick;

  protected supersededTitle(id: string | null | undefined): string | null {
    return id ? (this.index()?.references.get(id)?.title ?? id) : null;
  }

  protected rule(q: PublicQuestion, lang: string): string | null {
    return q.applicability ? describeRule(q.applicability, lang as Locale) : null;
  }
}
