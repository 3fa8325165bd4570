import type { PeerBenchmark } from '@scs/shared/disclosure';
import { peerComparison } from './peer-comparison';

const benchmark: PeerBenchmark = {
  wave: '2026-H1',
  k: 10,
  sector: {
    available: true,
    by: 'sector',
    group: 'C',
    label: { en: 'Manufacturing', de: 'Verarbeitendes Gewerbe' },
    firms: 14,
    overall: { value: 31.5, display: '31.5', status: 'value' },
    dimensions: [
      { dimensionId: 'tax', mean: { value: 22, display: '22.0', status: 'value' } },
      { dimensionId: 'customs', mean: { value: null, display: '.', status: 'suppressed' } },
    ],
  },
  size: {
    available: false,
    by: 'size',
    reason: 'group_too_small',
    message: { en: 'Too few firms.', de: 'Zu wenige Unternehmen.' },
  },
};

describe('peerComparison', () => {
  it('keeps published means, never a number for a suppressed cell, and localises labels and messages', () => {
    const de = peerComparison(benchmark, 'de');
    expect(de).toEqual({
      wave: '2026-H1',
      k: 10,
      groups: [
        {
          by: 'sector',
          available: true,
          label: 'Verarbeitendes Gewerbe',
          firms: 14,
          overall: 31.5,
          dimensions: [
            { dimensionId: 'tax', mean: 22, display: '22.0' },
            { dimensionId: 'customs', mean: null, display: '.' },
          ],
          message: null,
        },
        {
          by: 'size',
          available: false,
          label: null,
          firms: null,
          overall: null,
          dimensions: [],
          message: 'Zu wenige Unternehmen.',
        },
      ],
    });
    expect(peerComparison(benchmark, 'en').groups[1]?.message).toBe('Too few firms.');
  });
});
