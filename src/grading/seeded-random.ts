// A small seeded generator (mulberry32) so the same seed always yields the same grading cases,
// on every machine and Node version.
import { createNdArray, type NdArray } from "./ndarray";

export interface TRandom {
  /** uniform in [0, 1) */
  next(): number;
  /** uniform integer in [low, high], both ends included */
  integer(low: number, high: number): number;
  /** true with probability `probability` */
  chance(probability: number): boolean;
  pick<T>(options: readonly T[]): T;
  /** uniform in [low, high), rounded to two decimals so values read well in feedback */
  value(low: number, high: number): number;
}

export const MAX_SEED = 2 ** 32 - 1;

export function createRandom(seed: number): TRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  return {
    next,
    integer,
    chance: (probability) => next() < probability,
    pick: (options) => options[integer(0, options.length - 1)],
    value: (low, high) => Math.round((low + next() * (high - low)) * 100) / 100,
  };
}

/** A fresh seed for a Submit: unpredictable, so hidden cases cannot be learned in advance. */
export function drawSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}

/** An array of random two-decimal values in [low, high). */
export function drawArray(random: TRandom, shape: readonly number[], [low, high]: readonly [number, number]): NdArray {
  const array = createNdArray(shape);
  for (let i = 0; i < array.data.length; i++) array.data[i] = random.value(low, high);
  return array;
}

/**
 * A size mostly within `typical` (capped at `limit`), but with probability `anyChance` anywhere in
 * [1, limit]: large edge sizes show up without crowding out ordinary ones.
 */
export function drawSize(random: TRandom, typical: readonly [number, number], limit: number, anyChance: number): number {
  if (random.chance(anyChance)) return random.integer(1, limit);
  return random.integer(Math.min(typical[0], limit), Math.min(typical[1], limit));
}
