import { sqlStringList, uniformInt } from './sql-util';
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
      return [
        `SET VARIABLE p_${name} = ${sqlStringList(values)}`,
        `SET VARIABLE p_${name}_offset = ${integers(offsets)}`,
        `SET VARIABLE p_${name}_length = ${integers(lengths)}`,
      ];
    }),
    `SET VARIABLE p_table_headers = ${sqlStringList(packs.map((p) => tableHeader(p.tableHeader)))}`,
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

export function tableHeaderOf(pack: string): string {
  return `getvariable('p_table_headers')[${pack} + 1]`;
}
