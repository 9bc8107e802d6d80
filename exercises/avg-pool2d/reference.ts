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
    { name: "defaults: stride = kernel_size, no padding", nameZh: "默认参数：步长 = kernel_size，无填充", input: makeInput([2, 6, 7], 2, null, 0, "defaults-omitted") },
    { name: "padding counted in the average", nameZh: "填充的 0 计入平均值", input: makeInput([1, 4, 5], 3, 2, 1, "keywords") },
    { name: "stride=None with a tuple kernel", nameZh: "stride=None，kernel_size 为元组", input: makeInput([2, 5, 8], [2, 3], null, [1, 1], "positional") },
    { name: "overlapping windows", nameZh: "相互重叠的窗口", input: makeInput([1, 6, 6], 3, 1, 0, "positional") },
    { name: "windows that do not fit evenly", nameZh: "窗口不能恰好铺满输入", input: makeInput([3, 7, 5], 2, null, 0, "keywords") },
    { name: "1×1 kernel", nameZh: "1×1 的池化窗口", input: makeInput([1, 3, 4], 1, null, 0, "defaults-omitted") },
    { name: "kernel as large as the padded input", nameZh: "池化窗口与填充后的输入一样大", input: makeInput([1, 3, 3], 5, null, 1, "keywords") },
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
