// Trusted reference for max_pool2d(x, kernel_size, stride=None, padding=0) on (C, H, W) with the
// semantics of torch.nn.functional.max_pool2d, with its cases and known mistakes.
import { defineExercise } from "@/grading/exercise-definition";
import { createNdArray } from "@/grading/ndarray";
import {
  buildPoolCall,
  createPoolInputMaker,
  describePoolInput,
  drawPoolInput,
  listPoolArguments,
  locatePoolWindow,
  toPoolProblem,
  ZPoolGenerator,
  type TPoolGenerator,
  type TPoolInput,
} from "@/grading/pool-exercise";
import { buildPoolVariants, solvePoolProblem } from "@/grading/pool-variants";
import { catalog } from "./mistakes";

const makeInput = createPoolInputMaker(0x3a7);

/** Only a window of negative values next to the padding shows whether the padding is -inf. */
const allNegative = (input: TPoolInput): TPoolInput => ({
  ...input,
  x: createNdArray(input.x.shape, input.x.data.map((value) => -0.01 - Math.abs(value))),
});

export const definition = defineExercise<TPoolInput, TPoolGenerator>({
  output: "floats",
  generatorSchema: ZPoolGenerator,
  edgeCases: [
    { name: "defaults: stride = kernel_size, no padding", title: "max-pool2d.case.defaults-stride-kernel-size-no-padding", input: makeInput([2, 6, 7], 2, null, 0, "defaults-omitted") },
    { name: "negative values next to the padding", title: "max-pool2d.case.negative-values-next-to-the-padding", input: allNegative(makeInput([1, 4, 5], 3, 2, 1, "keywords")) },
    { name: "stride=None with a tuple kernel", title: "max-pool2d.case.stride-none-with-a-tuple-kernel", input: makeInput([2, 5, 8], [2, 3], null, [1, 1], "positional") },
    { name: "overlapping windows", title: "max-pool2d.case.overlapping-windows", input: makeInput([1, 6, 6], 3, 1, 0, "positional") },
    { name: "windows that do not fit evenly", title: "max-pool2d.case.windows-that-do-not-fit-evenly", input: makeInput([3, 7, 5], 2, null, 0, "keywords") },
    { name: "1×1 kernel", title: "max-pool2d.case.1x1-kernel", input: makeInput([1, 3, 4], 1, null, 0, "defaults-omitted") },
    { name: "kernel as large as the padded input", title: "max-pool2d.case.kernel-as-large-as-the-padded-input", input: makeInput([1, 3, 3], 5, null, 1, "keywords") },
  ],
  generateRandomInput: drawPoolInput,
  toRunnerCase: buildPoolCall,
  describe: describePoolInput,
  reference: (input) => solvePoolProblem(toPoolProblem(input, "max"))!,
  locate: (input, index) => locatePoolWindow(input, index, "max"),
  variants: buildPoolVariants(
    catalog.map((entry) => entry.variant),
    (input: TPoolInput) => toPoolProblem(input, "max"),
    listPoolArguments,
  ),
  catalog,
});
