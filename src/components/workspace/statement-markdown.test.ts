import { describe, expect, it } from "vitest";
import { expandDisplayMath } from "./statement-markdown";

describe("expandDisplayMath", () => {
  it("turns a one-line $$…$$ into a displayed block", () => {
    expect(expandDisplayMath("Size:\n\n$$H_{out} = H + 2p$$\n")).toBe("Size:\n\n$$\nH_{out} = H + 2p\n$$\n");
  });

  it("leaves inline maths, existing blocks and code fences alone", () => {
    const markdown = "Let $x$ be $$y$$ here.\n\n$$\na\n$$\n\n$$a$$ and $$b$$\n\n```python\n$$not maths$$\n```\n";
    expect(expandDisplayMath(markdown)).toBe(markdown);
  });

  it("resumes after a fence closes", () => {
    expect(expandDisplayMath("~~~\n$$a$$\n~~~\n$$b$$")).toBe("~~~\n$$a$$\n~~~\n$$\nb\n$$");
  });
});
