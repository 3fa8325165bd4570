import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { SessionService } from '@scs/web/core';
import { ConsentChoiceComponent } from './consent-choice.component';

/**
 * The firm's "Consents" settings tab (firm pages of the accounts feature, lazily loaded): the same choice the wizard
 * asks before submitting, to grant or revoke at any time, as the consent texts promise.
 */
@Component({
  selector: 'scs-firm-consents-page',
  imports: [ConsentChoiceComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      padding: 16px 0;
    }
  `,
  template: `
    @if (orgId(); as id) {
      <scs-consent-choice [orgId]="id" mode="manage" />
    }
  `,
})
export class FirmConsentsPage {
  private readonly session = inject(SessionService);
  protected readonly orgId = computed(() => {
    const org = this.session.activeOrg();
    return org?.kind === 'firm' ? org.orgId : null;
  });
}
