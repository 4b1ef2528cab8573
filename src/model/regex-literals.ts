/**
 * The pieces of literal text every match of a regular expression must contain, so a text index
 * can narrow a regex search (issue 24): `climate (change|crisis)` needs `climate `, `\d+年` needs
 * `年`, `a|b` needs nothing known. Conservative by construction: any syntax not understood here
 * (groups, classes, escapes of letters, alternation) only ends a piece or drops it, so what is
 * returned is always required; an empty list means the index cannot help.
 */
export function regexLiterals(source: string): string[] {
  if (topLevelAlternation(source)) return [];
  const literals: string[] = [];
  let piece = '';
  const end = () => {
    if (piece) literals.push(piece);
    piece = '';
  };
  let i = 0;
  while (i < source.length) {
    const atom = readAtom(source, i);
    i = atom.next;
    const quantifier = readQuantifier(source, i);
    i = quantifier.next;
    if (atom.char === null) {
      end();
      continue;
    }
    if (quantifier.min === 0) {
      end(); // optional: neither this character nor what follows it is sure to be adjacent
      continue;
    }
    piece += atom.char;
    if (quantifier.repeats) end(); // `ab+c`: `ab` is sure, `bc` is not
  }
  end();
  return literals;
}

/** One atom at `at`: a literal character, or null for anything else (class, group, `.`, `\d`). */
function readAtom(source: string, at: number): { char: string | null; next: number } {
  const c = source[at]!;
  if (c === '\\') {
    const e = source[at + 1];
    if (e === undefined) return { char: null, next: at + 1 };
    // An escaped punctuation character is itself; an escaped letter or digit is a class,
    // a reference, a code point or a boundary: not literal.
    if (/[\p{L}\p{N}]/u.test(e)) return { char: null, next: skipEscape(source, at) };
    return { char: e, next: at + 2 };
  }
  if (c === '[') return { char: null, next: skipClass(source, at) };
  if (c === '(') return { char: null, next: skipGroup(source, at) };
  if ('.^$|)]{}*+?'.includes(c)) return { char: null, next: at + 1 };
  const code = source.codePointAt(at)!;
  const char = String.fromCodePoint(code);
  return { char, next: at + char.length };
}

function readQuantifier(
  source: string,
  at: number,
): { min: number; repeats: boolean; next: number } {
  const c = source[at];
  let result: { min: number; repeats: boolean; next: number };
  if (c === '*') result = { min: 0, repeats: true, next: at + 1 };
  else if (c === '+') result = { min: 1, repeats: true, next: at + 1 };
  else if (c === '?') result = { min: 0, repeats: false, next: at + 1 };
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
    if (!m) return { min: 1, repeats: false, next: at };
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    result = { min, repeats: max > 1, next: at + m[0].length };
  } else return { min: 1, repeats: false, next: at };
  if (source[result.next] === '?') result.next++; // lazy
  return result;
}

function skipEscape(source: string, at: number): number {
  const e = source[at + 1]!;
  // `\u{…}`, `\p{…}`, `\k<…>`: skip their braces too.
  const brace = /^[upPk][{<]/.test(source.slice(at + 1, at + 3));
  if (brace) {
    const close = source.indexOf(e === 'k' ? '>' : '}', at + 2);
    return close < 0 ? source.length : close + 1;
  }
  return at + 2;
}

function skipClass(source: string, at: number): number {
  for (let i = at + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i + 1;
  }
  return source.length;
}

function skipGroup(source: string, at: number): number {
  let depth = 0;
  for (let i = at; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = skipClass(source, i) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return source.length;
}

function topLevelAlternation(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = skipClass(source, i) - 1;
    else if (c === '(') i = skipGroup(source, i) - 1;
    else if (c === '|') return true;
  }
  return false;
}
