// Mistakes seen in the error a call raised rather than in the values it returned: sizes computed
// with Python 2's `/`, and (h, w) tuple arguments the function does not accept.
import type { TRaised } from "@runner";
import type { TVariant } from "./exercise-definition";
import { MISTAKES } from "./mistakes";
import { capText, MAX_PARAM_LENGTH } from "./result-format";

const FLOAT_SIZE_ERROR = /'float' object cannot be interpreted as an integer|slice indices must be integers|integer argument expected, got float/;

/** np.zeros((h_out, w_out)) or range(h_out) with h_out = (h - k) / s + 1 raises this TypeError on every case. */
export function python2DivisionVariant<TInput>(): TVariant<TInput> {
  return {
    ...MISTAKES.python2Division,
    candidates: () => [],
    isShownByError: (raised: TRaised | null) => (raised === null ? null : raised.type === "TypeError" && FLOAT_SIZE_ERROR.test(raised.message)),
  };
}

const formatValue = (value: unknown) => (Array.isArray(value) ? `(${value.join(", ")})` : String(value));

/**
 * Only a case with a tuple argument can show the mistake, and only if the calls with plain ints
 * did not raise the same error (then the error has another cause): hence needsContrast.
 */
export function tupleArgumentVariant<TInput>(getArguments: (input: TInput) => Record<string, unknown>): TVariant<TInput> {
  const tuplesOf = (input: TInput) => Object.entries(getArguments(input)).filter(([, value]) => Array.isArray(value));
  return {
    ...MISTAKES.tupleArgumentUnsupported,
    candidates: () => [],
    needsContrast: true,
    isShownByError: (raised, input) => (tuplesOf(input).length === 0 ? null : raised !== null),
    describeEvidence: (raised, input) => ({
      error: capText(raised.type, MAX_PARAM_LENGTH),
      arguments: tuplesOf(input)
        .map(([name, value]) => `${name}=${formatValue(value)}`)
        .join(", "),
    }),
  };
}
