/**
 * A value decoded by apache-arrow as plain JSON data: lists (Vectors) become arrays, structs
 * (StructRow) objects keyed by their field names as stored (`self-harm/intent`), int64 (bigint) a
 * number when exact and a string otherwise, dates ISO strings. JSON has no NaN: JSON.stringify
 * writes it as null.
 */
export function jsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value.toString();
  }
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(jsonValue);
  if (value instanceof Date) return value.toISOString();
  // Binary columns and primitive lists can arrive as typed arrays.
  if (ArrayBuffer.isView(value))
    return Array.from(value as unknown as ArrayLike<unknown>, jsonValue);
  // Vector, StructRow and MapRow all have toJSON (an array, an object, an object).
  const own = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof own === 'function') return jsonValue(own.call(value));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = jsonValue(v);
  return out;
}

/** One dataset row as a JSON line (ending in `\n`), its columns in schema order. */
export function jsonLine(row: unknown): string {
  return JSON.stringify(jsonValue(row)) + '\n';
}
