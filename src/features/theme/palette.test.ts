import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import colors from 'tailwindcss/colors';
import { describe, expect, it } from 'vitest';
import { contrastRatio, over, parseColor } from './testing/contrast';

const SRC = join(import.meta.dirname, '../..');
const indexCss = readFileSync(join(SRC, 'index.css'), 'utf8');

/** The `--color-*` declarations of the `html.dark` block of src/index.css. */
function darkPalette(): Record<string, string> {
  const block = /html\.dark\s*\{([^}]*)\}/.exec(indexCss)?.[1] ?? '';
  return Object.fromEntries(
    [...block.matchAll(/--color-([a-z]+(?:-\d+)?):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]),
  );
}

function lightPalette(): Record<string, string> {
  const palette: Record<string, string> = { white: colors.white, black: colors.black };
  for (const [hue, shades] of Object.entries(colors)) {
    if (typeof shades !== 'object') continue;
    for (const [shade, value] of Object.entries(shades)) palette[`${hue}-${shade}`] = value;
  }
  return palette;
}

const PALETTES = { light: lightPalette(), dark: darkPalette() };

/**
 * The text/background pairs the app's reading depends on: body text and secondary text on the
 * surfaces (page, raised, hovered, selected row), alerts, the Flagged badge, chips, links,
 * redactions and search matches. Background may carry an opacity, as in `bg-red-50/60`.
 */
const TEXT_PAIRS: readonly [text: string, background: string][] = [
  ['slate-900', 'white'],
  ['slate-900', 'slate-50'],
  ['slate-900', 'slate-100'],
  ['slate-900', 'sky-100'],
  ['slate-900', 'red-50/60'],
  ['slate-800', 'white'],
  ['slate-800', 'slate-50'],
  ['slate-700', 'white'],
  ['slate-600', 'white'],
  ['slate-600', 'slate-50'],
  ['slate-600', 'slate-100'],
  ['slate-500', 'white'],
  ['slate-500', 'slate-50'],
  ['white', 'slate-800'],
  ['white', 'red-700'],
  ['red-900', 'red-50'],
  ['red-800', 'red-50'],
  ['red-800', 'white'],
  ['red-700', 'white'],
  ['amber-900', 'amber-50'],
  ['sky-900', 'sky-50'],
  ['sky-700', 'white'],
  ['blue-700', 'white'],
  ['blue-700', 'slate-50'],
  ['violet-900', 'violet-100'],
  ['slate-950', 'amber-300'],
];

function colour(palette: Record<string, string>, token: string) {
  const [name = '', opacity] = token.split('/');
  const value = palette[name];
  if (!value) throw new Error(`${name} is not in the palette`);
  const parsed = parseColor(value);
  return opacity ? { ...parsed, alpha: Number(opacity) / 100 } : parsed;
}

describe.each(Object.entries(PALETTES))('the %s palette', (_theme, palette) => {
  it.each(TEXT_PAIRS)('%s text on %s meets WCAG AA (4.5:1)', (text, background) => {
    const page = colour(palette, 'white');
    const ratio = contrastRatio(
      over(colour(palette, text), page),
      over(colour(palette, background), page),
    );
    expect(ratio).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the dark palette', () => {
  it('turns the page dark and the body text light', () => {
    const dark = PALETTES.dark;
    expect(parseColor(dark.white!).r).toBeLessThan(0.2);
    expect(parseColor(dark['slate-900']!).r).toBeGreaterThan(0.85);
  });

  it('remaps every colour utility used in src/ (a shade left out would stay light)', () => {
    const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.(ts|tsx)$/.test(f),
    );
    const used = new Set<string>();
    const utility =
      /\b(?:bg|text|border|outline|ring|accent|divide|decoration|fill|stroke|from|via|to|caret|placeholder)-([a-z]+-\d{2,3}|white)\b/g;
    for (const file of files) {
      const source = readFileSync(join(SRC, file), 'utf8');
      for (const m of source.matchAll(utility)) {
        if (m[1]! in PALETTES.light) used.add(m[1]!);
      }
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((name) => !(name in PALETTES.dark));
    expect(missing).toEqual([]);
  });

  it('keeps highlighted code readable on code blocks', () => {
    const css = readFileSync(join(SRC, 'features/viewer/markdown/code-theme.css'), 'utf8');
    const codeBlock = colour(PALETTES.dark, 'slate-50');
    const darkRules = [...css.matchAll(/((?:\.dark [^{]+)+)\{([^}]*)\}/g)];
    expect(darkRules.length).toBeGreaterThan(5);
    for (const [, selector, body] of darkRules) {
      const text = /(?:^|[\s;])color:\s*(#[0-9a-f]+)/i.exec(body!)?.[1];
      const background = /background-color:\s*(#[0-9a-f]+)/i.exec(body!)?.[1];
      if (!text) continue;
      const ratio = contrastRatio(
        parseColor(text),
        background ? parseColor(background) : codeBlock,
      );
      expect(ratio, selector!.trim()).toBeGreaterThanOrEqual(4.5);
    }
  });
});
