import { DataType, type Field, type Schema } from 'apache-arrow';
import { CATEGORIES } from '../sql/moderation';
import type { DatasetProblem } from './dataset-error';

/** What the metadata build needs to know about one shard's columns. */
export interface ShardColumns {
  /** Dotted parquet leaf paths to read for the metadata build (never the text). */
  metadataLeaves: string[];
  /** Leaves of one whole conversation: text, roles and moderation. */
  conversationLeaves: string[];
  hasRedacted: boolean;
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
 * Checks a shard's Arrow schema against the LMSYS-Chat-1M layout and resolves the parquet leaf paths
 * to read. Paths come from the footer because writers name list levels differently
 * (`list.element` in current pyarrow and DuckDB, `list.item` or `bag.array_element` elsewhere).
 * Extra columns are fine; `redacted` is used when present.
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

  for (const name of ['conversation_id', 'model', 'language']) {
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
  const redacted = field('redacted');
  const hasRedacted = !!redacted && DataType.isBool(redacted.type);

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
      metadataLeaves: [
        leaf('conversation_id'),
        leaf('model'),
        leaf('language'),
        leaf('turn'),
        roleLeaf,
        ...moderationLeaves,
        ...(hasRedacted ? [leaf('redacted')] : []),
      ],
      conversationLeaves: [leaf('conversation', 'content'), roleLeaf, ...moderationLeaves],
      hasRedacted,
    },
  };
}
