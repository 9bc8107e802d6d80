// Trusted reference for avg_pool2d_backward(dout, x, kernel_size, stride=None, padding=0): the
// gradient dx of the avg-pool2d exercise's forward pass (divisor kh·kw, zero padding counted),
// with its cases and known mistakes.
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
import { drawPoolInput, ZPoolGenerator, type TPoolGenerator } from "@/grading/pool-exercise";
import { catalog } from "./mistakes";

const makeInput = createPoolBackwardInputMaker(0x18ae);

export const definition = defineExercise<TPoolBackwardInput, TPoolGenerator>({
  output: "floats",
  generatorSchema: ZPoolGenerator,
  edgeCases: [
    { name: "defaults: stride = kernel_size, no padding", title: "avg-pool2d-backward.case.defaults-stride-kernel-size-no-padding", input: makeInput([2, 6, 7], 2, null, 0, "defaults-omitted") },
    { name: "padding counted in the divisor", title: "avg-pool2d-backward.case.padding-counted-in-the-divisor", input: makeInput([1, 4, 5], 3, 2, 1, "keywords") },
    { name: "overlapping windows", title: "avg-pool2d-backward.case.overlapping-windows", input: makeInput([1, 6, 6], 3, 1, 0, "positional") },
    { name: "a stride that leaves rows over", title: "avg-pool2d-backward.case.a-stride-that-leaves-rows-over", input: makeInput([2, 8, 7], 3, 2, 1, "keywords") },
    { name: "stride=None with a tuple kernel and padding", title: "avg-pool2d-backward.case.stride-none-with-a-tuple-kernel-and-padding", input: makeInput([1, 5, 8], [2, 3], null, [1, 1], "positional") },
    { name: "stride larger than the kernel", title: "avg-pool2d-backward.case.stride-larger-than-the-kernel", input: makeInput([2, 7, 7], 2, 3, 0, "defaults-omitted") },
  ],
  generateRandomInput: (random, ranges) => withDout(random, drawPoolInput(random, ranges)),
  toRunnerCase: buildPoolBackwardCall,
  describe: describePoolBackwardInput,
  reference: (input) => pool2dBackward(toPoolBackwardProblem(input, "average")),
  locate: locatePoolGradient,
  variants: buildGradientVariants(
    catalog.map((entry) => entry.variant),
    (input: TPoolBackwardInput, mistakes) => pool2dBackward(toPoolBackwardProblem(input, "average"), mistakes),
  ),
  catalog,
});
