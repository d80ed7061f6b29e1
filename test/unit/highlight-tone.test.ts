import { describe, expect, it } from 'vitest';
import {
  AA_CONTRAST,
  BLACK,
  composite,
  contrastRatio,
  parseColor,
  pickTone,
  relativeLuminance,
  TONE_LOOKS,
  toneContrast,
  TRANSPARENT,
  WHITE,
  type Rgba,
  type Tone,
} from '../../entrypoints/content/highlight-tone';
import { HIGHLIGHT_STYLES } from '../../entrypoints/content/highlight-style';

const rgba = (r: number, g: number, b: number, a = 1): Rgba => ({ r, g, b, a });
const color = (css: string) => {
  const parsed = parseColor(css);
  if (!parsed) throw new Error(`unparsed: ${css}`);
  return parsed;
};
const close = (actual: Rgba | null, expected: Rgba, digits = 1) => {
  expect(actual).not.toBeNull();
  for (const key of ['r', 'g', 'b', 'a'] as const) {
    expect(actual![key]).toBeCloseTo(expected[key], key === 'a' ? 3 : digits);
  }
};

describe('parsing computed colours', () => {
  it('reads rgb() and rgba() as browsers give them, and modern space syntax', () => {
    expect(parseColor('rgb(27, 29, 33)')).toEqual(rgba(27, 29, 33));
    expect(parseColor('rgba(255, 196, 0, 0.3)')).toEqual(rgba(255, 196, 0, 0.3));
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual(TRANSPARENT);
    expect(parseColor('rgb(11 92 173 / 50%)')).toEqual(rgba(11, 92, 173, 0.5));
    expect(parseColor('RGB(100%, 0%, 0%)')).toEqual(rgba(255, 0, 0));
    expect(parseColor('rgb(300, -4, 0, 2)')).toEqual(rgba(255, 0, 0, 1));
  });

  it('reads hex, transparent, color(srgb) and the OK spaces Chromium keeps as written', () => {
    expect(parseColor('#0b5cad')).toEqual(rgba(11, 92, 173));
    expect(parseColor('#fff')).toEqual(WHITE);
    expect(parseColor('#00000080')).toEqual(rgba(0, 0, 0, 128 / 255));
    expect(parseColor('transparent')).toEqual(TRANSPARENT);
    close(parseColor('color(srgb 1 0.5 0 / 0.25)'), rgba(255, 127.5, 0, 0.25));
    close(parseColor('color(srgb-linear 1 0 0)'), rgba(255, 0, 0));
    close(parseColor('oklab(1 0 0)'), WHITE);
    close(parseColor('oklch(0 0 0)'), BLACK);
    // Tailwind 4's red-600 is #e7000b in sRGB.
    close(parseColor('oklch(0.577 0.245 27.325)'), rgba(231, 0, 11), -1);
  });

  it('gives null for what it cannot read, rather than guessing', () => {
    for (const css of ['', 'canvastext', 'lab(50 20 30)', 'rgb(1, 2)', '#12', 'rgb(a, b, c)']) {
      expect(parseColor(css)).toBeNull();
    }
  });
});

describe('compositing and contrast', () => {
  it('paints a translucent colour over another', () => {
    close(composite(rgba(255, 196, 0, 0.3), WHITE), rgba(255, 237.3, 178.5));
    expect(composite(TRANSPARENT, WHITE)).toEqual(WHITE);
    close(composite(rgba(0, 0, 0, 0.5), rgba(255, 255, 255, 0.5)), rgba(85, 85, 85, 0.75));
  });

  it('stacks translucent backgrounds, innermost over outer, as the page paints them', () => {
    const nav = color('#1b1d21');
    close(composite(rgba(255, 255, 255, 0.1), nav), rgba(49.8, 51.6, 55.2));
    close(composite(rgba(0, 0, 0, 0.5), composite(TRANSPARENT, WHITE)), rgba(127.5, 127.5, 127.5));
  });

  it('measures WCAG luminance and contrast', () => {
    expect(relativeLuminance(WHITE)).toBe(1);
    expect(relativeLuminance(BLACK)).toBe(0);
    expect(contrastRatio(BLACK, WHITE)).toBe(21);
    expect(contrastRatio(WHITE, WHITE)).toBe(1);
    // WebAIM's figures.
    expect(contrastRatio(color('#767676'), WHITE)).toBeCloseTo(4.54, 2);
    expect(contrastRatio(color('#0b5cad'), WHITE)).toBeCloseTo(6.67, 1);
  });
});

describe('choosing the tone', () => {
  /** Backgrounds and their text, as pages pair them. */
  const SAMPLES: [string, string, string, Tone][] = [
    ['white page', '#ffffff', '#000000', 'light'],
    ['white page, body grey', '#ffffff', '#333333', 'light'],
    ['white page, link blue', '#ffffff', '#0645ad', 'light'],
    ['black page', '#000000', '#ffffff', 'dark'],
    ['dark nav bar', '#1b1d21', '#ffffff', 'dark'],
    ['dark nav bar, muted link', '#1b1d21', '#c9d1d9', 'dark'],
    ['saturated blue banner', '#0b5cad', '#ffffff', 'dark'],
    ['red banner', '#d00000', '#ffffff', 'dark'],
    ['deep red banner', '#c62828', '#ffffff', 'dark'],
    ['yellow page', '#fff59d', '#000000', 'light'],
    ['bright yellow page', '#ffeb3b', '#212121', 'light'],
    ['Tailwind gray-900 nav', 'oklch(0.21 0.034 264.665)', 'oklch(0.985 0.002 247.839)', 'dark'],
    ['dark page, mid grey text', '#202124', '#9aa0a6', 'dark-line'],
    ['white page, grey at the AA edge', '#ffffff', '#767676', 'light-line'],
  ];

  it.each(SAMPLES)('%s: the tone suits it, and keeps its text at AA', (_, bg, fg, expected) => {
    const background = color(bg);
    const text = color(fg);
    const tone = pickTone(text, background);
    expect(tone).toBe(expected);
    expect(toneContrast(tone, text, background)).toBeGreaterThanOrEqual(AA_CONTRAST);
  });

  it('keeps the nav bar’s contrast well above AA with a tint (the old fixed tint made it muddy)', () => {
    const nav = color('#1b1d21');
    expect(toneContrast('dark', WHITE, nav)).toBeGreaterThan(10);
    expect(toneContrast('dark', WHITE, color('#0b5cad'))).toBeGreaterThan(5);
    // The underline stands out from what it is drawn on.
    for (const [tone, bg] of [
      ['dark', '#1b1d21'],
      ['dark', '#0b5cad'],
      ['light-line', '#ffffff'],
      ['dark-line', '#c62828'],
    ] as const) {
      const under = TONE_LOOKS[tone].tint
        ? composite(TONE_LOOKS[tone].tint!, color(bg))
        : color(bg);
      expect(contrastRatio(composite(TONE_LOOKS[tone].underline, under), under)).toBeGreaterThan(3);
    }
  });

  it('falls back to the underline alone for pairs below AA already, never making them worse', () => {
    for (const [bg, fg, expected] of [
      ['#ffffff', '#999999', 'light-line'],
      ['#0b5cad', '#000000', 'light-line'],
      ['#ff9800', '#ffffff', 'dark-line'],
    ] as const) {
      const tone = pickTone(color(fg), color(bg));
      expect(tone).toBe(expected);
      expect(toneContrast(tone, color(fg), color(bg))).toBeCloseTo(
        contrastRatio(color(fg), color(bg)),
      );
    }
  });

  it('composites translucent text over the mark before measuring it', () => {
    // Black at 60% on white is #666 (5.7:1); over the light tint it stays above AA.
    expect(pickTone(rgba(0, 0, 0, 0.6), WHITE)).toBe('light');
    // White at 50% on the nav bar is dim: the tint would take it below AA.
    expect(
      contrastRatio(composite(rgba(255, 255, 255, 0.5), color('#1b1d21')), color('#1b1d21')),
    ).toBeGreaterThan(4.5);
    expect(pickTone(rgba(255, 255, 255, 0.5), color('#1b1d21'))).toBe('dark-line');
  });
});

describe('HIGHLIGHT_STYLES', () => {
  const declaration = (tone: Tone, property: string) =>
    new RegExp(`(?:^|; )${property}: ([^;]+?) !important;`).exec(HIGHLIGHT_STYLES[tone])?.[1];

  it.each(Object.keys(TONE_LOOKS) as Tone[])(
    'paints the %s tone in the colours it is chosen by',
    (tone) => {
      const look = TONE_LOOKS[tone];
      const tint = declaration(tone, 'background-color');
      const underline = /^inset 0 -[\d.]+em 0 (.+)$/.exec(
        declaration(tone, 'box-shadow') ?? '',
      )?.[1];
      expect(parseColor(tint ?? '')).toEqual(look.tint ?? TRANSPARENT);
      expect(parseColor(underline ?? '')).toEqual(look.underline);
    },
  );

  it('resets the page’s CSS first and sets only paint, every declaration important', () => {
    for (const style of Object.values(HIGHLIGHT_STYLES)) {
      const declarations = style.split(/;\s*/).filter(Boolean);
      expect(declarations[0]).toBe('all: unset !important');
      expect(declarations.every((part) => part.endsWith('!important'))).toBe(true);
      expect(style).not.toMatch(/padding|margin|border-width|font|line-height/);
    }
  });
});
