/**
 * WCAG 2 contrast for the colour syntaxes that appear in Tailwind 4's theme and in Chromium's
 * computed styles: oklch(), oklab(), rgb()/rgba(), color(srgb ...), and #hex. Used by the theme's
 * unit test (on src/index.css) and by the Playwright check (on getComputedStyle).
 */

export interface Rgba {
  /** sRGB channels 0..1, gamma encoded, clamped to the gamut. */
  r: number;
  g: number;
  b: number;
  alpha: number;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** A number, a percentage (of `percentOf`) or `none`. */
function component(text: string, percentOf = 1): number {
  if (text === 'none') return 0;
  if (text.endsWith('%')) return (parseFloat(text) / 100) * percentOf;
  const value = parseFloat(text);
  if (Number.isNaN(value)) throw new Error(`not a colour component: ${text}`);
  return value;
}

/** `a b c / alpha` or `a, b, c, alpha` -> the parts. */
function parts(inner: string): { values: string[]; alpha: number } {
  const [main = '', alphaText] = inner.includes('/') ? inner.split('/') : [inner, undefined];
  const values = main.trim().split(/[\s,]+/);
  if (alphaText === undefined && values.length === 4) {
    return { values: values.slice(0, 3), alpha: component(values[3]!) };
  }
  return { values, alpha: alphaText === undefined ? 1 : component(alphaText.trim()) };
}

const encode = (linear: number) => {
  const c = clamp01(linear);
  return c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055;
};

function oklabToRgb(l: number, a: number, b: number): [number, number, number] {
  const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    encode(4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_),
    encode(-1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_),
    encode(-0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_),
  ];
}

export function parseColor(text: string): Rgba {
  const css = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,8})$/.exec(css)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    const byte = (i: number) => parseInt(full.slice(i, i + 2), 16) / 255;
    return { r: byte(0), g: byte(2), b: byte(4), alpha: full.length === 8 ? byte(6) : 1 };
  }
  const call = /^([a-z]+)\((.*)\)$/.exec(css);
  if (!call) throw new Error(`unsupported colour: ${text}`);
  const [, fn, inner = ''] = call;
  const { values, alpha } = parts(inner);
  const [x = '0', y = '0', z = '0'] = values;
  if (fn === 'rgb' || fn === 'rgba') {
    const channel = (v: string) => component(v, 255) / 255;
    return { r: channel(x), g: channel(y), b: channel(z), alpha };
  }
  if (fn === 'oklch') {
    const l = component(x);
    const c = component(y, 0.4);
    const h = (component(z) * Math.PI) / 180;
    const [r, g, b] = oklabToRgb(l, c * Math.cos(h), c * Math.sin(h));
    return { r, g, b, alpha };
  }
  if (fn === 'oklab') {
    const [r, g, b] = oklabToRgb(component(x), component(y, 0.4), component(z, 0.4));
    return { r, g, b, alpha };
  }
  if (fn === 'color' && x === 'srgb') {
    return {
      r: clamp01(component(y)),
      g: clamp01(component(z)),
      b: clamp01(component(values[3] ?? '0')),
      alpha,
    };
  }
  throw new Error(`unsupported colour: ${text}`);
}

/** `top` painted over an opaque `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (t: number, b: number) => t * top.alpha + b * (1 - top.alpha);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), alpha: 1 };
}

export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio, 1..21. Both colours must be opaque (compose with `over` first). */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
