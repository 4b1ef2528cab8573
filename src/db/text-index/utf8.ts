/**
 * UTF-8 of a string from code unit `from`, as `TextEncoder` writes it (a lone surrogate becomes
 * U+FFFD), into a reused buffer: a `TextEncoder` call allocates its result, which for the
 * index's millions of short terms was half of `npm run index`'s merge. The view is valid until
 * the next call.
 */
let scratch = new Uint8Array(1024);

export function utf8(s: string, from = 0): Uint8Array {
  if (scratch.length < (s.length - from) * 3) scratch = new Uint8Array((s.length - from) * 3);
  const bytes = scratch;
  let n = 0;
  for (let i = from; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      bytes[n++] = c;
      continue;
    }
    if (c < 0x800) {
      bytes[n++] = 0xc0 | (c >> 6);
      bytes[n++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        bytes[n++] = 0xf0 | (cp >> 18);
        bytes[n++] = 0x80 | ((cp >> 12) & 0x3f);
        bytes[n++] = 0x80 | ((cp >> 6) & 0x3f);
        bytes[n++] = 0x80 | (cp & 0x3f);
        i++;
        continue;
      }
      c = 0xfffd;
    }
    bytes[n++] = 0xe0 | (c >> 12);
    bytes[n++] = 0x80 | ((c >> 6) & 0x3f);
    bytes[n++] = 0x80 | (c & 0x3f);
  }
  return bytes.subarray(0, n);
}
