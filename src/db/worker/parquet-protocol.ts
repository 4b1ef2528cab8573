import type { SearchSpec } from '../../model/search-spec';
import type { DatasetProblem } from '../engine/dataset-error';
import type { MessagePick } from '../build/message-rows';
import type { SearchSnippet } from '../search/search-scan';
import type { ShardColumns } from '../build/shard-schema';

/** A parquet shard: a URL (read with range requests) or a local File (read by slices). */
export interface ShardRef {
  /** Shown to the user in progress and errors. */
  name: string;
  url?: string;
  file?: File;
}

export interface ShardInfo {
  rows: number;
  columns: ShardColumns;
  /**
   * Per row group: rows, and compressed bytes of the metadata leaves (what the build reads) and of
   * the `conversation` text and role leaves (what a search reads).
   */
  rowGroups: { rows: number; metadataBytes: number; textBytes: number }[];
}

export interface MetadataTask {
  shard: ShardRef;
  shardIndex: number;
  /** Consecutive row groups of the shard, read as one task (their bytes fetched ahead). */
  rowGroups: number[];
  /** The shard row of the first group's first row. */
  shardRowStart: number;
  shardRowOffset: number;
  leaves: string[];
}

/** One row group of one shard to scan for a text search. */
export interface SearchTask {
  shard: ShardRef;
  rowGroup: number;
  /** Global `row` of the row group's first conversation. */
  firstRow: number;
  /** The `conversation.content` and `conversation.role` leaves. */
  leaves: string[];
  spec: SearchSpec;
  /** Snippets to make at most (the hits list shows the first few). */
  snippetLimit: number;
  /** The only global rows to test (the text index's candidates), ascending; else every row. */
  only?: number[];
}

export interface MessageRecord {
  role: string | null;
  content: string | null;
  moderation: {
    flagged: boolean | null;
    categories: Record<string, boolean | null>;
    scores: Record<string, number | null>;
  } | null;
}

export type WorkerRequest =
  | { type: 'inspect'; shard: ShardRef }
  | { type: 'metadata'; task: MetadataTask }
  | {
      type: 'conversation';
      shard: ShardRef;
      rowGroup: number;
      rowInGroup: number;
      leaves: string[];
      /** A giant row group: decode it whole once and keep it (kept-group.ts); pinned in the pool. */
      keep?: boolean;
    }
  | {
      type: 'previews';
      shard: ShardRef;
      rowGroup: number;
      /** Rows of the group to preview, ascending. */
      rowsInGroup: number[];
      /** The `content` and `role` leaves; with `keep`, every conversation leaf (one kept group). */
      leaves: string[];
      /** As for `conversation`: the rows come out of the kept group. */
      keep?: boolean;
    }
  | { type: 'search'; task: SearchTask }
  /** Whether the shard has an offset index, from its footer (handlers/page-index.ts). */
  | { type: 'page-index'; shard: ShardRef }
  | {
      type: 'messages';
      shard: ShardRef;
      rowGroup: number;
      /** Conversations to flatten; `offset` is the row in the group, ascending. */
      picks: MessagePick[];
      /** The conversation and moderation leaves. */
      leaves: string[];
    }
  /** Every column of one row group of a prepared `conversations` sidecar (src/db/sidecar.ts). */
  | { type: 'sidecar'; shard: ShardRef; rowGroup: number }
  /** Picked rows of one row group, every column, as JSON lines (src/db/export-rows.ts). */
  | { type: 'export-jsonl'; shard: ShardRef; rowGroup: number; rowsInGroup: number[] }
  /** Starts this worker's streamed parquet writer for an export (one at a time per worker). */
  | { type: 'export-parquet-open' }
  /** Picked rows of one row group, every column, into the open writer. */
  | { type: 'export-parquet-write'; shard: ShardRef; rowGroup: number; rowsInGroup: number[] }
  /** Finishes the writer: the rest of the file, footer included. */
  | { type: 'export-parquet-close' };

export interface WorkerResults {
  inspect: ShardInfo;
  /** Arrow IPC stream of `conversations` rows for the task's row groups. */
  metadata: { ipc: Uint8Array; rows: number };
  conversation: { messages: MessageRecord[] };
  /** First user prompt of each requested row, in request order. */
  previews: { previews: (string | null)[] };
  'page-index': { offsetIndex: boolean };
  /** Global rows of the matching conversations (ascending) and snippets of the first ones. */
  search: { rows: number[]; snippets: SearchSnippet[]; scanned: number };
  /** Arrow IPC stream of `messages` rows (src/sql/messages-table.ts) for the picked conversations. */
  messages: { ipc: Uint8Array; messages: number };
  /** Arrow IPC stream of the sidecar's rows, as parquet-wasm decoded them. */
  sidecar: { ipc: Uint8Array };
  /** UTF-8 JSON lines, one per picked row, in row order. */
  'export-jsonl': { bytes: Uint8Array; rows: number };
  'export-parquet-open': { bytes: Uint8Array };
  /** The file's bytes the writer has produced since the last answer (often none until a row group fills). */
  'export-parquet-write': { bytes: Uint8Array; rows: number };
  'export-parquet-close': { bytes: Uint8Array };
}

export type WorkerResponse =
  | { id: number; ok: true; result: WorkerResults[keyof WorkerResults] }
  | { id: number; ok: false; problem?: DatasetProblem; message: string };
