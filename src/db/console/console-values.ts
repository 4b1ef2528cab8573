/** Cell text: numbers and strings as they are, nested values as JSON, bytes as hex. */
export function displayValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) {
    return `\\x${Array.from(value.subarray(0, 64), (b) => b.toString(16).padStart(2, '0')).join('')}${value.length > 64 ? '…' : ''}`;
  }
  const plain =
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
      ? (value as { toJSON(): unknown }).toJSON()
      : value;
  // Arrow's big numbers (HUGEINT, e.g. a sum of BIGINTs) serialize as a quoted decimal string.
  if (typeof plain === 'string') return /^"-?\d+"$/.test(plain) ? plain.slice(1, -1) : plain;
  return JSON.stringify(plain, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}
