import type { CategoryId } from '../../model/moderation';
import type { TurnRange } from '../../model/filters';
import { MIN_SCORE_PREFIX, parseFilters } from '../../model/filters-url';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Nine digits, as the URL's `turns` param allows. */
const WHOLE_NUMBER = /^\d{1,9}$/;

/**
 * The turns range typed into the two boxes: empty boxes are open bounds. Rejects what the URL
 * would reject (negatives, fractions, min above max) with a sentence for an inline message.
 */
export function parseTurnRangeInput(minText: string, maxText: string): Parsed<TurnRange> {
  const bound = (text: string, name: string): Parsed<number | undefined> => {
    const trimmed = text.trim();
    if (trimmed === '') return { ok: true, value: undefined };
    if (!WHOLE_NUMBER.test(trimmed))
      return { ok: false, message: `${name} must be a whole number of 0 or more.` };
    return { ok: true, value: Number(trimmed) };
  };
  const min = bound(minText, 'Minimum turns');
  if (!min.ok) return min;
  const max = bound(maxText, 'Maximum turns');
  if (!max.ok) return max;
  if (min.value !== undefined && max.value !== undefined && min.value > max.value)
    return { ok: false, message: 'Minimum turns must not be above maximum turns.' };
  return {
    ok: true,
    value: {
      ...(min.value !== undefined && { min: min.value }),
      ...(max.value !== undefined && { max: max.value }),
    },
  };
}

/**
 * A minimum score typed as text (`0.8`, `.25`, `1e-4`): validated by the URL parser itself, so the
 * box accepts exactly what a link may carry. Empty text means "no minimum" (`undefined`).
 */
export function parseScoreInput(id: CategoryId, text: string): Parsed<number | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  const params = new URLSearchParams([[`${MIN_SCORE_PREFIX}${id}`, trimmed]]);
  const value = parseFilters(params).filters.minScores[id];
  if (value === undefined)
    return { ok: false, message: 'Enter a score from 0 to 1, like 0.8, .25 or 1e-4.' };
  return { ok: true, value };
}
