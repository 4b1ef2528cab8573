import { SEARCH_SCOPES, type SearchSpec } from './search-spec';
import { searchPattern } from './search-pattern';
import { CATEGORY_IDS, type CategoryId } from './moderation';
import {
  CATEGORY_MODES,
  EMPTY_FILTERS,
  FLAGGED_MODES,
  type Filters,
  type TurnRange,
} from './filters';

/** Query parameter names (docs/url-state.md). Everything else in the URL is left alone. */
export const FILTER_PARAMS = {
  model: 'model',
  language: 'lang',
  turns: 'turns',
  flagged: 'flagged',
  category: 'cat',
  categoryMode: 'catmode',
  redacted: 'redacted',
  country: 'country',
  toxic: 'toxic',
  searchText: 'q',
  searchScope: 'qscope',
  searchRegex: 'qre',
  searchWholeWord: 'qword',
  idQuery: 'idsql',
} as const;
export const MIN_SCORE_PREFIX = 'min.';

/** Bounds that keep a hostile link from producing a huge statement or a useless filter. */
export const MAX_VALUE_LENGTH = 200;
export const MAX_VALUES_PER_PARAM = 500;
export const MAX_SEARCH_LENGTH = 1000;
/** A console query used as a filter: as long as a real query gets, short of a hostile URL. */
export const MAX_ID_QUERY_LENGTH = 20_000;

const OWN_NAMES: ReadonlySet<string> = new Set(Object.values(FILTER_PARAMS));

export function isFilterParam(name: string): boolean {
  return OWN_NAMES.has(name) || name.startsWith(MIN_SCORE_PREFIX);
}

export interface ParsedFilters {
  filters: Filters;
  /** One sentence per dropped parameter, for a notice; empty when everything was valid. */
  problems: string[];
}

/** Reads the filters from a URL's params. Never throws: invalid params are dropped and reported. */
export function parseFilters(params: URLSearchParams): ParsedFilters {
  const problems: string[] = [];
  const filters: Filters = {
    ...EMPTY_FILTERS,
    models: parseStrings(params, FILTER_PARAMS.model, problems),
    languages: parseStrings(params, FILTER_PARAMS.language, problems),
    turns: parseTurns(single(params, FILTER_PARAMS.turns, problems), problems),
    categories: parseCategories(params, problems),
    categoryMode: parseEnum(params, FILTER_PARAMS.categoryMode, CATEGORY_MODES, problems) ?? 'any',
    minScores: parseMinScores(params, problems),
    countries: parseStrings(params, FILTER_PARAMS.country, problems),
  };
  const flagged = parseEnum(params, FILTER_PARAMS.flagged, FLAGGED_MODES, problems);
  if (flagged !== undefined) filters.flagged = flagged;
  const redacted = parseEnum(params, FILTER_PARAMS.redacted, ['true', 'false'] as const, problems);
  if (redacted !== undefined) filters.redacted = redacted === 'true';
  const toxic = parseEnum(params, FILTER_PARAMS.toxic, ['true', 'false'] as const, problems);
  if (toxic !== undefined) filters.toxic = toxic === 'true';
  const search = parseSearch(params, problems);
  if (search !== undefined) filters.search = search;
  const idQuery = parseIdQuery(params, problems);
  if (idQuery !== undefined) filters.idQuery = idQuery;
  return { filters, problems };
}

/** The filters as params, in a fixed order, omitting defaults: `parseFilters` reads them back. */
export function serializeFilters(filters: Filters): URLSearchParams {
  const out = new URLSearchParams();
  for (const model of filters.models) out.append(FILTER_PARAMS.model, model);
  for (const language of filters.languages) out.append(FILTER_PARAMS.language, language);
  const turns = formatTurns(filters.turns);
  if (turns !== undefined) out.append(FILTER_PARAMS.turns, turns);
  if (filters.flagged !== undefined) out.append(FILTER_PARAMS.flagged, filters.flagged);
  for (const id of filters.categories) out.append(FILTER_PARAMS.category, id);
  if (filters.categoryMode !== 'any') out.append(FILTER_PARAMS.categoryMode, filters.categoryMode);
  for (const id of CATEGORY_IDS) {
    const score = filters.minScores[id];
    if (score !== undefined) out.append(`${MIN_SCORE_PREFIX}${id}`, String(score));
  }
  if (filters.redacted !== undefined) out.append(FILTER_PARAMS.redacted, String(filters.redacted));
  for (const country of filters.countries) out.append(FILTER_PARAMS.country, country);
  if (filters.toxic !== undefined) out.append(FILTER_PARAMS.toxic, String(filters.toxic));
  const search = filters.search;
  if (search !== undefined) {
    out.append(FILTER_PARAMS.searchText, search.text);
    if (search.scope !== 'all') out.append(FILTER_PARAMS.searchScope, search.scope);
    if (search.regex) out.append(FILTER_PARAMS.searchRegex, '1');
    if (search.wholeWord) out.append(FILTER_PARAMS.searchWholeWord, '1');
  }
  if (filters.idQuery !== undefined) out.append(FILTER_PARAMS.idQuery, filters.idQuery);
  return out;
}

/** Replaces every filter param (valid or not) with `filters`, keeping other params in order. */
export function withFilters(params: URLSearchParams, filters: Filters): URLSearchParams {
  const out = new URLSearchParams();
  for (const [name, value] of params) if (!isFilterParam(name)) out.append(name, value);
  for (const [name, value] of serializeFilters(filters)) out.append(name, value);
  return out;
}

/** `withFilters` applied in place, for `pushSearchParams`' editor. */
export function setFilterParams(params: URLSearchParams, filters: Filters): void {
  const replaced = withFilters(params, filters);
  for (const name of new Set(params.keys())) params.delete(name);
  for (const [name, value] of replaced) params.append(name, value);
}

function parseStrings(params: URLSearchParams, name: string, problems: string[]): string[] {
  const kept: string[] = [];
  for (const value of params.getAll(name)) {
    const reason = stringProblem(value);
    if (reason) problems.push(`Ignored ${name}=${show(value)}: ${reason}.`);
    else if (kept.length >= MAX_VALUES_PER_PARAM) {
      problems.push(`Ignored ${name} values beyond the first ${MAX_VALUES_PER_PARAM}.`);
      break;
    } else if (!kept.includes(value)) kept.push(value);
  }
  return kept;
}

function stringProblem(value: string): string | undefined {
  if (value === '') return 'the value is empty';
  if (value.length > MAX_VALUE_LENGTH) return `longer than ${MAX_VALUE_LENGTH} characters`;
  // Control characters appear in no model or language name; NUL cannot be sent to every engine.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'it contains control characters';
  return undefined;
}

/** `q` and its options; the options alone (no `q`) mean nothing and are reported. */
function parseSearch(params: URLSearchParams, problems: string[]): SearchSpec | undefined {
  const text = single(params, FILTER_PARAMS.searchText, problems);
  const scope = parseEnum(params, FILTER_PARAMS.searchScope, SEARCH_SCOPES, problems) ?? 'all';
  const flag = (name: string) => parseEnum(params, name, ['1'] as const, problems) === '1';
  const regex = flag(FILTER_PARAMS.searchRegex);
  const wholeWord = flag(FILTER_PARAMS.searchWholeWord);
  if (text === undefined) {
    const options = [
      FILTER_PARAMS.searchScope,
      FILTER_PARAMS.searchRegex,
      FILTER_PARAMS.searchWholeWord,
    ].filter((name) => params.has(name));
    if (options.length > 0)
      problems.push(`Ignored ${options.join(', ')}: there is no search text (q).`);
    return undefined;
  }
  const shown = `${FILTER_PARAMS.searchText}=${show(text)}`;
  if (text === '') problems.push(`Ignored ${shown}: the value is empty.`);
  else if (text.length > MAX_SEARCH_LENGTH)
    problems.push(`Ignored ${shown}: longer than ${MAX_SEARCH_LENGTH} characters.`);
  // eslint-disable-next-line no-control-regex
  else if (/[\u0000-\u001f\u007f]/.test(text))
    problems.push(`Ignored ${shown}: it contains control characters.`);
  else {
    const built = searchPattern({ text, regex, wholeWord });
    if ('error' in built) problems.push(`Ignored ${shown}: ${lowerFirst(built.error)}.`);
    else return { text, scope, regex, wholeWord };
  }
  return undefined;
}

/** `idsql`: kept as text only; it runs when the user clicks Apply (features/sql-console). */
function parseIdQuery(params: URLSearchParams, problems: string[]): string | undefined {
  const text = single(params, FILTER_PARAMS.idQuery, problems);
  if (text === undefined) return undefined;
  const shown = `${FILTER_PARAMS.idQuery}=${show(text)}`;
  if (text.trim() === '') problems.push(`Ignored ${shown}: the query is empty.`);
  else if (text.length > MAX_ID_QUERY_LENGTH)
    problems.push(`Ignored ${shown}: longer than ${MAX_ID_QUERY_LENGTH} characters.`);
  else return text;
  return undefined;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function parseTurns(value: string | undefined, problems: string[]): TurnRange {
  if (value === undefined) return {};
  const exact = /^\d{1,9}$/.test(value);
  const range = /^(\d{0,9})-(\d{0,9})$/.exec(value);
  const [low, high] = exact ? [value, value] : range ? [range[1], range[2]] : [];
  const min = low ? Number(low) : undefined;
  const max = high ? Number(high) : undefined;
  if ((min === undefined && max === undefined) || (min ?? 0) > (max ?? Infinity)) {
    problems.push(
      `Ignored turns=${show(value)}: expected a range of whole numbers like 2-10, 3- or -5.`,
    );
    return {};
  }
  return { ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
}

function formatTurns({ min, max }: TurnRange): string | undefined {
  if (min === undefined && max === undefined) return undefined;
  if (min !== undefined && min === max) return String(min);
  return `${min ?? ''}-${max ?? ''}`;
}

function parseCategories(params: URLSearchParams, problems: string[]): CategoryId[] {
  const kept: CategoryId[] = [];
  for (const value of params.getAll(FILTER_PARAMS.category)) {
    const id = asCategoryId(value);
    if (id === undefined) problems.push(`Ignored cat=${show(value)}: ${unknownCategory}.`);
    else if (!kept.includes(id)) kept.push(id);
  }
  return kept;
}

function parseMinScores(params: URLSearchParams, problems: string[]) {
  const scores: Partial<Record<CategoryId, number>> = {};
  for (const [name, value] of params) {
    if (!name.startsWith(MIN_SCORE_PREFIX)) continue;
    const id = asCategoryId(name.slice(MIN_SCORE_PREFIX.length));
    const shown = `${cut(name)}=${show(value)}`;
    if (id === undefined) problems.push(`Ignored ${shown}: ${unknownCategory}.`);
    else if (scores[id] !== undefined) problems.push(`Ignored ${shown}: ${name} was already set.`);
    else if (!/^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(value) || Number(value) > 1)
      problems.push(`Ignored ${shown}: expected a score from 0 to 1, like 0.8 or 1e-4.`);
    else scores[id] = Number(value);
  }
  return scores;
}

const unknownCategory = `expected one of the moderation categories ${CATEGORY_IDS.join(', ')}`;

function asCategoryId(value: string): CategoryId | undefined {
  return CATEGORY_IDS.find((id) => id === value);
}

function parseEnum<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
  problems: string[],
): T | undefined {
  const value = single(params, name, problems);
  if (value === undefined) return undefined;
  const match = allowed.find((a) => a === value);
  if (match === undefined)
    problems.push(`Ignored ${name}=${show(value)}: expected one of ${allowed.join(', ')}.`);
  return match;
}

/** The first value of a param that takes one; later repeats are reported and dropped. */
function single(params: URLSearchParams, name: string, problems: string[]): string | undefined {
  const [first, ...rest] = params.getAll(name);
  if (rest.length > 0)
    problems.push(`Ignored ${rest.length} repeated ${name}: it takes one value.`);
  return first;
}

/** A value as it may appear in a notice: quoted, and cut short so a hostile link stays readable. */
function show(value: string): string {
  return JSON.stringify(cut(value));
}

function cut(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
