// Discrete Laplace (two-sided geometric) noise for closed releases (issue 15), after the exact sampler of Canonne,
// Kamath and Steinke, "The Discrete Gaussian for Differential Privacy" (2020), Algorithm 2, as OpenDP implements it
// (`sample_discrete_laplace`): integer arithmetic only, Bernoulli trials with rational probabilities, no floating
// point anywhere between the random bits and the sample. The randomness comes from a `RandomSource`: the API passes
// one backed by node:crypto (this library stays free of Node and framework imports); tests pass a seeded one.
// Never Math.random, never inverting a floating-point CDF (both are attackable: see Mironov 2012).

/** Uniform integers: `below(n)` is uniform on [0, n) for every n ≥ 1. */
export interface RandomSource {
  below(n: bigint): bigint;
}

/** A positive rational scale `num / den`. */
export interface Scale {
  num: bigint;
  den: bigint;
}

export const scaleOf = (num: number, den = 1): Scale => {
  if (!Number.isInteger(num) || !Number.isInteger(den) || num <= 0 || den <= 0)
    throw new Error(`scale must be a positive rational, got ${num}/${den}`);
  return { num: BigInt(num), den: BigInt(den) };
};

/** Bernoulli(num / den), 0 ≤ num ≤ den. */
export function bernoulli(random: RandomSource, num: bigint, den: bigint): boolean {
  if (num < 0n || den <= 0n || num > den) throw new Error('bernoulli: probability outside [0, 1]');
  return random.below(den) < num;
}

/** Bernoulli(exp(−num / den)) for 0 ≤ num / den ≤ 1 (CKS20, Algorithm 1, first part). */
function bernoulliExpUnit(random: RandomSource, num: bigint, den: bigint): boolean {
  let k = 1n;
  while (bernoulli(random, num, den * k)) k++;
  return k % 2n === 1n;
}

/** Bernoulli(exp(−num / den)) for any num / den ≥ 0 (CKS20, Algorithm 1). */
export function bernoulliExp(random: RandomSource, num: bigint, den: bigint): boolean {
  if (num < 0n || den <= 0n) throw new Error('bernoulliExp: negative or undefined exponent');
  let rest = num;
  while (rest > den) {
    if (!bernoulliExpUnit(random, 1n, 1n)) return false;
    rest -= den;
  }
  return bernoulliExpUnit(random, rest, den);
}

/**
 * One sample of the discrete Laplace distribution with scale t = num / den: P(x) ∝ exp(−|x| / t) on the integers
 * (CKS20, Algorithm 2 with their s = den, t = num). Adding it to an integer query of sensitivity Δ gives ε = Δ / t.
 */
export function sampleDiscreteLaplace(random: RandomSource, scale: Scale): number {
  const { num: t, den: s } = scale;
  if (t <= 0n || s <= 0n) throw new Error('discrete Laplace: scale must be positive');
  for (;;) {
    const u = random.below(t);
    if (!bernoulliExp(random, u, t)) continue;
    let v = 0n;
    while (bernoulliExp(random, 1n, 1n)) v++;
    const x = u + t * v;
    const y = x / s; // floor (non-negative)
    const negative = bernoulli(random, 1n, 2n);
    if (negative && y === 0n) continue;
    return Number(negative ? -y : y);
  }
}

/** P(X = x) of the discrete Laplace distribution with scale t (for tests and for the documented bounds). */
export function discreteLaplacePmf(x: number, t: number): number {
  return Math.tanh(1 / (2 * t)) * Math.exp(-Math.abs(x) / t);
}

/**
 * A deterministic source for tests and simulations only (splitmix64): the same seed gives the same stream. Releases
 * use the API's node:crypto source.
 */
export function seededRandomSource(seed: number): RandomSource {
  const MASK = (1n << 64n) - 1n;
  let state = BigInt.asUintN(64, BigInt(seed));
  const next64 = (): bigint => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
    return z ^ (z >> 31n);
  };
  return { below: (n) => uniformBelow(n, (bytes) => bytesFrom(next64, bytes)) };
}

function bytesFrom(next64: () => bigint, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i += 8) {
    let word = next64();
    for (let j = i; j < Math.min(bytes, i + 8); j++) {
      out[j] = Number(word & 0xffn);
      word >>= 8n;
    }
  }
  return out;
}

/**
 * Uniform integer on [0, n) from a source of random bytes, by rejection sampling on the smallest number of bits
 * that holds n − 1 (no modulo bias). Shared by the crypto source of the API and the seeded test source.
 */
export function uniformBelow(n: bigint, randomBytes: (count: number) => Uint8Array): bigint {
  if (n <= 0n) throw new Error('uniformBelow: n must be positive');
  if (n === 1n) return 0n;
  const bits = (n - 1n).toString(2).length;
  const bytes = Math.ceil(bits / 8);
  const excess = BigInt(bytes * 8 - bits);
  for (;;) {
    let x = 0n;
    for (const b of randomBytes(bytes)) x = (x << 8n) | BigInt(b);
    x >>= excess;
    if (x < n) return x;
  }
}
