import { DataType, type Field, type Schema } from 'apache-arrow';
import { CATEGORIES } from '../../model/moderation';
import type { DatasetProblem } from '../engine/dataset-error';
import {
  detectShape,
  OPTIONAL_COLUMNS,
  type DatasetShape,
  type PresentColumns,
} from './schema-adapter';

/** What the metadata build needs to know about one shard's columns. */
export interface ShardColumns {
  /** The layout the shard follows (schema-adapter.ts). */
  shape: DatasetShape;
  /** Dotted parquet leaf paths to read for the metadata build (never the text). */
  metadataLeaves: string[];
  /** Leaves of one whole conversation: text, roles and moderation. */
  conversationLeaves: string[];
  hasRedacted: boolean;
  /** The optional per-conversation columns the shard has (`redacted`, `toxic`, `country`, `state`). */
  present: PresentColumns;
  /** Every top-level column with its Arrow type, in file order: shards of one dataset must agree. */
  signature: { name: string; type: string }[];
}

const isString = (t: DataType) => DataType.isUtf8(t) || DataType.isLargeUtf8(t);
const isStringLike = (t: DataType) =>
  isString(t) || (DataType.isDictionary(t) && isString(t.dictionary));
const listOfStruct = (t: DataType): Field[] | undefined => {
  if (!DataType.isList(t)) return undefined;
  const item = t.children[0]?.type;
  return item && DataType.isStruct(item) ? item.children : undefined;
};
const fieldIn = (fields: Field[] | undefined, name: string) => fields?.find((f) => f.name === name);

const MODERATION_SHAPE =
  'list<struct<categories: struct<11 bool>, category_scores: struct<11 float>, flagged: bool>>';

/**
 * Checks a shard's Arrow schema against its layout (LMSYS-Chat-1M or WildChat-1M, told apart by
 * schema-adapter.ts) and resolves the parquet leaf paths to read. Paths come from the footer because
 * writers name list levels differently (`list.element` in current pyarrow and DuckDB, `list.item`
 * or `bag.array_element` elsewhere). Extra columns are fine; the optional ones (`redacted`,
 * `toxic`, `country`, `state`) are used when present with their type.
 */
export function checkShardSchema(
  file: string,
  schema: Schema,
  leafPaths: string[][],
): { columns: ShardColumns } | { problem: DatasetProblem } {
  const problem = (column: string, message: string, expected: string, found?: string) => ({
    problem: { file, column, message, expected, found },
  });
  const field = (name: string) => schema.fields.find((f) => f.name === name);
  const adapter = detectShape(schema.fields.map((f) => f.name));

  for (const name of [adapter.idColumn, 'model', 'language']) {
    const f = field(name);
    if (!f) return problem(name, 'is missing', 'string');
    if (!isStringLike(f.type)) return problem(name, 'has the wrong type', 'string', String(f.type));
  }
  const turn = field('turn');
  if (!turn) return problem('turn', 'is missing', 'integer');
  if (!DataType.isInt(turn.type))
    return problem('turn', 'has the wrong type', 'integer', String(turn.type));

  const conversation = field('conversation');
  const CONVERSATION_SHAPE = 'list<struct<content: string, role: string>>';
  if (!conversation) return problem('conversation', 'is missing', CONVERSATION_SHAPE);
  const messageFields = listOfStruct(conversation.type);
  const role = fieldIn(messageFields, 'role');
  const content = fieldIn(messageFields, 'content');
  if (!role || !content || !isString(role.type) || !isString(content.type))
    return problem(
      'conversation',
      'has the wrong type',
      CONVERSATION_SHAPE,
      String(conversation.type),
    );

  const moderation = field('openai_moderation');
  if (!moderation) return problem('openai_moderation', 'is missing', MODERATION_SHAPE);
  const entry = listOfStruct(moderation.type);
  const flagged = fieldIn(entry, 'flagged');
  const categories = fieldIn(entry, 'categories');
  const scores = fieldIn(entry, 'category_scores');
  if (!entry || !flagged || !DataType.isBool(flagged.type) || !categories || !scores)
    return problem(
      'openai_moderation',
      'has the wrong type',
      MODERATION_SHAPE,
      String(moderation.type),
    );
  for (const c of CATEGORIES) {
    const cat = DataType.isStruct(categories.type)
      ? fieldIn(categories.type.children, c.name)
      : undefined;
    if (!cat || !DataType.isBool(cat.type))
      return problem(
        `openai_moderation.categories.${c.name}`,
        'is missing or not a boolean',
        'bool',
        cat && String(cat.type),
      );
    const score = DataType.isStruct(scores.type)
      ? fieldIn(scores.type.children, c.name)
      : undefined;
    if (!score || !DataType.isFloat(score.type))
      return problem(
        `openai_moderation.category_scores.${c.name}`,
        'is missing or not a number',
        'float',
        score && String(score.type),
      );
  }
  const present = Object.fromEntries(
    OPTIONAL_COLUMNS.map(({ name, kind }) => {
      const type = field(name)?.type;
      return [name, !!type && (kind === 'bool' ? DataType.isBool(type) : isStringLike(type))];
    }),
  ) as PresentColumns;

  const leaf = (top: string, ...tail: string[]) => {
    const path = leafPaths.find(
      (p) =>
        p[0] === top &&
        (tail.length > 0 || p.length === 1) &&
        tail.every((t, i) => p[p.length - tail.length + i] === t),
    );
    // A shard without row groups has no column chunks to name; it is read as zero rows.
    if (!path && leafPaths.length === 0) return '';
    if (!path) throw new Error(`${file}: no parquet leaf for ${[top, ...tail].join('.')}`);
    return path.join('.');
  };
  const moderationLeaves = [
    ...CATEGORIES.map((c) => leaf('openai_moderation', 'categories', c.name)),
    ...CATEGORIES.map((c) => leaf('openai_moderation', 'category_scores', c.name)),
    leaf('openai_moderation', 'flagged'),
  ];
  const roleLeaf = leaf('conversation', 'role');
  return {
    columns: {
      shape: adapter.shape,
      metadataLeaves: [
        leaf(adapter.idColumn),
        leaf('model'),
        leaf('language'),
        leaf('turn'),
        roleLeaf,
        ...moderationLeaves,
        ...OPTIONAL_COLUMNS.filter((c) => present[c.name]).map((c) => leaf(c.name)),
      ],
      conversationLeaves: [leaf('conversation', 'content'), roleLeaf, ...moderationLeaves],
      hasRedacted: present.redacted,
      present,
      signature: schema.fields.map((f) => ({ name: f.name, type: String(f.type) })),
    },
  };
}

/** A shard as the set check sees it: its name, row count and checked columns. */
export interface InspectedShard {
  name: string;
  rows: number;
  columns: ShardColumns;
}

/**
 * Checks the shards of one dataset together, once each passed `checkShardSchema`: every shard has
 * rows, and all have the same columns with the same types (the first shard is the reference, and
 * both files are named). Extra columns are fine in a dataset, but not in only some of its shards.
 */
export function checkShardSet(shards: readonly InspectedShard[]): DatasetProblem | undefined {
  const empty = shards.filter((s) => s.rows === 0).map((s) => s.name);
  if (empty.length > 0) {
    return {
      file: empty.join(', '),
      message: empty.length > 1 ? 'contain no rows' : 'contains no rows',
    };
  }
  const [first, ...rest] = shards;
  if (!first) return undefined;
  for (const other of rest) {
    const theirs = new Map(other.columns.signature.map((c) => [c.name, c.type]));
    const ours = new Map(first.columns.signature.map((c) => [c.name, c.type]));
    for (const { name, type } of first.columns.signature) {
      const found = theirs.get(name);
      if (found === undefined)
        return {
          file: other.name,
          column: name,
          message: `is in ${first.name} but not in this file (shards with different schemas)`,
          expected: type,
        };
      if (found !== type)
        return {
          file: other.name,
          column: name,
          message: `has a different type than in ${first.name} (shards with different schemas)`,
          expected: `${type} as in ${first.name}`,
          found,
        };
    }
    const extra = other.columns.signature.find((c) => !ours.has(c.name));
    if (extra)
      return {
        file: other.name,
        column: extra.name,
        message: `is in this file but not in ${first.name} (shards with different schemas)`,
        found: extra.type,
      };
  }
  return undefined;
}
