// Trusted reference for avg_pool2d(x, kernel_size, stride=None, padding=0) on (C, H, W) with the
// semantics and defaults of torch.nn.functional.avg_pool2d (zero padding counted in the average).
import { defineExercise } from "@/grading/exercise-definition";
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

const makeInput = createPoolInputMaker(0xa7e);

export const definition = defineExercise<TPoolInput, TPoolGenerator>({
  output: "floats",
  generatorSchema: ZPoolGenerator,
  edgeCases: [
    { name: "defaults: stride = kernel_size, no padding", title: "avg-pool2d.case.defaults-stride-kernel-size-no-padding", input: makeInput([2, 6, 7], 2, null, 0, "defaults-omitted") },
    { name: "padding counted in the average", title: "avg-pool2d.case.padding-counted-in-the-average", input: makeInput([1, 4, 5], 3, 2, 1, "keywords") },
    { name: "stride=None with a tuple kernel", title: "avg-pool2d.case.stride-none-with-a-tuple-kernel", input: makeInput([2, 5, 8], [2, 3], null, [1, 1], "positional") },
    { name: "overlapping windows", title: "avg-pool2d.case.overlapping-windows", input: makeInput([1, 6, 6], 3, 1, 0, "positional") },
    { name: "windows that do not fit evenly", title: "avg-pool2d.case.windows-that-do-not-fit-evenly", input: makeInput([3, 7, 5], 2, null, 0, "keywords") },
    { name: "1×1 kernel", title: "avg-pool2d.case.1x1-kernel", input: makeInput([1, 3, 4], 1, null, 0, "defaults-omitted") },
    { name: "kernel as large as the padded input", title: "avg-pool2d.case.kernel-as-large-as-the-padded-input", input: makeInput([1, 3, 3], 5, null, 1, "keywords") },
  ],
  generateRandomInput: drawPoolInput,
  toRunnerCase: buildPoolCall,
  describe: describePoolInput,
  reference: (input) => solvePoolProblem(toPoolProblem(input, "average"))!,
  locate: (input, index) => locatePoolWindow(input, index, "average"),
  variants: buildPoolVariants(
    catalog.map((entry) => entry.variant),
    (input: TPoolInput) => toPoolProblem(input, "average"),
    listPoolArguments,
  ),
  catalog,
});
