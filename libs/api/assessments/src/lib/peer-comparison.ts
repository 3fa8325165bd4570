import type { PeerBenchmark, PeerGroup } from '@scs/shared/disclosure';
import type { ReportLocale, ReportPeerComparison, ReportPeerGroup } from '@scs/shared/contracts';

// Release texts come in German and English; a Chinese report shows the English ones.
const bilingual = (locale: ReportLocale): 'en' | 'de' => (locale === 'de' ? 'de' : 'en');

function group(g: PeerGroup, locale: ReportLocale): ReportPeerGroup {
  if (!g.available)
    return {
      by: g.by,
      available: false,
      label: null,
      firms: null,
      overall: null,
      dimensions: [],
      message: g.message[bilingual(locale)],
    };
  return {
    by: g.by,
    available: true,
    label: g.label[bilingual(locale)],
    firms: g.firms,
    overall: g.overall.value,
    // Only published cells carry a value; suppressed ones keep their mark and are never shown as numbers.
    dimensions: g.dimensions.map((d) => ({ dimensionId: d.dimensionId, mean: d.mean.value, display: d.mean.display })),
    message: null,
  };
}

/** The disclosure-controlled peer benchmark in the report's language. */
export function peerComparison(b: PeerBenchmark, locale: ReportLocale): ReportPeerComparison {
  return { wave: b.wave, k: b.k, groups: [group(b.sector, locale), group(b.size, locale)] };
}
