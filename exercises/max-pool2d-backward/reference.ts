// Trusted reference for max_pool2d_backward(dout, x, kernel_size, stride=None, padding=0): the
// gradient dx of the max-pool2d exercise's forward pass (ties to the first maximum in row-major
// order, as PyTorch), with its cases and known mistakes.
import { defineExercise } from "@/grading/exercise-definition";
import {
  buildGradientVariants,
  buildPoolBackwardCall,
  createPoolBackwardInputMaker,
  describePoolBackwardInput,
  locatePoolGradient,
  toPoolBackwardProblem,
  withDout,
  type TPoolBackwardInput,
} from "@/grading/gradient-exercise";
import { pool2dBackward } from "@/grading/gradient-ops";
import { mapValues } from "@/grading/ndarray";
import { drawPoolInput, ZPoolGenerator, type TPoolGenerator } from "@/grading/pool-exercise";
import { catalog } from "./mistakes";

const makeInput = createPoolBackwardInputMaker(0x18a7);

/** Values cut to -1, 0, 1, so windows hold several equal maxima: random decimals almost never tie. */
const withTies = (input: TPoolBackwardInput): TPoolBackwardInput => ({ ...input, x: mapValues(input.x, (value) => Math.round(value / 2)) });
/** Only a window of negative values next to the padding shows whether the padding counts as -inf. */
const allNegative = (input: TPoolBackwardInput): TPoolBackwardInput => ({ ...input, x: mapValues(input.x, (value) => -0.01 - Math.abs(value)) });

/** Share of random cases drawn with ties. */
const TIES_CHANCE = 0.3;

export const definition = defineExercise<TPoolBackwardInput, TPoolGenerator>({
  output: "floats",
  generatorSchema: ZPoolGenerator,
  edgeCases: [
    { name: "ties inside windows", title: "max-pool2d-backward.case.ties-inside-windows", input: withTies(makeInput([2, 6, 6], 2, null, 0, "defaults-omitted")) },
    { name: "ties in overlapping windows", title: "max-pool2d-backward.case.ties-in-overlapping-windows", input: withTies(makeInput([1, 6, 5], 3, 1, 0, "positional")) },
    { name: "a stride that leaves rows over", title: "max-pool2d-backward.case.a-stride-that-leaves-rows-over", input: makeInput([2, 8, 7], 3, 2, 1, "keywords") },
    { name: "stride=None with a tuple kernel and padding", title: "max-pool2d-backward.case.stride-none-with-a-tuple-kernel-and-padding", input: makeInput([1, 5, 8], [2, 3], null, [1, 1], "positional") },
    { name: "negative values next to the padding", title: "max-pool2d-backward.case.negative-values-next-to-the-padding", input: allNegative(makeInput([1, 5, 5], 3, 2, 1, "keywords")) },
    { name: "stride larger than the kernel", title: "max-pool2d-backward.case.stride-larger-than-the-kernel", input: makeInput([2, 7, 7], 2, 3, 0, "defaults-omitted") },
  ],
  generateRandomInput: (random, ranges) => {
    const input = withDout(random, drawPoolInput(random, ranges));
    return random.chance(TIES_CHANCE) ? withTies(input) : input;
  },
  toRunnerCase: buildPoolBackwardCall,
  describe: describePoolBackwardInput,
  reference: (input) => pool2dBackward(toPoolBackwardProblem(input, "max")),
  locate: locatePoolGradient,
  variants: buildGradientVariants(
    catalog.map((entry) => entry.variant),
    (input: TPoolBackwardInput, mistakes) => pool2dBackward(toPoolBackwardProblem(input, "max"), mistakes),
  ),
  catalog,
});
