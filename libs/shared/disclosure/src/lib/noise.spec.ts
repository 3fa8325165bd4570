import {
  bernoulli,
  bernoulliExp,
  discreteLaplacePmf,
  sampleDiscreteLaplace,
  scaleOf,
  seededRandomSource,
  uniformBelow,
  type RandomSource,
} from './noise';

const N = 20_000;

/** Frequencies of `draw` over N draws. */
function histogram(draw: () => number): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < N; i++) {
    const x = draw();
    out.set(x, (out.get(x) ?? 0) + 1);
  }
  return out;
}

/** Tolerance for an observed frequency of an event with probability p: 4.5 standard deviations (fixed seed). */
const tolerance = (p: number) => 4.5 * Math.sqrt((p * (1 - p)) / N) + 1 / N;

describe('discrete Laplace sampler (CKS20 / OpenDP design, exact integer arithmetic)', () => {
  it('uniformBelow is uniform and never out of range, without modulo bias', () => {
    const random = seededRandomSource(1);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < N; i++) counts[Number(random.below(6n))]++;
    for (const c of counts) expect(Math.abs(c / N - 1 / 6)).toBeLessThan(tolerance(1 / 6));
    // A byte source whose values would land outside [0, n) is rejected, not folded back by a modulo.
    const bytes = [250, 96]; // top three bits: 7 (rejected), then 3
    let i = 0;
    expect(uniformBelow(5n, () => Uint8Array.of(bytes[i++] as number))).toBe(3n);
    expect(() => uniformBelow(0n, () => new Uint8Array(1))).toThrow();
  });

  it('Bernoulli(p) and Bernoulli(exp(−γ)) hit their probabilities, also for γ > 1', () => {
    const random = seededRandomSource(2);
    const freq = (f: () => boolean) => Array.from({ length: N }, f).filter(Boolean).length / N;
    expect(Math.abs(freq(() => bernoulli(random, 3n, 10n)) - 0.3)).toBeLessThan(tolerance(0.3));
    for (const [num, den] of [
      [0n, 1n],
      [1n, 3n],
      [1n, 1n],
      [5n, 2n],
    ] as const) {
      const p = Math.exp(-Number(num) / Number(den));
      expect(Math.abs(freq(() => bernoulliExp(random, num, den)) - p)).toBeLessThan(tolerance(p));
    }
    expect(() => bernoulli(random, 2n, 1n)).toThrow();
  });

  it.each([
    [1, 1],
    [4, 1],
    [3, 2],
  ])('samples P(x) ∝ exp(−|x| / t) for t = %i/%i: each probability, symmetry, variance', (num, den) => {
    const t = num / den;
    const random = seededRandomSource(100 + num * 10 + den);
    const h = histogram(() => sampleDiscreteLaplace(random, scaleOf(num, den)));
    for (let x = -6; x <= 6; x++) {
      const p = discreteLaplacePmf(x, t);
      expect(Math.abs((h.get(x) ?? 0) / N - p)).toBeLessThan(tolerance(p));
    }
    const samples = [...h.entries()];
    const mean = samples.reduce((s, [x, c]) => s + x * c, 0) / N;
    const variance = samples.reduce((s, [x, c]) => s + (x - mean) ** 2 * c, 0) / N;
    const q = Math.exp(-1 / t);
    const expected = (2 * q) / (1 - q) ** 2;
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(expected / N));
    expect(Math.abs(variance / expected - 1)).toBeLessThan(0.1);
    expect(samples.every(([x]) => Number.isInteger(x))).toBe(true);
  });

  it('is a function of the random source only: the same seed gives the same noise, another seed other noise', () => {
    const draw = (seed: number) => {
      const random = seededRandomSource(seed);
      return Array.from({ length: 50 }, () => sampleDiscreteLaplace(random, scaleOf(4)));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('consumes only uniform integers (never Math.random) and refuses a non-positive scale', () => {
    const spy = jest.spyOn(Math, 'random');
    const calls: bigint[] = [];
    const inner = seededRandomSource(9);
    const recording: RandomSource = { below: (n) => (calls.push(n), inner.below(n)) };
    sampleDiscreteLaplace(recording, scaleOf(8));
    expect(spy).not.toHaveBeenCalled();
    expect(calls.length).toBeGreaterThan(0);
    spy.mockRestore();
    expect(() => scaleOf(0)).toThrow();
    expect(() => scaleOf(1.5)).toThrow();
  });
});
