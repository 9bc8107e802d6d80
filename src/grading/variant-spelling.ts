// One spelling of a mistake, as the convolution and pooling variants both build them: the
// problem the student's code effectively solves, the reference options it changes, and steps
// applied to the reference's result afterwards.
import type { NdArray } from "./ndarray";

export interface TSpelling<TProblem, TOptions> {
  problem: TProblem;
  changes: Partial<TOptions>;
  after: ((result: NdArray) => NdArray | null)[];
  /** a spelling this problem does not allow: it keeps its place so that spelling i means the same on every case */
  isVoid?: boolean;
}

/** `isCompound`: the rule is one of two mistakes of a compound variant */
export type TMistakeRule<TProblem, TOptions> = (spelling: TSpelling<TProblem, TOptions>, isCompound: boolean) => TSpelling<TProblem, TOptions>[];

export const withChanges = <P, O>(spelling: TSpelling<P, O>, changes: Partial<O>): TSpelling<P, O> => ({
  ...spelling,
  changes: { ...spelling.changes, ...changes },
});
export const withProblem = <P, O>(spelling: TSpelling<P, O>, problem: Partial<P>): TSpelling<P, O> => ({
  ...spelling,
  problem: { ...spelling.problem, ...problem },
});
export const voidOf = <P, O>(spelling: TSpelling<P, O>): TSpelling<P, O> => ({ ...spelling, isVoid: true });
export const thenApply = <P, O>(spelling: TSpelling<P, O>, step: (result: NdArray) => NdArray | null): TSpelling<P, O> => ({
  ...spelling,
  after: [...spelling.after, step],
});
