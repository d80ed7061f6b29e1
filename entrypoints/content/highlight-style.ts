import {
  BLACK,
  composite,
  DARK_CANVAS,
  parseColor,
  pickTone,
  TONE_LOOKS,
  WHITE,
  type Rgba,
  type Tone,
} from './highlight-tone';

/** Each highlight's tone (see `highlight-tone.ts`), kept on the element for tests and tools. */
export const TONE_ATTRIBUTE = 'data-pledgemark-tone';

const css = ({ r, g, b, a }: Rgba) =>
  a >= 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${a})`;

/**
 * What a highlight of each tone looks like, as its inline style. Inline, not a stylesheet: a
 * sheet added to a page makes the browser check every element against it (70–150 ms on the
 * 10 MB bench page, in one task), where an inline style costs only its own element, reaches into
 * shadow roots, and wins over any `!important` of the page. Highlights must look the same on
 * every site and never move the page's text: the page's CSS is reset, and only paint-only
 * properties are set (no padding, border or font). The tinted tones have a thin underline; the
 * `-line` tones carry the highlight on a thicker underline alone.
 */
export const HIGHLIGHT_STYLES: Readonly<Record<Tone, string>> = Object.fromEntries(
  (Object.entries(TONE_LOOKS) as [Tone, (typeof TONE_LOOKS)[Tone]][]).map(([tone, look]) => [
    tone,
    [
      'all: unset',
      'display: inline',
      'color: inherit',
      `background-color: ${look.tint ? css(look.tint) : 'transparent'}`,
      `box-shadow: inset 0 -${look.tint ? '0.12em' : '0.16em'} 0 ${css(look.underline)}`,
      'border-radius: 0.15em',
      '-webkit-box-decoration-break: clone',
      'box-decoration-break: clone',
      'cursor: help',
    ]
      .map((declaration) => `${declaration} !important;`)
      .join(' '),
  ]),
) as Record<Tone, string>;

/**
 * How many elements up from a highlight its background is looked for (real pages put text some
 * 40 levels deep at most); past this, without an opaque background, it is taken as unknown.
 */
const MAX_BACKGROUND_DEPTH = 128;

/**
 * Reads the colours under elements that get highlights and picks the highlights' tone, for one
 * wrapping pass. Styles are read before the pass writes anything (a read after a write would
 * make the browser recompute styles there and then), once per element: a tone per element that
 * holds marks, and a background per element up the way (the page's paragraphs share ancestors).
 * What the page paints is its elements' `background-color`s over its canvas; background images
 * and positioned elements laid over others are not looked at.
 */
export class ToneReader {
  private readonly tones = new WeakMap<Element, Tone | null>();
  /** Each element's effective background; null when a colour on the way could not be read. */
  private readonly backgrounds = new WeakMap<Element, Rgba | null>();
  private canvas: Rgba | undefined;

  /** Reads the tone of marks put in this element (their parent), or null if it cannot be told. */
  read(element: Element): Tone | null {
    const known = this.tones.get(element);
    if (known !== undefined) return known;
    const style = computedStyle(element);
    const text = style && this.textColor(element, style.color);
    const background = style && text ? this.backgroundOf(element, style) : null;
    const tone = text && background ? pickTone(text, background) : null;
    this.tones.set(element, tone);
    return tone;
  }

  /** The tone `read` found for the element, without reading any style. */
  get(element: Element): Tone | null | undefined {
    return this.tones.get(element);
  }

  /** The text's colour; the canvas's own text colour for the keyword (jsdom does not resolve it). */
  private textColor(element: Element, color: string): Rgba | null {
    if (color.toLowerCase() !== 'canvastext') return parseColor(color);
    return this.canvasOf(element) === WHITE ? BLACK : WHITE;
  }

  /**
   * What is painted under an element: the background colours of it and its ancestors, each
   * translucent one over the next, down to the first opaque one or the canvas.
   */
  private backgroundOf(element: Element, ownStyle: CSSStyleDeclaration): Rgba | null {
    // Walked up without recursion (a page may nest thousands of levels), to the first element
    // whose background is known or opaque, then resolved back down.
    const path: { element: Element; own: Rgba | null }[] = [];
    let under: Rgba | null | undefined;
    for (let current: Element | null = element; current; current = parentOf(current)) {
      if (this.backgrounds.has(current)) {
        under = this.backgrounds.get(current)!;
        break;
      }
      if (path.length === MAX_BACKGROUND_DEPTH) {
        // A hostile page, thousands of levels deep: its backgrounds are not worth reading.
        under = null;
        break;
      }
      const style = current === element ? ownStyle : computedStyle(current);
      const own = style && parseColor(style.backgroundColor);
      path.push({ element: current, own });
      if (!own || own.a >= 1) break;
    }
    let background = under === undefined ? this.canvasOf(element) : under;
    for (let i = path.length - 1; i >= 0; i--) {
      const { element: current, own } = path[i]!;
      if (!own) background = null;
      else if (own.a >= 1) background = own;
      else if (background && own.a > 0) background = composite(own, background);
      this.backgrounds.set(current, background);
    }
    return background;
  }

  /** The canvas under the root: white, or dark when the page asks for a dark colour scheme. */
  private canvasOf(element: Element): Rgba {
    if (this.canvas) return this.canvas;
    const root = element.ownerDocument.documentElement;
    const scheme = (root && computedStyle(root)?.colorScheme) || '';
    const view = element.ownerDocument.defaultView;
    const dark =
      /\bdark\b/.test(scheme) &&
      (!/\blight\b/.test(scheme) ||
        view?.matchMedia?.('(prefers-color-scheme: dark)').matches === true);
    this.canvas = dark ? DARK_CANVAS : WHITE;
    return this.canvas;
  }
}

function computedStyle(element: Element): CSSStyleDeclaration | null {
  const view = element.ownerDocument.defaultView;
  return view ? view.getComputedStyle(element) : null;
}

/** The element's parent, or the host of the shadow root it is in. */
function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const parent = element.parentNode;
  return parent && parent.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : null;
}
