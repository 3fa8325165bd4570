import type { Provider } from '@nestjs/common';
import type { PeerBenchmark } from '@scs/shared/disclosure';
import { ResearchService, type PeerProfile } from './research.service';

/**
 * The contract through which other features (the firm report) read the peer figures of the research feature: the
 * disclosure-controlled "firms like yours" comparison and the cheap version of the release it comes from.
 */
export interface PeerFigures {
  /** Changes whenever `forProfile` may answer differently (new closed wave, recomputed summary). */
  release(): Promise<string>;
  forProfile(profile: PeerProfile): Promise<PeerBenchmark>;
}

/** Injection token of PeerFigures; ResearchModule provides and exports it. */
export const PEER_FIGURES = Symbol('PEER_FIGURES');

export const peerFiguresProvider: Provider = {
  provide: PEER_FIGURES,
  inject: [ResearchService],
  useFactory: (research: ResearchService): PeerFigures => ({
    release: () => research.peerRelease(),
    forProfile: (profile) => research.peerBenchmarkFor(profile),
  }),
};
