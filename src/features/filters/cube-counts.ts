import { cubeAnswers } from '../../sql/facet-cube';
import { TURN_BUCKET_CAP, type FacetRow } from '../../sql/facets';
import { CATEGORY_IDS, type CategoryId } from '../../sql/moderation';
import { FLAGGED_MODES, type FacetName, type FlaggedMode, type Filters } from './filters';

/**
 * Facet counts computed in the page from the facet cube's rows (src/sql/facet-cube.ts), read once
 * per dataset. The same counts `buildFacetCountsQuery` gives over the table, without a statement:
 * DuckDB-WASM took 77-420 ms per filter change for that statement over the 33k cube rows at 1M
 * conversations (its ten branches planned and run afresh each time, and queued behind the list's
 * scans on DuckDB's one worker), where this loop takes a few milliseconds. The filter semantics are
 * those of src/sql/filters.ts, SQL's NULL rules included (a NULL never matches a condition); tests
 * hold these counts and the statement's over the table to the brute-force count.
 */
export interface CubeColumns {
  length: number;
  /** How many conversations each cube row stands for. */
  n: Float64Array;
  model: (string | null)[];
  language: (string | null)[];
  country: (string | null)[];
  turn: (number | null)[];
  redacted: (boolean | null)[];
  toxic: (boolean | null)[];
  flagged: (boolean | null)[];
  user_flagged: (boolean | null)[];
  assistant_flagged: (boolean | null)[];
  categories: Record<CategoryId, (boolean | null)[]>;
}

/** The facet cube's rows (`buildReadCube()`) as columns. */
export function cubeColumns(rows: readonly Readonly<Record<string, unknown>>[]): CubeColumns {
  const text = (name: string) => rows.map((r) => (r[name] ?? null) as string | null);
  const flag = (name: string) => rows.map((r) => (r[name] ?? null) as boolean | null);
  return {
    length: rows.length,
    n: Float64Array.from(rows, (r) => Number(r.n)),
    model: text('model'),
    language: text('language'),
    country: text('country'),
    turn: rows.map((r) => (r.turn === null || r.turn === undefined ? null : Number(r.turn))),
    redacted: flag('redacted'),
    toxic: flag('toxic'),
    flagged: flag('flagged'),
    user_flagged: flag('user_flagged'),
    assistant_flagged: flag('assistant_flagged'),
    categories: Object.fromEntries(CATEGORY_IDS.map((id) => [id, flag(id)])) as Record<
      CategoryId,
      (boolean | null)[]
    >,
  };
}

/** The facets the cube can count, each with its bit in a row's mask of failed conditions. */
const CUBE_FACETS = [
  'model',
  'language',
  'turns',
  'flagged',
  'categories',
  'redacted',
  'country',
  'toxic',
] as const satisfies readonly FacetName[];
type CubeFacet = (typeof CUBE_FACETS)[number];
const BIT = Object.fromEntries(CUBE_FACETS.map((f, i) => [f, 1 << i])) as Record<CubeFacet, number>;

/** Row `i` meets this flagged mode (`IS TRUE`, and `IS NOT TRUE` for none, as in SQL). */
function flaggedAs(cube: CubeColumns, mode: FlaggedMode, i: number): boolean {
  if (mode === 'any') return cube.flagged[i] === true;
  if (mode === 'user') return cube.user_flagged[i] === true;
  if (mode === 'assistant') return cube.assistant_flagged[i] === true;
  return cube.flagged[i] !== true;
}

/** The test of one facet's own condition, or undefined when that facet does not narrow. */
function facetTest(
  cube: CubeColumns,
  filters: Filters,
  facet: CubeFacet,
): ((i: number) => boolean) | undefined {
  const among = (values: readonly string[], column: (string | null)[]) => {
    if (values.length === 0) return undefined;
    const wanted = new Set(values);
    return (i: number) => {
      const value = column[i] ?? null;
      return value !== null && wanted.has(value);
    };
  };
  switch (facet) {
    case 'model':
      return among(filters.models, cube.model);
    case 'language':
      return among(filters.languages, cube.language);
    case 'country':
      return among(filters.countries, cube.country);
    case 'turns': {
      const { min, max } = filters.turns;
      if (min === undefined && max === undefined) return undefined;
      return (i) => {
        const turn = cube.turn[i] ?? null;
        return turn !== null && turn >= (min ?? -Infinity) && turn <= (max ?? Infinity);
      };
    }
    case 'flagged': {
      const mode = filters.flagged;
      return mode === undefined ? undefined : (i) => flaggedAs(cube, mode, i);
    }
    case 'categories': {
      const columns = CATEGORY_IDS.filter((id) => filters.categories.includes(id)).map(
        (id) => cube.categories[id],
      );
      if (columns.length === 0) return undefined;
      return filters.categoryMode === 'all'
        ? (i) => {
            for (const c of columns) if (c[i] !== true) return false;
            return true;
          }
        : (i) => {
            for (const c of columns) if (c[i] === true) return true;
            return false;
          };
    }
    case 'redacted': {
      const wanted = filters.redacted;
      return wanted === undefined ? undefined : (i) => cube.redacted[i] === wanted;
    }
    case 'toxic': {
      const wanted = filters.toxic;
      return wanted === undefined ? undefined : (i) => cube.toxic[i] === wanted;
    }
  }
}

/** Whether a row with this mask of failed conditions counts for `facet`'s counts. */
const countsFor = (failed: number, facet: CubeFacet) => failed === 0 || failed === BIT[facet];

/**
 * Which of the filters' conditions cube row `i` fails, one bit per facet: 0 when the row is in the
 * selection. Only for states the cube answers (`cubeAnswers`).
 */
export function failedConditions(cube: CubeColumns, filters: Filters): (i: number) => number {
  if (!cubeAnswers(filters)) throw new Error('the facet cube cannot answer this filter state');
  const tests = CUBE_FACETS.flatMap((facet) => {
    const test = facetTest(cube, filters, facet);
    return test ? [{ bit: BIT[facet], test }] : [];
  });
  return (i) => {
    let failed = 0;
    for (const { bit, test } of tests) if (!test(i)) failed |= bit;
    return failed;
  };
}

/** The facets' and charts' turns bucket: `1` ... `10`, `11+`; below 1 and NULL in none. */
export function turnBucket(turn: number | null): string | null {
  if (turn === null || turn < 1) return null;
  return turn >= TURN_BUCKET_CAP ? `${TURN_BUCKET_CAP}+` : String(turn);
}

/**
 * The rows `buildFacetCountsQuery` returns for `filters` (feed them to `parseFacetRows`): every
 * facet counted under every filter but its own. Only for states the cube answers (`cubeAnswers`).
 * One pass over the cube: each row's mask of failed conditions decides which facets it counts for
 * (all when it fails none, only facet f when it fails f's condition alone).
 */
export function cubeFacetRows(cube: CubeColumns, filters: Filters): FacetRow[] {
  const failedAt = failedConditions(cube, filters);
  const totals = { all: 0, redacted_known: 0, toxic_known: 0, country_known: 0, matching: 0 };
  const groups = {
    model: new Map<string, number>(),
    language: new Map<string, number>(),
    country: new Map<string, number>(),
    turns: new Map<string, number>(),
  };
  const add = (counts: Map<string, number>, value: string | null, n: number) => {
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + n);
  };
  const flagged = Object.fromEntries(FLAGGED_MODES.map((m) => [m, 0])) as Record<
    FlaggedMode,
    number
  >;
  const categories = Object.fromEntries(CATEGORY_IDS.map((id) => [id, 0])) as Record<
    CategoryId,
    number
  >;
  const redacted = { true: 0, false: 0 };
  const toxic = { true: 0, false: 0 };
  for (let i = 0; i < cube.length; i++) {
    const n = cube.n[i]!;
    totals.all += n;
    if (cube.redacted[i] !== null) totals.redacted_known += n;
    if (cube.toxic[i] !== null) totals.toxic_known += n;
    if (cube.country[i] !== null) totals.country_known += n;
    const failed = failedAt(i);
    if (failed === 0) totals.matching += n;
    // A row failing two conditions or more counts for no facet (`countsFor`).
    if ((failed & (failed - 1)) !== 0) continue;
    if (countsFor(failed, 'model')) add(groups.model, cube.model[i] ?? null, n);
    if (countsFor(failed, 'language')) add(groups.language, cube.language[i] ?? null, n);
    if (countsFor(failed, 'country')) add(groups.country, cube.country[i] ?? null, n);
    if (countsFor(failed, 'turns')) add(groups.turns, turnBucket(cube.turn[i] ?? null), n);
    if (countsFor(failed, 'flagged'))
      for (const mode of FLAGGED_MODES) if (flaggedAs(cube, mode, i)) flagged[mode] += n;
    if (countsFor(failed, 'categories'))
      for (const id of CATEGORY_IDS) if (cube.categories[id][i] === true) categories[id] += n;
    if (countsFor(failed, 'redacted') && cube.redacted[i] !== null)
      redacted[`${cube.redacted[i]!}`] += n;
    if (countsFor(failed, 'toxic') && cube.toxic[i] !== null) toxic[`${cube.toxic[i]!}`] += n;
  }
  const rows = (facet: string, counts: Iterable<[string, number]>): FacetRow[] =>
    [...counts].map(([value, n]) => ({ facet, value, n }));
  return [
    ...rows('total', Object.entries(totals)),
    ...rows('model', groups.model),
    ...rows('language', groups.language),
    ...rows('country', groups.country),
    ...rows('turns', groups.turns),
    ...rows('flagged', Object.entries(flagged)),
    ...rows('category', Object.entries(categories)),
    ...rows('redacted', Object.entries(redacted)),
    ...rows('toxic', Object.entries(toxic)),
  ];
}
