/**
 * The dataset layouts the app opens, told apart by their columns. Both share `model`, `turn`,
 * `language`, `conversation` (list of `{content, role, ...}`) and `openai_moderation`; they differ
 * in the id column and in which per-conversation extras they carry. WildChat-1M
 * (`allenai/WildChat-1M`) also has `timestamp` (a UTC timestamp), `detoxify_moderation`,
 * `hashed_ip` and `header`: the app reads none of them, so their types never matter.
 */
export type DatasetShape = 'lmsys' | 'wildchat';

export interface ShapeAdapter {
  shape: DatasetShape;
  /** Shown in messages about the layout. */
  label: string;
  /** The parquet column read as `conversations.conversation_id`. */
  idColumn: 'conversation_id' | 'conversation_hash';
}

export const SHAPES: Record<DatasetShape, ShapeAdapter> = {
  lmsys: { shape: 'lmsys', label: 'LMSYS-Chat-1M', idColumn: 'conversation_id' },
  wildchat: { shape: 'wildchat', label: 'WildChat-1M', idColumn: 'conversation_hash' },
};

/**
 * The layout a shard follows, from its top-level column names. `conversation_hash` without
 * `conversation_id` means WildChat; anything else is checked as LMSYS, so a file with neither id
 * is told that `conversation_id` is missing.
 */
export function detectShape(columnNames: readonly string[]): ShapeAdapter {
  const names = new Set(columnNames);
  if (!names.has('conversation_id') && names.has('conversation_hash')) return SHAPES.wildchat;
  return SHAPES.lmsys;
}

/**
 * Per-conversation columns used when a shard has them with this type (in any layout): each becomes
 * a nullable column of `conversations`, NULL for shards without it, and its facet shows only when
 * some conversation has a value. Wrongly typed ones are ignored like any other extra column.
 */
export const OPTIONAL_COLUMNS = [
  { name: 'redacted', kind: 'bool' },
  { name: 'toxic', kind: 'bool' },
  { name: 'country', kind: 'string' },
  { name: 'state', kind: 'string' },
] as const;

export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number]['name'];

/** Which optional columns a shard has, each with its expected type. */
export type PresentColumns = Record<OptionalColumn, boolean>;

export const NO_OPTIONAL_COLUMNS: PresentColumns = {
  redacted: false,
  toxic: false,
  country: false,
  state: false,
};
