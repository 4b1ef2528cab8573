import { CATEGORIES } from '../../model/moderation';
import { clearFacet, type Filters, type FlaggedMode, type TurnRange } from '../../model/filters';

/** The words the panel and the chips use for each flagged mode. */
export const FLAGGED_LABELS: Record<FlaggedMode, string> = {
  any: 'Any message',
  user: 'A user message',
  assistant: 'An assistant message',
  none: 'None',
};

/** One active condition: what a chip shows, and the filters without it. */
export interface ActiveFilter {
  /** Stable within one filter state, for React keys. */
  key: string;
  label: string;
  remove: (filters: Filters) => Filters;
}

/**
 * Every active condition in panel order: one per selected model, language and category, and one
 * per other active facet (turns range, flagged mode, each minimum score, redacted), then one per
 * selected country, one for the toxic flag and one for a console query used as a filter.
 */
export function activeFilters(filters: Filters): ActiveFilter[] {
  const chips: ActiveFilter[] = [];
  for (const model of filters.models)
    chips.push({
      key: `model:${model}`,
      label: `Model: ${model}`,
      remove: (f) => ({ ...f, models: f.models.filter((m) => m !== model) }),
    });
  for (const language of filters.languages)
    chips.push({
      key: `language:${language}`,
      label: `Language: ${language}`,
      remove: (f) => ({ ...f, languages: f.languages.filter((l) => l !== language) }),
    });
  if (filters.turns.min !== undefined || filters.turns.max !== undefined)
    chips.push({
      key: 'turns',
      label: `Turns: ${describeTurns(filters.turns)}`,
      remove: (f) => clearFacet(f, 'turns'),
    });
  if (filters.flagged !== undefined)
    chips.push({
      key: 'flagged',
      label: `Flagged: ${FLAGGED_LABELS[filters.flagged]}`,
      remove: (f) => clearFacet(f, 'flagged'),
    });
  for (const { id, name } of CATEGORIES) {
    if (filters.categories.includes(id))
      chips.push({
        key: `category:${id}`,
        label: `Category: ${name}`,
        remove: (f) => {
          const categories = f.categories.filter((c) => c !== id);
          // The last category gone, an "all of" toggle would linger in the URL doing nothing.
          return categories.length === 0 ? clearFacet(f, 'categories') : { ...f, categories };
        },
      });
  }
  for (const { id, name } of CATEGORIES) {
    const score = filters.minScores[id];
    if (score !== undefined)
      chips.push({
        key: `min:${id}`,
        label: `Minimum ${name} score: ${score}`,
        remove: (f) => {
          const minScores = { ...f.minScores };
          delete minScores[id];
          return { ...f, minScores };
        },
      });
  }
  if (filters.search !== undefined) {
    const { text, scope, regex, wholeWord } = filters.search;
    const options = [
      scope === 'all' ? null : `${scope} messages`,
      regex ? 'regex' : null,
      wholeWord ? 'whole word' : null,
    ].filter(Boolean);
    chips.push({
      key: 'search',
      label: `Search: ${text}${options.length > 0 ? ` (${options.join(', ')})` : ''}`,
      remove: (f) => clearFacet(f, 'search'),
    });
  }
  if (filters.redacted !== undefined)
    chips.push({
      key: 'redacted',
      label: `Redacted: ${filters.redacted ? 'yes' : 'no'}`,
      remove: (f) => clearFacet(f, 'redacted'),
    });
  for (const country of filters.countries)
    chips.push({
      key: `country:${country}`,
      label: `Country: ${country}`,
      remove: (f) => ({ ...f, countries: f.countries.filter((c) => c !== country) }),
    });
  if (filters.toxic !== undefined)
    chips.push({
      key: 'toxic',
      label: `Toxic: ${filters.toxic ? 'yes' : 'no'}`,
      remove: (f) => clearFacet(f, 'toxic'),
    });
  if (filters.idQuery !== undefined && filters.idSet !== undefined)
    chips.push({
      key: 'idQuery',
      label: `SQL: ${describeQuery(filters.idQuery)}`,
      remove: (f) => clearFacet(f, 'idQuery'),
    });
  return chips;
}

/** A query on one line, cut short: the whole text is in the chip's title and the URL. */
export function describeQuery(query: string): string {
  const line = query.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}

/** `2 to 10`, `at least 3`, `at most 5`, `4`. */
export function describeTurns({ min, max }: TurnRange): string {
  if (min !== undefined && max !== undefined) return min === max ? `${min}` : `${min} to ${max}`;
  if (min !== undefined) return `at least ${min}`;
  return `at most ${max ?? 0}`;
}
