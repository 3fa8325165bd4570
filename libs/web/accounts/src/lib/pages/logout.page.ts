import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { SessionService } from '@scs/web/core';
import { LoadingComponent } from '@scs/web/ui';
import { AccountsApi } from '../data/accounts.api';

/** Ends the session on the server (its tokens stop working), clears the local state and goes home. */
@Component({
  selector: 'scs-logout-page',
  imports: [TranslocoDirective, LoadingComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<ng-container *transloco="let t; prefix: 'accounts'"
    ><scs-loading [label]="t('logout.working')"
  /></ng-container>`,
})
export class LogoutPage implements OnInit {
  private readonly api = inject(AccountsApi);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);

  async ngOnInit(): Promise<void> {
    try {
      await this.api.logout();
    } catch {
      // already signed out or offline: the local state is cleared either way
    }
    this.session.clear();
    await this.router.navigateByUrl('/', { replaceUrl: true });
  }
}
