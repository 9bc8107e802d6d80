import { describe, expect, it } from "vitest";
import { buildCall } from "./call-style";

const optional = [
  { name: "padding", value: 1, isDefault: true },
  { name: "stride", value: 2, isDefault: false },
];

describe("buildCall", () => {
  it("spells the same call three ways", () => {
    expect(buildCall(["img"], optional, "positional")).toEqual({ args: ["img", 1, 2] });
    expect(buildCall(["img"], optional, "keywords")).toEqual({ args: ["img"], kwargs: { padding: 1, stride: 2 } });
    expect(buildCall(["img"], optional, "defaults-omitted")).toEqual({ args: ["img"], kwargs: { stride: 2 } });
  });
});
