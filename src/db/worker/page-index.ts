/**
 * Whether a parquet footer points at an offset index (the page locations of each column chunk).
 * parquet-wasm reads a file's page index when it has one, and then fetches and decodes only the
 * pages holding the rows asked for; without one it takes every column chunk whole. So a giant row
 * group is worth keeping decoded (kept-group.ts) only in a file without it. parquet-wasm does not
 * expose the footer's index offsets, so this walks the footer's Thrift (compact protocol) itself:
 * FileMetaData.row_groups (4) -> RowGroup.columns (1) -> ColumnChunk.offset_index_offset (4).
 */
export function hasOffsetIndex(metadata: Uint8Array): boolean {
  const reader = new CompactReader(metadata);
  let found = false;
  reader.struct((id, type) => {
    if (id !== 4 || type !== LIST) return reader.skip(type);
    reader.list((rowGroup) => {
      if (rowGroup !== STRUCT) return reader.skip(rowGroup);
      reader.struct((id, type) => {
        if (id !== 1 || type !== LIST) return reader.skip(type);
        reader.list((column) => {
          if (column !== STRUCT) return reader.skip(column);
          reader.struct((id, type) => {
            if (id === 4 && type === I64) found = true;
            reader.skip(type);
          });
        });
      });
    });
  });
  return found;
}

/**
 * The footer's metadata out of a file's last bytes (`PAR1` last), or how many last bytes it needs
 * when `tail` is too short.
 */
export function footerMetadata(tail: Uint8Array): Uint8Array | { need: number } {
  const n = tail.length;
  if (n < 8 || String.fromCharCode(...tail.subarray(n - 4)) !== 'PAR1') {
    throw new Error('not a parquet file: it does not end with PAR1');
  }
  const length = new DataView(tail.buffer, tail.byteOffset + n - 8, 4).getUint32(0, true);
  if (length + 8 > n) return { need: length + 8 };
  return tail.subarray(n - 8 - length, n - 8);
}

const BOOL_TRUE = 1;
const BOOL_FALSE = 2;
const BYTE = 3;
const I16 = 4;
const I32 = 5;
const I64 = 6;
const DOUBLE = 7;
const BINARY = 8;
const LIST = 9;
const SET = 10;
const MAP = 11;
const STRUCT = 12;

class CompactReader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  private byte(): number {
    const b = this.bytes[this.at++];
    if (b === undefined) throw new Error('the parquet footer ends early');
    return b;
  }

  private varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
  }

  /** Reads fields until the stop byte; `field` must consume each value (or `skip` it). */
  struct(field: (id: number, type: number) => void): void {
    let id = 0;
    for (;;) {
      const header = this.byte();
      if (header === 0) return;
      const delta = header >> 4;
      const type = header & 0x0f;
      id = delta === 0 ? zigzag(this.varint()) : id + delta;
      field(id, type);
    }
  }

  /** Reads a list or set header; `element` consumes each element, given their type. */
  list(element: (type: number) => void): void {
    const header = this.byte();
    const size = header >> 4 === 15 ? this.varint() : header >> 4;
    const type = header & 0x0f;
    for (let i = 0; i < size; i++) {
      // Inside a list a boolean is a byte of its own, not a field header's type.
      if (type === BOOL_TRUE || type === BOOL_FALSE) this.at++;
      else element(type);
    }
  }

  skip(type: number): void {
    switch (type) {
      case BOOL_TRUE:
      case BOOL_FALSE:
        return; // a field's value lives in its header
      case BYTE:
        this.at++;
        return;
      case I16:
      case I32:
      case I64:
        this.varint();
        return;
      case DOUBLE:
        this.at += 8;
        return;
      case BINARY: {
        const length = this.varint(); // read before `at` is: `at += varint()` would lose it
        this.at += length;
        return;
      }
      case LIST:
      case SET:
        return this.list((t) => this.skip(t));
      case MAP: {
        const size = this.varint();
        if (size === 0) return;
        const types = this.byte();
        for (let i = 0; i < size; i++) {
          this.skip(types >> 4);
          this.skip(types & 0x0f);
        }
        return;
      }
      case STRUCT:
        return this.struct((_, t) => this.skip(t));
      default:
        throw new Error(`the parquet footer has an unknown Thrift type ${type}`);
    }
  }
}

const zigzag = (n: number) => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);
