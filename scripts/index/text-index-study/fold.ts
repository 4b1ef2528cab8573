/**
 * Case folding and tokenising for the text-index study (issue 24). The index must give the scan's
 * answers, and the scan matches with `iu` regexes (src/model/search-pattern.ts): Unicode simple case
 * folding, one code point for one. So the index folds the same way, never with a fold that changes
 * length (`ß` stays `ß`, as `iu` does not equate it with `ss`).
 */

/** Each BMP code unit's representative under simple case folding: upper then lower, if 1:1. */
export const FOLD_TABLE = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    table[c] = c;
    if (c >= 0xd800 && c < 0xe000) continue; // surrogates: astral code points pass through
    const s = String.fromCharCode(c);
    // Upper then lower puts `ς`, `σ`, `Σ` (and `ſ`, `s`, `S`; `K` the Kelvin sign) on one member.
    const both = s.toUpperCase().toLowerCase();
    const lower = s.toLowerCase();
    if (both.length === 1) table[c] = both.charCodeAt(0);
    else if (lower.length === 1) table[c] = lower.charCodeAt(0);
  }
  return table;
}

/** Code units that `toLowerCase` leaves on a different member of their class than FOLD_TABLE. */
const FIX = buildFix();

function buildFix(): RegExp {
  const parts: string[] = [];
  for (let c = 0x80; c < 65536; c++) {
    if (c >= 0xd800 && c < 0xe000) continue;
    if (FOLD_TABLE[c] !== c) parts.push(`\\u{${c.toString(16)}}`);
  }
  return new RegExp(`[${parts.join('')}]`, 'gu');
}

/**
 * `s` folded. The native `toLowerCase` does nearly all of it fast; the few characters it leaves
 * on another member of their class (`ς`, `ſ`, `µ`...) are fixed by a regex. A string whose
 * lower case changes length (`İ`) takes the slow path, one code unit at a time.
 */
export function foldString(s: string): string {
  let lower = s.toLowerCase();
  if (lower.length !== s.length) {
    const units = new Uint16Array(s.length);
    for (let i = 0; i < s.length; i++) units[i] = FOLD_TABLE[s.charCodeAt(i)]!;
    lower = new TextDecoder('utf-16le').decode(units);
  }
  FIX.lastIndex = 0;
  return FIX.test(lower)
    ? lower.replace(FIX, (c) => String.fromCharCode(FOLD_TABLE[c.charCodeAt(0)]!))
    : lower;
}

/**
 * How many BMP characters fold to a representative that an `iu` regex of that representative
 * does not match, i.e. classes FOLD_TABLE merges that `iu` keeps apart (`ı` with `i`). A merge
 * only adds candidates, which verification drops; a split would lose matches, and is what the
 * real index's property test must rule out.
 */
export function foldMismatches(): number {
  let bad = 0;
  for (let c = 0; c < 65536; c++) {
    if ((c >= 0xd800 && c < 0xe000) || FOLD_TABLE[c] === c) continue;
    const rep = String.fromCharCode(FOLD_TABLE[c]!).replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
    if (!new RegExp(`^${rep}$`, 'iu').test(String.fromCharCode(c))) bad++;
  }
  return bad;
}

/** A word character as the whole-word search defines it (search-pattern.ts WORD_CHAR). */
const WORD_RUN = /[\p{L}\p{N}\p{M}_]+/gu;
/** Scripts written without spaces between words (and Hangul, by the brief): indexed as bigrams. */
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
const CJK_CHAR = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]$/u;

/** A token and where it lies in the folded text; `cjk` marks a bigram or a lone CJK character. */
export type TokenSink = (token: string, start: number, end: number, cjk: boolean) => void;

/**
 * The word index's tokens of folded text: runs of word characters, split where CJK starts or
 * stops; a CJK run gives its character bigrams (a run of one gives the character itself), so a
 * two-character word, the common length in Chinese, is one exact token.
 */
export function tokenize(folded: string, sink: TokenSink): void {
  WORD_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RUN.exec(folded))) {
    const run = m[0];
    if (!CJK.test(run)) sink(run, m.index, m.index + run.length, false);
    else splitCjk(run, m.index, sink);
  }
}

function splitCjk(run: string, at: number, sink: TokenSink): void {
  const chars = Array.from(run);
  let i = 0;
  let offset = at;
  while (i < chars.length) {
    const cjk = CJK_CHAR.test(chars[i]!);
    let j = i;
    let end = offset;
    while (j < chars.length && CJK_CHAR.test(chars[j]!) === cjk) end += chars[j++]!.length;
    if (!cjk) sink(chars.slice(i, j).join(''), offset, end, false);
    else if (j - i === 1) sink(chars[i]!, offset, end, true);
    else {
      let p = offset;
      for (let k = i; k + 1 < j; k++) {
        const w = chars[k]!.length + chars[k + 1]!.length;
        sink(chars[k]! + chars[k + 1]!, p, p + w, true);
        p += chars[k]!.length;
      }
    }
    i = j;
    offset = end;
  }
}
