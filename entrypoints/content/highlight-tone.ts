/**
 * The colour maths that picks a highlight's tone from the colours under it: parsing computed
 * colours, alpha compositing, WCAG relative luminance and contrast. Pure (no DOM): the content
 * script reads the computed styles and hands the colours in.
 */

/** sRGB channels 0–255 and alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/**
 * The tones a highlight comes in, as `data-pledgemark-tone` values. `light` and `dark` suit
 * light and dark backgrounds (a tint and an underline); the `-line` tones are their underline
 * alone, for colour pairs a tint would take below AA contrast.
 */
export type Tone = 'light' | 'dark' | 'light-line' | 'dark-line';

export interface ToneLook {
  /** The mark's background, painted over the page's; null when the tone has none. */
  tint: Rgba | null;
  underline: Rgba;
}

const DARK_AMBER: Rgba = { r: 191, g: 120, b: 0, a: 0.85 };
const LIGHT_AMBER: Rgba = { r: 255, g: 208, b: 80, a: 1 };
/** An underline alone carries the highlight: at least 3:1 against white and pale pages. */
const DEEP_AMBER: Rgba = { r: 179, g: 107, b: 0, a: 1 };

/**
 * What each tone paints (`HIGHLIGHT_STYLES` in highlight-style.ts is made from these). On dark
 * backgrounds a paler amber at a much lower alpha (amber over dark turns brown) with a light
 * underline, so that light text keeps its contrast.
 */
export const TONE_LOOKS: Readonly<Record<Tone, ToneLook>> = {
  light: { tint: { r: 255, g: 196, b: 0, a: 0.3 }, underline: DARK_AMBER },
  dark: { tint: { r: 255, g: 214, b: 102, a: 0.14 }, underline: LIGHT_AMBER },
  'light-line': { tint: null, underline: DEEP_AMBER },
  'dark-line': { tint: null, underline: LIGHT_AMBER },
};

/** WCAG 2 AA for body text. */
export const AA_CONTRAST = 4.5;

export const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
export const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 };
export const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, a: 0 };

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** A number, or a percentage of `percentOf`; NaN when it is neither. */
function component(token: string, percentOf: number): number {
  if (token === 'none') return 0;
  if (token.endsWith('%')) return (parseFloat(token) / 100) * percentOf;
  return Number(token);
}

/** The arguments of a colour function (commas or spaces), and the alpha after a `/`. */
function splitArguments(body: string): { values: string[]; alpha: string | undefined } {
  const [main = '', alpha] = body.split('/');
  const values = main
    .trim()
    .split(/\s*,\s*|\s+/)
    .filter(Boolean);
  return { values, alpha: alpha?.trim() };
}

/** An sRGB channel (0–255) from linear light (0–1), clamped into the gamut. */
const fromLinear = (value: number) => {
  const v = clamp(value, 0, 1);
  return (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055) * 255;
};
/** Linear light (0–1) from an sRGB channel (0–255). */
const toLinear = (channel: number) => {
  const v = channel / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};

/** sRGB channels (0–255) from OKLab, through linear sRGB (Björn Ottosson's matrices). */
function oklabToRgb(l: number, a: number, b: number): [number, number, number] {
  const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    fromLinear(4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_),
    fromLinear(-1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_),
    fromLinear(-0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_),
  ];
}

/**
 * Parses a computed colour: `rgb()`/`rgba()` (as browsers give computed colours), hex,
 * `transparent`, `color(srgb …)`/`color(srgb-linear …)`, and `oklab()`/`oklch()` (which Chromium
 * keeps as written, as on Tailwind pages). Null for anything else (another colour space, a
 * keyword).
 */
export function parseColor(text: string): Rgba | null {
  const css = text.trim().toLowerCase();
  if (css === 'transparent' || css === '') return css ? { ...TRANSPARENT } : null;
  if (css.startsWith('#')) return parseHex(css.slice(1));
  const match = /^([a-z-]+)\((.*)\)$/.exec(css);
  if (!match) return null;
  const [, name, body = ''] = match;
  const { values, alpha: slashAlpha } = splitArguments(body);
  let alpha = slashAlpha;
  let channels: [number, number, number];
  if (name === 'rgb' || name === 'rgba') {
    // The legacy comma syntax gives the alpha as a fourth value.
    if (values.length === 4 && alpha === undefined) alpha = values.pop();
    channels = [0, 1, 2].map((i) => component(values[i] ?? '', 255)) as typeof channels;
  } else if (name === 'color') {
    const space = values.shift();
    const unit = values.map((value) => component(value, 1));
    if (space === 'srgb') channels = unit.map((v) => clamp(v, 0, 1) * 255) as typeof channels;
    else if (space === 'srgb-linear') channels = unit.map(fromLinear) as typeof channels;
    else return null;
  } else if (name === 'oklab') {
    const [l, a, b] = [
      component(values[0] ?? '', 1),
      ...values.slice(1).map((v) => component(v, 0.4)),
    ];
    channels = oklabToRgb(l, a ?? NaN, b ?? NaN);
  } else if (name === 'oklch') {
    const l = component(values[0] ?? '', 1);
    const chroma = component(values[1] ?? '', 0.4);
    const hue = (parseFloat(values[2] ?? '') * Math.PI) / 180 || 0;
    channels = oklabToRgb(l, chroma * Math.cos(hue), chroma * Math.sin(hue));
  } else return null;
  if (values.length < 3) return null;
  const a = alpha === undefined ? 1 : component(alpha, 1);
  if (![...channels, a].every(Number.isFinite)) return null;
  const [r, g, b] = channels.map((v) => clamp(v, 0, 255)) as typeof channels;
  return { r, g, b, a: clamp(a, 0, 1) };
}

function parseHex(hex: string): Rgba | null {
  if (!/^(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.test(hex)) return null;
  const digits = hex.length <= 4 ? [...hex].map((digit) => digit + digit) : hex.match(/../g)!;
  const [r, g, b, a = 255] = digits.map((pair) => parseInt(pair, 16)) as number[];
  return { r: r!, g: g!, b: b!, a: a / 255 };
}

/** `top` painted over `bottom` (source-over); opaque when `bottom` is. */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return { ...TRANSPARENT };
  const mix = (over: number, under: number) => (over * top.a + under * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

/** WCAG 2 relative luminance of an opaque colour: 0 for black, 1 for white. */
export function relativeLuminance({ r, g, b }: Rgba): number {
  return 0.2126 * toLinear(r) + 0.7152 * toLinear(g) + 0.0722 * toLinear(b);
}

/** WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
export function contrastRatio(first: Rgba, second: Rgba): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort(
    (x, y) => y - x,
  ) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** What the reader sees under the mark's text in a tone: its tint over the background. */
export function markBackground(tone: Tone, background: Rgba): Rgba {
  const { tint } = TONE_LOOKS[tone];
  return tint ? composite(tint, background) : background;
}

/** The contrast of the text in a mark of this tone: text over tint over background. */
export function toneContrast(tone: Tone, text: Rgba, background: Rgba): number {
  const under = markBackground(tone, background);
  return contrastRatio(composite(text, under), under);
}

/**
 * The tone for text of one colour on one (opaque) background. Text lighter than its background
 * gets the dark tones, darker text the light ones; the tinted tone when the text keeps AA
 * contrast over the tint, else its underline alone (the tint would only lose contrast, as it does
 * for pairs already below AA).
 */
export function pickTone(text: Rgba, background: Rgba): Tone {
  const seen = composite(text, background);
  const family = relativeLuminance(seen) > relativeLuminance(background) ? 'dark' : 'light';
  return toneContrast(family, text, background) >= AA_CONTRAST ? family : `${family}-line`;
}

/** Chromium's canvas under `color-scheme: dark`. */
export const DARK_CANVAS: Rgba = { r: 18, g: 18, b: 18, a: 1 };
