// Builds the runner's call for one case in one of three spellings, so solutions are checked for
// honouring defaults and keyword names as well as positional arguments.
import type { TCaseInput, TRunnerValue } from "@runner";
import type { TRandom } from "./seeded-random";

export type TCallStyle = "positional" | "keywords" | "defaults-omitted";

export interface TOptionalArgument {
  name: string;
  value: TRunnerValue;
  /** whether `value` is what the function's default would give */
  isDefault: boolean;
}

export function drawCallStyle(random: TRandom): TCallStyle {
  return random.pick(["positional", "keywords", "defaults-omitted"] as const);
}

/** "defaults-omitted" leaves out arguments equal to their default and names the others. */
export function buildCall(required: TRunnerValue[], optional: readonly TOptionalArgument[], style: TCallStyle): TCaseInput {
  const args = [...required];
  const kwargs: Record<string, TRunnerValue> = {};
  for (const argument of optional) {
    if (style === "defaults-omitted" && argument.isDefault) continue;
    if (style === "positional") args.push(argument.value);
    else kwargs[argument.name] = argument.value;
  }
  return Object.keys(kwargs).length === 0 ? { args } : { args, kwargs };
}
