/** Small helpers for building the generator's SQL from TypeScript values. */

export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function sqlStringList(values: readonly string[]): string {
  return `([${values.map(sqlString).join(', ')}]::VARCHAR[])`;
}

export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return Number.isInteger(value) ? `${value}` : value.toPrecision(17);
}

export function sqlNumberList(values: readonly number[]): string {
  return `([${values.map(sqlNumber).join(', ')}]::DOUBLE[])`;
}

/**
 * A uniform double in [0, 1) determined by the seed, the row and the given keys. The outer hash is
 * needed: DuckDB combines the arguments of a multi-argument hash() with an XOR, so hash(s, r, 1) and
 * hash(s, r, 2) differ by a constant mask and are strongly correlated.
 */
export function uniform(...keys: (string | number)[]): string {
  return `((hash(hash(${keys.join(', ')})) >> 11)::DOUBLE / 9007199254740992.0)`;
}

/**
 * An integer in [0, n) from the same hash stream as `uniform`. The UBIGINT cast matters: a
 * non-constant signed divisor would make DuckDB compute UBIGINT % INTEGER in HUGEINT, 10x slower.
 */
export function uniformInt(n: number | string, ...keys: (string | number)[]): string {
  return `(hash(hash(${keys.join(', ')})) % (${n})::UBIGINT)::BIGINT`;
}

/** 1-based index of the bucket `u` falls in, for weights that need not sum to 1. */
export function pickIndex(u: string, weights: readonly number[]): string {
  const total = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  const branches = weights.slice(0, -1).map((w, i) => {
    cumulative += w / total;
    return `WHEN ${u} < ${sqlNumber(cumulative)} THEN ${i + 1}`;
  });
  return `(CASE ${branches.join(' ')} ELSE ${weights.length} END)`;
}

/** CASE choosing `branches[i]` with probability proportional to `weights[i]`, driven by `u`. */
export function chooseByWeight(u: string, weights: readonly number[], branches: readonly string[]) {
  if (weights.length !== branches.length) throw new Error('weights and branches differ in length');
  const total = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  const whens = branches.slice(0, -1).map((branch, i) => {
    cumulative += (weights[i] ?? 0) / total;
    return `WHEN ${u} < ${sqlNumber(cumulative)} THEN ${branch}`;
  });
  return `(CASE ${whens.join('\n    ')} ELSE ${branches[branches.length - 1]} END)`;
}
