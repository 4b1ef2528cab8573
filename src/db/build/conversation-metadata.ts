import {
  Bool,
  Float64,
  Int32,
  Int64,
  RecordBatch,
  Schema,
  Field,
  Struct,
  Utf8,
  makeData,
  type Data,
  type Vector,
} from 'apache-arrow';
import { CATEGORIES } from '../../model/moderation';
import { maxScoreColumn } from '../../sql/conversations-table';
import {
  BitmapBuilder,
  isValid,
  leafBuffers,
  leafTrue,
  leafValid,
  structChild,
  type LeafBuffers,
} from '../worker/arrow-buffers';

export interface BatchLocation {
  shard: number;
  /** Row of the batch's first row within its shard. */
  shardRowStart: number;
  /** Rows of the whole dataset before the shard, so `row` is a stable ordinal. */
  shardRowOffset: number;
}

const N_CAT = CATEGORIES.length;
const U = 'u'.charCodeAt(0);
const A = 'a'.charCodeAt(0);

/** A record batch of projected leaves, or several batches of the same rows read apart. */
export interface LeafBatch {
  numRows: number;
  getChild(name: string): Vector | null;
}

/**
 * Reduces one record batch of projected leaves (ids, model, language, turn, roles, moderation)
 * to rows of `conversations`. Must agree with src/sql/native-conversations.ts; the unit tests
 * compare the two on generated shards.
 */
export function computeConversationBatch(input: LeafBatch, at: BatchLocation): RecordBatch {
  const n = input.numRows;
  const col = (name: string) => input.getChild(name)?.data[0];
  const roles = listOfStructChild(col('conversation'), 'role');
  const mod = col('openai_moderation');
  const modEntries = mod?.children[0];
  const entries = leafBuffers<unknown>(modEntries);
  const flaggedLeaf = leafBuffers<Uint8Array>(modEntries && structChild(modEntries, 'flagged'));
  const cats = modEntries && structChild(modEntries, 'categories');
  const scores = modEntries && structChild(modEntries, 'category_scores');
  const catLeaves: (LeafBuffers<Uint8Array> | undefined)[] = CATEGORIES.map((c) =>
    leafBuffers(cats && structChild(cats, c.name)),
  );
  const scoreLeaves: (LeafBuffers<Float64Array> | undefined)[] = CATEGORIES.map((c) =>
    leafBuffers(scores && structChild(scores, c.name)),
  );

  const out = {
    row: new BigInt64Array(n),
    turn: new Int32Array(n),
    turnValid: new BitmapBuilder(n),
    nMessages: new Int32Array(n),
    shard: new Int32Array(n).fill(at.shard),
    shardRow: new Int32Array(n),
    flagged: new BitmapBuilder(n),
    user: new BitmapBuilder(n),
    assistant: new BitmapBuilder(n),
    catAny: CATEGORIES.map(() => new BitmapBuilder(n)),
    catMax: CATEGORIES.map(() => new Float64Array(n)),
    catMaxValid: CATEGORIES.map(() => new BitmapBuilder(n)),
    maxScore: new Float64Array(n),
    maxScoreValid: new BitmapBuilder(n),
    firstFlagged: new Int32Array(n),
    firstFlaggedValid: new BitmapBuilder(n),
  };
  const turnData = col('turn');
  const catHit = new Uint8Array(N_CAT);
  const catMax = new Float64Array(N_CAT);
  const catSeen = new Uint8Array(N_CAT);

  for (let r = 0; r < n; r++) {
    out.shardRow[r] = at.shardRowStart + r;
    out.row[r] = BigInt(at.shardRowOffset + at.shardRowStart + r);
    if (turnData && isValid(turnData, r)) {
      out.turn[r] = Number((turnData.values as BigInt64Array | Int32Array)[r]);
      out.turnValid.set(r);
    }
    const roleRange = listRange(roles?.list, r);
    out.nMessages[r] = roleRange[1] - roleRange[0];

    catHit.fill(0);
    catSeen.fill(0);
    let flagged = false;
    let user = false;
    let assistant = false;
    let first = -1;
    // One moderation entry per message: entries beyond the conversation moderate nothing the
    // viewer shows, so they must not flag the conversation either (native-conversations.ts too).
    const [start, listEnd] = listRange(mod, r);
    const end = Math.min(listEnd, start + out.nMessages[r]!);
    for (let j = start; j < end; j++) {
      if (!entries || !leafValid(entries, j)) continue;
      for (let c = 0; c < N_CAT; c++) {
        const catLeaf = catLeaves[c];
        if (catLeaf && leafTrue(catLeaf, j)) catHit[c] = 1;
        const scoreLeaf = scoreLeaves[c];
        if (scoreLeaf && leafValid(scoreLeaf, j)) {
          const s = scoreLeaf.values[j]!;
          // NaN sorts above every number in DuckDB's list_max; mirror it.
          if (!catSeen[c] || s > catMax[c]! || Number.isNaN(s)) catMax[c] = s;
          catSeen[c] = 1;
        }
      }
      if (flaggedLeaf && leafTrue(flaggedLeaf, j)) {
        flagged = true;
        if (first < 0) first = j - start;
        const role = roleAt(roles, roleRange[0] + (j - start), roleRange[1]);
        if (role === 'user') user = true;
        else if (role === 'assistant') assistant = true;
      }
    }
    if (flagged) out.flagged.set(r);
    if (user) out.user.set(r);
    if (assistant) out.assistant.set(r);
    if (first >= 0) {
      out.firstFlagged[r] = first;
      out.firstFlaggedValid.set(r);
    }
    let best = 0;
    let anySeen = false;
    for (let c = 0; c < N_CAT; c++) {
      if (catHit[c]) out.catAny[c]!.set(r);
      if (!catSeen[c]) continue;
      const v = catMax[c]!;
      out.catMax[c]![r] = v;
      out.catMaxValid[c]!.set(r);
      if (!anySeen || v > best || Number.isNaN(v)) best = v;
      anySeen = true;
    }
    if (anySeen) {
      out.maxScore[r] = best;
      out.maxScoreValid.set(r);
    }
  }

  const passThrough = (name: string) => col(name);
  // The projection holds one id column, the one the shard's layout names (schema-adapter.ts).
  const id = col('conversation_id') ?? col('conversation_hash');
  const columns: [string, Data][] = [
    ['row', makeData({ type: new Int64(), length: n, data: out.row })],
    ['conversation_id', required(id, 'conversation_id')],
    ['model', required(passThrough('model'), 'model')],
    ['language', required(passThrough('language'), 'language')],
    ['turn', nullable(new Int32(), out.turn, out.turnValid, n)],
    ['n_messages', makeData({ type: new Int32(), length: n, data: out.nMessages })],
    // Optional columns pass through when read, else all NULL (schema-adapter.ts).
    ['redacted', col('redacted') ?? nullBools(n)],
    ['toxic', col('toxic') ?? nullBools(n)],
    ['country', col('country') ?? nullStrings(n)],
    ['state', col('state') ?? nullStrings(n)],
    ['shard', makeData({ type: new Int32(), length: n, data: out.shard })],
    ['shard_row', makeData({ type: new Int32(), length: n, data: out.shardRow })],
    ['flagged', bools(out.flagged, n)],
    ['user_flagged', bools(out.user, n)],
    ['assistant_flagged', bools(out.assistant, n)],
    ...CATEGORIES.map((c, i): [string, Data] => [c.id, bools(out.catAny[i]!, n)]),
    ...CATEGORIES.map((c, i): [string, Data] => [
      maxScoreColumn(c.id),
      nullable(new Float64(), out.catMax[i]!, out.catMaxValid[i]!, n),
    ]),
    ['max_score', nullable(new Float64(), out.maxScore, out.maxScoreValid, n)],
    ['first_flagged_message', nullable(new Int32(), out.firstFlagged, out.firstFlaggedValid, n)],
  ];
  const fields = columns.map(([name, data]) => new Field(name, data.type, true));
  const struct = makeData({
    type: new Struct(fields),
    length: n,
    children: columns.map(([, data]) => data),
  });
  return new RecordBatch(new Schema(fields), struct);
}

function required(data: Data | undefined, name: string): Data {
  if (!data) throw new Error(`column "${name}" was not read`);
  return data;
}

function nullBools(n: number): Data<Bool> {
  return makeData({
    type: new Bool(),
    length: n,
    nullCount: n,
    data: new Uint8Array(Math.ceil(n / 8)),
    nullBitmap: new Uint8Array(Math.ceil(n / 8)),
  });
}

function nullStrings(n: number): Data<Utf8> {
  return makeData({
    type: new Utf8(),
    length: n,
    nullCount: n,
    data: new Uint8Array(0),
    valueOffsets: new Int32Array(n + 1),
    nullBitmap: new Uint8Array(Math.ceil(n / 8)),
  });
}

function bools(bits: BitmapBuilder, n: number): Data<Bool> {
  return makeData({ type: new Bool(), length: n, data: bits.bytes });
}

function nullable<T extends Int32 | Float64>(
  type: T,
  values: Int32Array | Float64Array,
  valid: BitmapBuilder,
  n: number,
): Data<T> {
  const nullCount = n - valid.count;
  return makeData({
    type,
    length: n,
    nullCount,
    data: values,
    nullBitmap: nullCount === 0 ? undefined : valid.bytes,
  } as never) as unknown as Data<T>;
}

interface RolesLeaf {
  list: Data;
  role: Data | undefined;
}

function listOfStructChild(list: Data | undefined, name: string): RolesLeaf | undefined {
  const entries = list?.children[0];
  if (!list || !entries) return undefined;
  return { list, role: structChild(entries, name) };
}

function listRange(list: Data | undefined, r: number): [number, number] {
  if (!list || !isValid(list, r)) return [0, 0];
  const offsets = list.valueOffsets as Int32Array;
  return [offsets[r]!, offsets[r + 1]!];
}

/** 'user' | 'assistant' | undefined, compared on bytes to avoid decoding a string per message. */
function roleAt(roles: RolesLeaf | undefined, k: number, end: number): string | undefined {
  const leaf = roles?.role;
  if (!leaf || k >= end || !isValid(leaf, k)) return undefined;
  const offsets = leaf.valueOffsets as Int32Array;
  const bytes = leaf.values as Uint8Array;
  const from = offsets[k]!;
  const length = offsets[k + 1]! - from;
  if (length === 4 && bytes[from] === U && matches(bytes, from, 'user')) return 'user';
  if (length === 9 && bytes[from] === A && matches(bytes, from, 'assistant')) return 'assistant';
  return undefined;
}

function matches(bytes: Uint8Array, from: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (bytes[from + i] !== word.charCodeAt(i)) return false;
  return true;
}
