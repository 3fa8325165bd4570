import type { Provider } from '@nestjs/common';
import { REPORT_BRANDING, type ReportBrandingSource } from '@scs/api/reports';
import { ChamberBrandingService, toFirmReportBranding } from './branding.service';

/** The chambers feature's side of the REPORT_BRANDING contract: a firm's own reports carry its chamber's branding. */
export const reportBrandingProvider: Provider = {
  provide: REPORT_BRANDING,
  inject: [ChamberBrandingService],
  useFactory: (branding: ChamberBrandingService): ReportBrandingSource => ({
    firmBranding: async (firmId) => {
      const chamberId = await branding.chamberOfFirm(firmId);
      if (!chamberId) return null;
      return {
        version: await branding.brandingVersion(chamberId),
        load: async () => toFirmReportBranding(await branding.brandingOfChamber(chamberId)),
      };
    },
  }),
};
