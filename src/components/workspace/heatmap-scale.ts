// Colour and number formatting for heatmaps: a diverging scale centred on zero for signed data,
// a sequential one otherwise, and cell text that keeps WCAG AA contrast on any cell colour.

export type TRgb = readonly [red: number, green: number, blue: number];

export interface TDomain {
  min: number;
  max: number;
}

export type TScaleKind = "diverging" | "sequential";

/** ColorBrewer RdBu (reversed so negatives are blue): distinguishable with common colour-vision deficiencies. */
const DIVERGING: readonly TRgb[] = [
  [33, 102, 172],
  [103, 169, 207],
  [209, 229, 240],
  [247, 247, 247],
  [253, 219, 199],
  [239, 138, 98],
  [178, 24, 43],
];

/** ColorBrewer Blues. */
const SEQUENTIAL: readonly TRgb[] = [
  [247, 251, 255],
  [222, 235, 247],
  [198, 219, 239],
  [158, 202, 225],
  [107, 174, 214],
  [49, 130, 189],
  [8, 81, 156],
];

export const BLACK: TRgb = [0, 0, 0];
export const WHITE: TRgb = [255, 255, 255];

/** The range of the finite values; NaN, ±Infinity and missing cells do not stretch the scale. */
export function computeDomain(grids: readonly (readonly (readonly (number | null)[])[])[]): TDomain {
  let min = Infinity;
  let max = -Infinity;
  for (const grid of grids)
    for (const row of grid)
      for (const value of row) {
        if (value === null || !Number.isFinite(value)) continue;
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
  return min <= max ? { min, max } : { min: 0, max: 0 };
}

export function chooseScaleKind(domain: TDomain): TScaleKind {
  return domain.min < 0 ? "diverging" : "sequential";
}

function interpolate(palette: readonly TRgb[], t: number): TRgb {
  const position = Math.max(0, Math.min(1, t)) * (palette.length - 1);
  const lower = Math.min(Math.floor(position), palette.length - 2);
  const fraction = position - lower;
  const [from, to] = [palette[lower], palette[lower + 1]];
  const mix = (channel: 0 | 1 | 2) => Math.round(from[channel] + (to[channel] - from[channel]) * fraction);
  return [mix(0), mix(1), mix(2)];
}

/**
 * Maps a value to a colour. Diverging scales are symmetric around zero so that equal colours
 * mean equal magnitudes on both sides; ±Infinity take the ends. NaN has no colour (callers draw it apart).
 */
export function createColorScale(domain: TDomain, kind: TScaleKind = chooseScaleKind(domain)): (value: number) => TRgb {
  if (kind === "diverging") {
    const maxAbs = Math.max(Math.abs(domain.min), Math.abs(domain.max));
    return (value) => interpolate(DIVERGING, maxAbs === 0 ? 0.5 + Math.sign(value) / 2 : 0.5 + value / (2 * maxAbs));
  }
  const span = domain.max - domain.min;
  return (value) => interpolate(SEQUENTIAL, span === 0 ? (value > domain.max ? 1 : 0) : (value - domain.min) / span);
}

/** WCAG 2 relative luminance. */
export function computeLuminance([red, green, blue]: TRgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

export function computeContrastRatio(a: TRgb, b: TRgb): number {
  const [lighter, darker] = [computeLuminance(a), computeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** Black or white, whichever contrasts more with the background (always at least 4.58:1). */
export function pickTextColor(background: TRgb): TRgb {
  return computeContrastRatio(background, BLACK) >= computeContrastRatio(background, WHITE) ? BLACK : WHITE;
}

export function toCssColor([red, green, blue]: TRgb): string {
  return `rgb(${red} ${green} ${blue})`;
}

/** A CSS gradient showing the scale from its minimum to its maximum, for a legend. */
export function describeGradient(domain: TDomain, kind: TScaleKind = chooseScaleKind(domain)): string {
  const scale = createColorScale(domain, kind);
  const low = kind === "diverging" ? -Math.max(Math.abs(domain.min), Math.abs(domain.max)) : domain.min;
  const high = kind === "diverging" ? -low : domain.max;
  const stops = Array.from({ length: 9 }, (_, step) => toCssColor(scale(low + ((high - low) * step) / 8)));
  return `linear-gradient(to right, ${stops.join(", ")})`;
}

/** The legend's end values: symmetric for a diverging scale, so the middle is zero. */
export function findLegendEnds(domain: TDomain, kind: TScaleKind = chooseScaleKind(domain)): TDomain {
  if (kind === "sequential") return domain;
  const maxAbs = Math.max(Math.abs(domain.min), Math.abs(domain.max));
  return { min: -maxAbs, max: maxAbs };
}

function formatNonFinite(value: number): string | null {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "∞";
  if (value === -Infinity) return "-∞";
  return null;
}

/** "0.500" → "0.5", "1.0e+4" → "1e4": numpy-like text without padding digits. */
function trimZeros(text: string): string {
  return text.replace(/(\.\d*?)0+(e|$)/, "$1$2").replace(/\.(e|$)/, "$1").replace("e+", "e");
}

/** The most characters a value's text may take in a 44-pixel cell. */
export const MAX_CELL_CHARS = 5;

/**
 * Short text that fits a cell: at most MAX_CELL_CHARS characters where a number allows it,
 * three significant digits when they fit, fewer when not, an exponent when tiny or huge. The
 * cell's full value is in its tooltip, the inspect line and the table.
 */
export function formatCellValue(value: number): string {
  const special = formatNonFinite(value);
  if (special !== null) return special;
  const magnitude = Math.abs(value);
  if (value === 0) return "0";
  const candidates =
    magnitude < 1e-2 || magnitude >= 1e5
      ? [value.toExponential(1), value.toExponential(0)]
      : [
          ...(Number.isInteger(value) || magnitude >= 100 ? [String(Math.round(value))] : []),
          value.toPrecision(3),
          value.toPrecision(2),
          value.toPrecision(1),
          value.toExponential(0),
        ];
  const texts = candidates.map(trimZeros);
  return texts.find((text) => text.length <= MAX_CELL_CHARS) ?? texts[texts.length - 1]!;
}

/** Text for tables and messages: up to 6 significant digits. */
export function formatFullValue(value: number): string {
  const special = formatNonFinite(value);
  if (special !== null) return special;
  const magnitude = Math.abs(value);
  if (value === 0 || (Number.isInteger(value) && magnitude < 1e15)) return String(value);
  return magnitude >= 1e6 || magnitude < 1e-4 ? trimZeros(value.toExponential(5)) : trimZeros(value.toPrecision(6));
}
