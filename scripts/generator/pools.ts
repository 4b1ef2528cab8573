import { sqlStringList, uniformInt } from './sql-util';
import { CODE_BLOCKS } from './text/code';
import { flattenPool, TEXT_PACK_IDS, TEXT_PACKS, type PoolName } from './text/packs';

const POOL_NAMES: readonly PoolName[] = [
  'topics',
  'prompts',
  'namedPrompts',
  'followUps',
  'openers',
  'namedOpeners',
  'sentences',
  'items',
  'headings',
  'linkLines',
  'attachIntros',
  'closers',
];

/** Longest run of distinct entries a run must yield (list items; paragraphs are shorter). */
const MAX_RUN = 7;

/**
 * The text pools become session variables: each is a constant for DuckDB, and the generated query
 * stays readable instead of carrying every pool inline.
 */
export function poolVariableStatements(): string[] {
  const packs = TEXT_PACK_IDS.map((id) => TEXT_PACKS[id]);
  const integers = (values: number[]) => `[${values.join(', ')}]::INTEGER[]`;
  return [
    ...POOL_NAMES.flatMap((name) => {
      const { values, offsets, lengths } = flattenPool(name);
      const gaps = lengths.map((n) => Math.max(1, Math.floor((n - 1) / (MAX_RUN - 1))));
      return [
        `SET VARIABLE p_${name} = ${sqlStringList(values)}`,
        `SET VARIABLE p_${name}_offset = ${integers(offsets)}`,
        `SET VARIABLE p_${name}_length = ${integers(lengths)}`,
        `SET VARIABLE p_${name}_gap = ${integers(gaps)}`,
      ];
    }),
    `SET VARIABLE p_joiners = ${sqlStringList(packs.map((p) => p.joiner))}`,
    `SET VARIABLE p_table_headers = ${sqlStringList(packs.map((p) => tableHeader(p.tableHeader)))}`,
    `SET VARIABLE p_code = ${sqlStringList(CODE_BLOCKS)}`,
  ];
}

function tableHeader(columns: readonly string[]): string {
  return `| ${columns.join(' | ')} |\n|---|---:|---|`;
}

const packVariable = (pool: PoolName, field: string, pack: string) =>
  `getvariable('p_${pool}_${field}')[${pack} + 1]`;

function entry(pool: PoolName, pack: string, index: string): string {
  return `getvariable('p_${pool}')[${packVariable(pool, 'offset', pack)} + 1 + ${index}]`;
}

/** A random entry of `pool` for the 0-based text pack `pack`; `keys` choose the entry. */
export function poolPick(pool: PoolName, pack: string, ...keys: (string | number)[]): string {
  return entry(pool, pack, uniformInt(packVariable(pool, 'length', pack), ...keys));
}

/**
 * Entry `position` (0, 1, ...) of a run through `pool` from a random start with a random stride:
 * distinct entries for up to MAX_RUN positions (independent picks repeat sentences in a paragraph).
 */
export function poolRunEntry(
  pool: PoolName,
  pack: string,
  keys: readonly (string | number)[],
  position: number,
): string {
  const length = packVariable(pool, 'length', pack);
  const start = uniformInt(length, ...keys, 101);
  const gap = `(1 + ${uniformInt(packVariable(pool, 'gap', pack), ...keys, 102)})`;
  return entry(pool, pack, `(${start} + ${position} * ${gap}) % ${length}`);
}

/** Indices of a whole run (see `poolRunEntry`), for list_transform; wrap each with `poolEntry`. */
export function poolRunIndices(
  pool: PoolName,
  pack: string,
  keys: readonly (string | number)[],
  count: string,
): string {
  const start = uniformInt(packVariable(pool, 'length', pack), ...keys, 101);
  const gap = `(1 + ${uniformInt(packVariable(pool, 'gap', pack), ...keys, 102)})`;
  return `range(${start}, ${start} + (${count}) * ${gap}, ${gap})`;
}

export function poolEntry(pool: PoolName, pack: string, index: string): string {
  return entry(pool, pack, `(${index}) % ${packVariable(pool, 'length', pack)}`);
}

export function joinerOf(pack: string): string {
  return `getvariable('p_joiners')[${pack} + 1]`;
}

export function tableHeaderOf(pack: string): string {
  return `getvariable('p_table_headers')[${pack} + 1]`;
}

export function codePick(...keys: (string | number)[]): string {
  return `getvariable('p_code')[1 + ${uniformInt(CODE_BLOCKS.length, ...keys)}]`;
}
