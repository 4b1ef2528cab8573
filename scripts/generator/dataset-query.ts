import { conversationCtes, type RowSource } from './conversation-sql';
import { messageContent } from './message-sql';
import { messageFlags, moderationList } from './moderation-sql';

/** The SELECT producing the dataset rows of `rowIds`, in order, with the exact published schema. */
export function buildDatasetQuery(source: RowSource): string {
  const { seed, text } = source;
  return `WITH ${conversationCtes(source)},
messages AS (SELECT *, ${messageFlags(seed)} AS flags FROM topical)
SELECT
  md5('${seed}:' || row_id::VARCHAR) AS conversation_id,
  model,
  list_transform(range(2 * turn), m -> {
    'content': ${messageContent(seed, text)},
    'role': CASE WHEN m % 2 = 0 THEN 'user' ELSE 'assistant' END
  }) AS conversation,
  turn,
  language,
  ${moderationList(seed)} AS openai_moderation,
  redacted
FROM messages`;
}

/** DuckDB's vector size: sources emit chunks of up to this many rows. */
const CHUNK_ROWS = 2048;

/**
 * Row ids [start, end) such that no source chunk straddles a row-group boundary. DuckDB's parquet
 * writer only closes a row group at a chunk boundary, so a plain range() rounds groups up to whole
 * chunks unless the group size is a multiple of the chunk size; otherwise one UNION ALL branch
 * per row group makes every chunk end exactly at a group boundary.
 */
export function rowIdsByGroup(start: number, end: number, rowGroupSize: number): string {
  if (rowGroupSize % CHUNK_ROWS === 0) return `SELECT range AS row_id FROM range(${start}, ${end})`;
  const branches: string[] = [];
  for (let from = start; from < end; from += rowGroupSize) {
    const to = Math.min(end, from + rowGroupSize);
    branches.push(`SELECT range AS row_id FROM range(${from}, ${to})`);
  }
  return branches.join('\nUNION ALL ');
}
