import { describe, expect, it } from "vitest";
import { createRandom, drawArray, drawSeed, drawSize, MAX_SEED } from "./seeded-random";

describe("createRandom", () => {
  it("repeats the same sequence for the same seed and differs for another seed", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("is mulberry32, so stored seeds replay the same cases in every version", () => {
    const random = createRandom(1);
    expect([random.next(), random.next(), random.next()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });

  it("draws integers in [low, high] reaching both ends", () => {
    const random = createRandom(7);
    const seen = new Set(Array.from({ length: 500 }, () => random.integer(-2, 3)));
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2, 3]);
  });

  it("draws values with at most two decimals inside the range", () => {
    const array = drawArray(createRandom(3), [4, 5], [-2, 2]);
    expect(array.shape).toEqual([4, 5]);
    for (const value of array.data) {
      expect(value).toBeGreaterThanOrEqual(-2);
      expect(value).toBeLessThanOrEqual(2);
      expect(Math.abs(value * 100 - Math.round(value * 100))).toBeLessThan(1e-9);
    }
  });
});

describe("drawSize", () => {
  it("stays within the limit and mostly within the typical range", () => {
    const random = createRandom(11);
    const sizes = Array.from({ length: 400 }, () => drawSize(random, [1, 3], 9, 0.25));
    expect(Math.max(...sizes)).toBe(9);
    expect(Math.min(...sizes)).toBe(1);
    expect(sizes.filter((size) => size > 3).length).toBeLessThan(150);
  });

  it("never exceeds a limit below the typical range", () => {
    const random = createRandom(5);
    expect(new Set(Array.from({ length: 50 }, () => drawSize(random, [3, 5], 2, 0)))).toEqual(new Set([2]));
  });
});

describe("drawSeed", () => {
  it("returns fresh 32-bit seeds", () => {
    const seeds = new Set(Array.from({ length: 20 }, drawSeed));
    expect(seeds.size).toBeGreaterThan(15);
    for (const seed of seeds) expect(seed >= 0 && seed <= MAX_SEED && Number.isInteger(seed)).toBe(true);
  });
});
