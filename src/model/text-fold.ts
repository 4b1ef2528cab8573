/**
 * Case folding for the text index (issue 24): one representative per class of characters that an
 * `iu` regular expression treats as equal (src/model/search-pattern.ts matches that way, and the
 * index must give its answers). `iu` compares Unicode simple case folds, one code point for one:
 * `Σ`, `σ` and `ς` are one class; `ı` and `i` are two; `ß` never equals `ss`; `İ` only itself.
 *
 * The classes are read from the running engine's own regular expressions, so the index and the
 * scan agree on whatever Unicode version the engine implements.
 */

interface FoldTables {
  /** Code points whose own lower case is not in their class (`İ`): folded one by one. */
  slow: RegExp;
  /** After `toLowerCase`, what each lower-case character still becomes (`ς` and `ſ`, to `σ` and `s`). */
  fix: Map<string, string>;
  fixAll: RegExp;
  /** Every cased code point (some case mapping changes it), for tests. */
  cased: string[];
}

let tables: FoldTables | undefined;

function foldTables(): FoldTables {
  return (tables ??= buildTables());
}

function buildTables(): FoldTables {
  const cased: string[] = [];
  for (let c = 0; c < 0x110000; c++) {
    if (c === 0xd800) c = 0xe000; // surrogates are no characters
    const s = String.fromCodePoint(c);
    if (s.toLowerCase() !== s || s.toUpperCase() !== s) cased.push(s);
  }
  // A class's members, found by the engine: `[c]` with `iu` against every cased character.
  const all = cased.join('');
  const rep = new Map<string, string>();
  for (const c of cased) {
    if (rep.has(c)) continue;
    const members = all.match(new RegExp(`[${escapeClassChar(c)}]`, 'giu')) ?? [c];
    // The lower case of the class's first member when it belongs to the class (so most text is
    // its own fold after `toLowerCase`), else that first member (`İ`, whose lower case is two).
    const first = members.reduce((a, b) => (a.codePointAt(0)! <= b.codePointAt(0)! ? a : b));
    const lower = first.toLowerCase();
    const chosen = members.includes(lower) ? lower : first;
    for (const m of members) rep.set(m, chosen);
  }
  const slow: string[] = [];
  const fix = new Map<string, string>();
  for (const [c, r] of rep) {
    const lower = c.toLowerCase();
    if (rep.get(lower) !== r) slow.push(c);
    if (c !== r) fix.set(c, r);
  }
  const keys = (chars: Iterable<string>) => [...chars].map(escapeClassChar).join('');
  return {
    slow: new RegExp(`[${keys(slow)}]`, 'u'),
    fix,
    fixAll: new RegExp(`[${keys([...fix.keys()].filter((c) => c === c.toLowerCase()))}]`, 'gu'),
    cased,
  };
}

function escapeClassChar(c: string): string {
  return /[\\\]^[-]/.test(c) ? `\\${c}` : c;
}

/**
 * `text` with every character replaced by its class's representative: two strings match each
 * other under `iu` exactly when their folds are equal, and a fold never changes the number of
 * code points. Most text takes the native `toLowerCase` alone.
 */
export function foldText(text: string): string {
  const { slow, fix, fixAll } = foldTables();
  if (slow.test(text)) {
    let out = '';
    for (const c of text) out += fix.get(c) ?? c;
    return out;
  }
  // Lower case is per character here but for a final `Σ`, which becomes `ς`: fixed below too.
  return text.toLowerCase().replace(fixAll, (c) => fix.get(c)!);
}

/** Every cased code point, for tests that prove the fold against the engine's `iu`. */
export function casedCharacters(): readonly string[] {
  return foldTables().cased;
}
