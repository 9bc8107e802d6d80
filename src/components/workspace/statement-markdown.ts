// Prepares statement Markdown for remark-math. remark-math renders `$$…$$` written on one line as
// inline maths; authors (and GitHub, Typora, Obsidian) mean a displayed formula, so such lines
// become the block form remark-math displays. Lines inside fenced code blocks are left alone.

const FENCE = /^\s*(```|~~~)/;
const ONE_LINE_DISPLAY = /^(\s*)\$\$((?:(?!\$\$).)+)\$\$\s*$/;

export function expandDisplayMath(markdown: string): string {
  let openFence: string | null = null;
  return markdown
    .split("\n")
    .map((line) => {
      const fence = FENCE.exec(line)?.[1];
      if (fence) {
        if (openFence === null) openFence = fence;
        else if (fence === openFence) openFence = null;
        return line;
      }
      if (openFence !== null) return line;
      const display = ONE_LINE_DISPLAY.exec(line);
      return display ? `${display[1]}$$\n${display[1]}${display[2].trim()}\n${display[1]}$$` : line;
    })
    .join("\n");
}

interface THastNode {
  type: string;
  properties?: Record<string, unknown>;
  children?: THastNode[];
}

/**
 * A rehype plugin (after rehype-katex): wide displayed formulas scroll sideways, and a scrolling
 * region must be reachable by keyboard, so each display gets a tab stop.
 */
export function makeDisplayMathFocusable() {
  const visit = (node: THastNode): void => {
    const className = node.properties?.className;
    if (node.type === "element" && Array.isArray(className) && className.includes("katex-display")) {
      node.properties!.tabIndex = 0;
    }
    node.children?.forEach(visit);
  };
  return (tree: THastNode) => visit(tree);
}

/** Below this a scaled formula gets hard to read: it scrolls instead. */
export const MIN_MATH_SCALE = 0.7;
/** Down to this a formula is scaled as one line; a wider one wraps first, where TeX would break it. */
export const MIN_ONE_LINE_SCALE = 0.85;

/** Scales the display so that its content fits, not below MIN_MATH_SCALE; true when it fits. */
function scaleToFit(display: HTMLElement, minScale: number): boolean {
  const available = display.clientWidth;
  const needed = display.scrollWidth;
  if (needed <= available) return true;
  // a little under the exact ratio: rounding of glyph widths must not leave a pixel of overflow
  const scale = (available / needed) * 0.98;
  if (scale < minScale) return false;
  display.style.fontSize = `${Math.floor(scale * 1000) / 10}%`;
  return display.scrollWidth <= display.clientWidth;
}

/**
 * Fits one displayed formula to its column, measured at full size: scaled as one line as far as
 * MIN_ONE_LINE_SCALE; else wrapped (data-wrap, see statement.css) and, if a part is still too
 * wide, scaled as far as MIN_MATH_SCALE; what still does not fit is marked data-scrolls, which
 * gives it a visible scroll cue, since overlay scrollbars show nothing.
 */
export function fitDisplayMath(display: HTMLElement): void {
  display.style.fontSize = "";
  display.removeAttribute("data-wrap");
  display.removeAttribute("data-scrolls");
  if (display.clientWidth === 0 || scaleToFit(display, MIN_ONE_LINE_SCALE)) return;
  display.style.fontSize = "";
  display.setAttribute("data-wrap", "true");
  if (scaleToFit(display, MIN_MATH_SCALE)) return;
  display.style.fontSize = `${MIN_MATH_SCALE * 100}%`;
  if (display.scrollWidth > display.clientWidth) display.setAttribute("data-scrolls", "true");
}
