import {
  Bool,
  Data,
  Field,
  Float64,
  Int32,
  Int64,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  type Table,
} from 'apache-arrow';
import { CATEGORIES } from '../../model/moderation';
import { MESSAGE_COLUMNS } from '../../sql/messages-table';
import { BitmapBuilder, utf8Data } from '../worker/arrow-buffers';
import { conversationFromTable } from '../worker/conversation-record';
import type { MessageRecord } from '../worker/parquet-protocol';

/** A conversation to flatten: its offset in the table read, its global `row` and its id. */
export interface MessagePick {
  offset: number;
  row: number;
  conversationId: string;
}

/**
 * The `messages` rows of the picked conversations of `table` (which holds consecutive rows of one
 * row group, with the conversation and moderation leaves), as one Arrow batch in MESSAGE_COLUMNS
 * order. Built from typed arrays with makeData: Arrow's builders compile code at run time, which the
 * page's Content-Security-Policy forbids.
 */
export function messageRowsBatch(table: Table, picks: readonly MessagePick[]): RecordBatch {
  const messages: { pick: MessagePick; index: number; message: MessageRecord }[] = [];
  for (const pick of picks) {
    conversationFromTable(table.slice(pick.offset, pick.offset + 1)).forEach((message, index) =>
      messages.push({ pick, index, message }),
    );
  }
  const n = messages.length;
  const rowIds = new BigInt64Array(n);
  const indexes = new Int32Array(n);
  messages.forEach(({ pick, index }, i) => {
    rowIds[i] = BigInt(pick.row);
    indexes[i] = index + 1;
  });
  const columns: Data[] = [
    makeData({ type: new Int64(), length: n, data: rowIds }),
    utf8Data(messages.map((m) => m.pick.conversationId)),
    makeData({ type: new Int32(), length: n, data: indexes }),
    utf8Data(messages.map((m) => m.message.role)),
    utf8Data(messages.map((m) => m.message.content)),
    bools(messages.map((m) => m.message.moderation?.flagged ?? null)),
    ...CATEGORIES.map((c) =>
      bools(messages.map((m) => m.message.moderation?.categories[c.name] ?? null)),
    ),
    ...CATEGORIES.map((c) =>
      doubles(messages.map((m) => m.message.moderation?.scores[c.name] ?? null)),
    ),
  ];
  const fields = MESSAGE_COLUMNS.map((c, i) => new Field(c.name, columns[i]!.type, true));
  const struct = makeData({ type: new Struct(fields), length: n, children: columns });
  return new RecordBatch(new Schema(fields), struct);
}

function bools(values: readonly (boolean | null)[]): Data<Bool> {
  const n = values.length;
  const bits = new BitmapBuilder(n);
  const valid = new BitmapBuilder(n);
  values.forEach((v, i) => {
    if (v === null) return;
    valid.set(i);
    if (v) bits.set(i);
  });
  return makeData({
    type: new Bool(),
    length: n,
    nullCount: n - valid.count,
    data: bits.bytes,
    nullBitmap: valid.count === n ? undefined : valid.bytes,
  });
}

function doubles(values: readonly (number | null)[]): Data<Float64> {
  const n = values.length;
  const data = new Float64Array(n);
  const valid = new BitmapBuilder(n);
  values.forEach((v, i) => {
    if (v === null) return;
    valid.set(i);
    data[i] = v;
  });
  return makeData({
    type: new Float64(),
    length: n,
    nullCount: n - valid.count,
    data,
    nullBitmap: valid.count === n ? undefined : valid.bytes,
  });
}
