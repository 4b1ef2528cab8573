import { makeData, Utf8, type Data } from 'apache-arrow';

/**
 * Raw-buffer access to Arrow data. The metadata build touches every message of a million
 * conversations: going through Vector.get() and per-row objects is what made other readers slow.
 * Offsets follow arrow-js: bit-packed buffers (validity, booleans) are read at `data.offset + i`,
 * while `values` and `valueOffsets` are already sliced to the data.
 */
export function isValid(data: Data, i: number): boolean {
  if (data.nullCount === 0 || !data.nullBitmap || data.nullBitmap.length === 0) return true;
  const bit = data.offset + i;
  return ((data.nullBitmap[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
}

/**
 * A leaf's buffers pulled out once per batch, so the per-message loop touches only typed arrays.
 * `valid` is null when the leaf has no nulls.
 */
export interface LeafBuffers<T> {
  values: T;
  valid: Uint8Array | null;
  offset: number;
}

export function leafBuffers<T>(data: Data | undefined): LeafBuffers<T> | undefined {
  if (!data) return undefined;
  const hasNulls = data.nullCount !== 0 && !!data.nullBitmap && data.nullBitmap.length > 0;
  return {
    values: data.values as T,
    valid: hasNulls ? (data.nullBitmap as Uint8Array) : null,
    offset: data.offset,
  };
}

export function bitSet(bytes: Uint8Array, bit: number): boolean {
  return ((bytes[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
}

/** Element i of a leaf is non-null. */
export function leafValid(leaf: LeafBuffers<unknown>, i: number): boolean {
  return leaf.valid === null || bitSet(leaf.valid, leaf.offset + i);
}

/** A boolean leaf's value at i, null read as false (bits are addressed from `offset`). */
export function leafTrue(leaf: LeafBuffers<Uint8Array>, i: number): boolean {
  return leafValid(leaf, i) && bitSet(leaf.values, leaf.offset + i);
}

/** The child Data of a struct by field name, or undefined. */
export function structChild(data: Data, name: string): Data | undefined {
  const fields = (data.type as { children?: { name: string }[] }).children ?? [];
  const index = fields.findIndex((f) => f.name === name);
  return index < 0 ? undefined : data.children[index];
}

/** Packs booleans into an Arrow bitmap (LSB first). */
export class BitmapBuilder {
  readonly bytes: Uint8Array;
  count = 0;
  constructor(length: number) {
    this.bytes = new Uint8Array(Math.ceil(length / 8));
  }
  set(i: number): void {
    this.bytes[i >> 3]! |= 1 << (i & 7);
    this.count++;
  }
}

const encoder = new TextEncoder();

/**
 * A Utf8 column from strings, built from typed arrays: Arrow's builders (`vectorFromArray`,
 * `tableFromArrays`) compile code at run time, which the page's Content-Security-Policy forbids.
 */
export function utf8Data(values: readonly (string | null)[]): Data<Utf8> {
  const n = values.length;
  const encoded = values.map((v) => (v === null ? null : encoder.encode(v)));
  const offsets = new Int32Array(n + 1);
  const valid = new BitmapBuilder(n);
  encoded.forEach((bytes, i) => {
    offsets[i + 1] = offsets[i]! + (bytes?.length ?? 0);
    if (bytes) valid.set(i);
  });
  const data = new Uint8Array(offsets[n]!);
  encoded.forEach((bytes, i) => bytes && data.set(bytes, offsets[i]!));
  return makeData({
    type: new Utf8(),
    length: n,
    nullCount: n - valid.count,
    valueOffsets: offsets,
    data,
    nullBitmap: valid.count === n ? undefined : valid.bytes,
  });
}
