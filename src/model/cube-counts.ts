import { cubeAnswers, type CubeScope } from './stored-subset';
import { TURN_BUCKET_CAP, TURN_BUCKET_LABELS, type FacetRow } from './facet-counts';
import { CATEGORY_IDS } from './moderation';
import { FLAGGED_MODES, type FacetName, type FlaggedMode, type Filters } from './filters';

/**
 * Facet counts computed in the page from the facet cube's rows (src/sql/facet-cube.ts), read once
 * per dataset, or from a stored subset's cube (a search's hits, stored ids). The same counts
 * `buildFacetCountsQuery` gives over the table, without a statement: in DuckDB-WASM that
 * statement's ten branches are planned and run afresh on every filter change, queued behind the
 * list's scans on DuckDB's one worker, where this loop over the cube's rows is far cheaper. The filter semantics are those of src/sql/filters.ts,
 * SQL's NULL rules included (a NULL never matches a condition); tests hold these counts and the
 * statement's over the table to the brute-force count.
 */
export interface CubeColumns {
  length: number;
  /** How many conversations each cube row stands for. */
  n: Float64Array;
  model: CodedColumn;
  language: CodedColumn;
  country: CodedColumn;
  /** NaN for NULL: every comparison with it is false, as SQL's with NULL is never true. */
  turn: Float64Array;
  /** The row's turns bucket (`TURN_BUCKET_LABELS` index), -1 for none. */
  turnBucket: Int8Array;
  redacted: BoolColumn;
  toxic: BoolColumn;
  flagged: BoolColumn;
  user_flagged: BoolColumn;
  assistant_flagged: BoolColumn;
  /** Bit `c` set when category `CATEGORY_IDS[c]` is TRUE in the row. */
  categories: Uint16Array;
}

/**
 * A text column dictionary-encoded: `codes[i]` indexes `values`, -1 for NULL. Counting into arrays
 * indexed by code keeps a filter click's pass over the cube free of string hashing, which
 * dominated it with Maps of strings.
 */
export interface CodedColumn {
  values: string[];
  codes: Int32Array;
}

/** A nullable boolean column: 1 TRUE, 0 FALSE, -1 NULL. */
export type BoolColumn = Int8Array;

function coded(rows: readonly Readonly<Record<string, unknown>>[], name: string): CodedColumn {
  const values: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(rows.length);
  rows.forEach((r, i) => {
    const value = r[name];
    if (typeof value !== 'string') {
      codes[i] = -1;
      return;
    }
    let code = index.get(value);
    if (code === undefined) {
      code = values.push(value) - 1;
      index.set(value, code);
    }
    codes[i] = code;
  });
  return { values, codes };
}

function bools(rows: readonly Readonly<Record<string, unknown>>[], name: string): BoolColumn {
  return Int8Array.from(rows, (r) => (r[name] === true ? 1 : r[name] === false ? 0 : -1));
}

/** The facet cube's rows (`buildReadCube()`) as columns. */
export function cubeColumns(rows: readonly Readonly<Record<string, unknown>>[]): CubeColumns {
  const turn = Float64Array.from(rows, (r) =>
    r.turn === null || r.turn === undefined ? NaN : Number(r.turn),
  );
  return {
    length: rows.length,
    n: Float64Array.from(rows, (r) => Number(r.n)),
    model: coded(rows, 'model'),
    language: coded(rows, 'language'),
    country: coded(rows, 'country'),
    turn,
    turnBucket: Int8Array.from(turn, turnBucketIndex),
    redacted: bools(rows, 'redacted'),
    toxic: bools(rows, 'toxic'),
    flagged: bools(rows, 'flagged'),
    user_flagged: bools(rows, 'user_flagged'),
    assistant_flagged: bools(rows, 'assistant_flagged'),
    categories: Uint16Array.from(rows, (r) =>
      CATEGORY_IDS.reduce((bits, id, c) => (r[id] === true ? bits | (1 << c) : bits), 0),
    ),
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

/** Whether row `i` meets a flagged mode: `IS TRUE` of its column, and for none `IS NOT TRUE`. */
function flaggedTest(cube: CubeColumns, mode: FlaggedMode): (i: number) => boolean {
  if (mode === 'any') return (i) => cube.flagged[i] === 1;
  if (mode === 'user') return (i) => cube.user_flagged[i] === 1;
  if (mode === 'assistant') return (i) => cube.assistant_flagged[i] === 1;
  return (i) => cube.flagged[i] !== 1;
}

/** Sets `bit` in `failed[i]` for each row whose value is not one of `wanted` (NULL never is). */
function failUnlessAmong(
  failed: Uint16Array,
  column: CodedColumn,
  wanted: readonly string[],
  bit: number,
) {
  const ok = new Uint8Array(column.values.length);
  const set = new Set(wanted);
  column.values.forEach((value, code) => (ok[code] = set.has(value) ? 1 : 0));
  const { codes } = column;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code < 0 || ok[code] === 0) failed[i]! |= bit;
  }
}

function failUnlessBool(failed: Uint16Array, column: BoolColumn, wanted: boolean, bit: number) {
  const value = wanted ? 1 : 0;
  for (let i = 0; i < column.length; i++) if (column[i] !== value) failed[i]! |= bit;
}

/**
 * Which of the filters' conditions each cube row fails, one bit per facet: 0 when the row is in
 * the selection. Only for states the cube answers (`cubeAnswers`); a cube of a stored subset
 * (`scope` 'subset') already holds only the rows of the completed search or the stored ids.
 */
export function failedConditions(
  cube: CubeColumns,
  filters: Filters,
  scope: CubeScope = 'all',
): Uint16Array {
  if (!cubeAnswers(filters, scope))
    throw new Error('the facet cube cannot answer this filter state');
  const failed = new Uint16Array(cube.length);
  if (filters.models.length > 0) failUnlessAmong(failed, cube.model, filters.models, BIT.model);
  if (filters.languages.length > 0)
    failUnlessAmong(failed, cube.language, filters.languages, BIT.language);
  if (filters.countries.length > 0)
    failUnlessAmong(failed, cube.country, filters.countries, BIT.country);
  const { min, max } = filters.turns;
  if (min !== undefined || max !== undefined) {
    const low = min ?? -Infinity;
    const high = max ?? Infinity;
    for (let i = 0; i < cube.length; i++) {
      const turn = cube.turn[i]!;
      if (!(turn >= low && turn <= high)) failed[i]! |= BIT.turns;
    }
  }
  if (filters.flagged !== undefined) {
    const meets = flaggedTest(cube, filters.flagged);
    for (let i = 0; i < cube.length; i++) if (!meets(i)) failed[i]! |= BIT.flagged;
  }
  const selected = CATEGORY_IDS.reduce(
    (bits, id, c) => (filters.categories.includes(id) ? bits | (1 << c) : bits),
    0,
  );
  if (selected !== 0) {
    const all = filters.categoryMode === 'all';
    for (let i = 0; i < cube.length; i++) {
      const hits = cube.categories[i]! & selected;
      if (all ? hits !== selected : hits === 0) failed[i]! |= BIT.categories;
    }
  }
  if (filters.redacted !== undefined)
    failUnlessBool(failed, cube.redacted, filters.redacted, BIT.redacted);
  if (filters.toxic !== undefined) failUnlessBool(failed, cube.toxic, filters.toxic, BIT.toxic);
  return failed;
}

/** The turns bucket index of a turn count: `1` ... `10`, `11+`; below 1 and NULL (NaN) in none. */
function turnBucketIndex(turn: number): number {
  if (!(turn >= 1)) return -1;
  return Math.min(turn, TURN_BUCKET_CAP) - 1;
}

/**
 * The rows `buildFacetCountsQuery` returns for `filters` (feed them to `parseFacetRows`): every
 * facet counted under every filter but its own. Only for states the cube answers (`cubeAnswers`).
 * One pass over the cube: each row's mask of failed conditions decides which facets it counts for
 * (all when it fails none, only facet f when it fails f's condition alone). When `cube` holds
 * only a stored subset's rows (`buildReadSubsetCube`), `everything` is the facet cube of every
 * conversation, which N and the known counts are totals of.
 */
export function cubeFacetRows(
  cube: CubeColumns,
  filters: Filters,
  everything?: CubeColumns,
): FacetRow[] {
  const failed = failedConditions(cube, filters, everything ? 'subset' : 'all');
  const totals = { ...datasetTotals(everything ?? cube), matching: 0 };
  const model = new Float64Array(cube.model.values.length);
  const language = new Float64Array(cube.language.values.length);
  const country = new Float64Array(cube.country.values.length);
  const turns = new Float64Array(TURN_BUCKET_LABELS.length);
  const flagged = Object.fromEntries(FLAGGED_MODES.map((m) => [m, 0])) as Record<
    FlaggedMode,
    number
  >;
  const categories = new Float64Array(CATEGORY_IDS.length);
  const redacted = { true: 0, false: 0 };
  const toxic = { true: 0, false: 0 };
  for (let i = 0; i < cube.length; i++) {
    const n = cube.n[i]!;
    const isRedacted = cube.redacted[i]!;
    const isToxic = cube.toxic[i]!;
    const countryCode = cube.country.codes[i]!;
    const f = failed[i]!;
    if (f === 0) totals.matching += n;
    // A row failing two conditions or more counts for no facet; one failing only facet X's own
    // condition counts for X alone.
    if ((f & (f - 1)) !== 0) continue;
    const modelCode = cube.model.codes[i]!;
    if ((f === 0 || f === BIT.model) && modelCode >= 0) model[modelCode]! += n;
    const languageCode = cube.language.codes[i]!;
    if ((f === 0 || f === BIT.language) && languageCode >= 0) language[languageCode]! += n;
    if ((f === 0 || f === BIT.country) && countryCode >= 0) country[countryCode]! += n;
    const bucket = cube.turnBucket[i]!;
    if ((f === 0 || f === BIT.turns) && bucket >= 0) turns[bucket]! += n;
    if (f === 0 || f === BIT.flagged) {
      if (cube.flagged[i] === 1) flagged.any += n;
      else flagged.none += n;
      if (cube.user_flagged[i] === 1) flagged.user += n;
      if (cube.assistant_flagged[i] === 1) flagged.assistant += n;
    }
    const bits = cube.categories[i]!;
    if (bits !== 0 && (f === 0 || f === BIT.categories))
      for (let c = 0; c < CATEGORY_IDS.length; c++) if (bits & (1 << c)) categories[c]! += n;
    if ((f === 0 || f === BIT.redacted) && isRedacted >= 0)
      redacted[isRedacted === 1 ? 'true' : 'false'] += n;
    if ((f === 0 || f === BIT.toxic) && isToxic >= 0) toxic[isToxic === 1 ? 'true' : 'false'] += n;
  }
  return [
    ...rows('total', Object.entries(totals)),
    ...rows('model', present(cube.model.values, model)),
    ...rows('language', present(cube.language.values, language)),
    ...rows('country', present(cube.country.values, country)),
    ...rows('turns', present(TURN_BUCKET_LABELS, turns)),
    ...rows('flagged', Object.entries(flagged)),
    ...rows('category', present(CATEGORY_IDS, categories, true)),
    ...rows('redacted', Object.entries(redacted)),
    ...rows('toxic', Object.entries(toxic)),
  ];
}

/** N (every conversation) and the conversations whose `redacted`, `toxic`, `country` is known. */
function datasetTotals(cube: CubeColumns) {
  const totals = { all: 0, redacted_known: 0, toxic_known: 0, country_known: 0 };
  for (let i = 0; i < cube.length; i++) {
    const n = cube.n[i]!;
    totals.all += n;
    if (cube.redacted[i]! >= 0) totals.redacted_known += n;
    if (cube.toxic[i]! >= 0) totals.toxic_known += n;
    if (cube.country.codes[i]! >= 0) totals.country_known += n;
  }
  return totals;
}

/**
 * Each label with its count, for the counts some row added to (cube rows stand for one
 * conversation or more, so a count is 0 only when no row added to it); `all` keeps zeros too, as
 * the statement names every category.
 */
export function present(
  labels: readonly string[],
  counts: Float64Array,
  all = false,
): [string, number][] {
  const out: [string, number][] = [];
  labels.forEach((label, code) => {
    if (all || counts[code]! > 0) out.push([label, counts[code]!]);
  });
  return out;
}

const rows = (facet: string, counts: Iterable<[string, number]>): FacetRow[] =>
  [...counts].map(([value, n]) => ({ facet, value, n }));
