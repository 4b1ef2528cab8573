import { useQuery } from '@tanstack/react-query';
import { useEngine } from '../../db';
import { useRef } from 'react';
import { useViewportFill } from '../../lib/use-viewport-fill';
import { ConversationLookup } from './conversation-lookup';
import { EMPTY_FILTERS, isEmpty, toggleValue, type Filters } from '../../model/filters';
import { facetCountsOptions } from './facet-queries';
import { ModerationFacet } from './moderation-facet';
import { RedactedFacet } from './redacted-facet';
import { ToxicFacet } from './toxic-facet';
import { TurnsFacet } from './turns-facet';
import { useFilters } from './use-filters';
import { ValueFacet } from './value-facet';
import { Notice } from '../../components/notice';

/** Languages (and countries) shown before "Show all". */
const TOP_LANGUAGES = 12;
const TOP_COUNTRIES = 12;

/** The facets beside the list: each counts under every other filter, so a choice can widen. */
export function FilterPanel({ datasetId }: { datasetId: number }) {
  const engine = useEngine();
  const { filters, setFilters } = useFilters();
  const facets = useQuery(facetCountsOptions(engine, datasetId, filters));
  const panel = useRef<HTMLElement>(null);
  const fill = useViewportFill(panel);
  const counts = facets.data;
  const setRedacted = (redacted: boolean | undefined) => {
    const next: Filters = { ...filters };
    if (redacted === undefined) delete next.redacted;
    else next.redacted = redacted;
    setFilters(next);
  };
  const setToxic = (toxic: boolean | undefined) => {
    const next: Filters = { ...filters };
    if (toxic === undefined) delete next.toxic;
    else next.toxic = toxic;
    setFilters(next);
  };
  return (
    <section
      aria-label="Filters"
      aria-busy={facets.isFetching}
      ref={panel}
      style={fill}
      className="flex w-60 shrink-0 flex-col gap-4 overflow-y-auto text-sm"
    >
      <div className="flex min-h-7 items-center justify-between">
        <h2 className="font-semibold">Filters</h2>
        {!isEmpty(filters) && (
          <button
            type="button"
            onClick={() => setFilters(EMPTY_FILTERS)}
            className="rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100"
          >
            Clear all
          </button>
        )}
      </div>
      {facets.error && (
        <Notice tone="error" compact>
          Could not count the facets: {facets.error.message}
        </Notice>
      )}
      <ConversationLookup />
      <ValueFacet
        name="Model"
        findLabel="Find model"
        options={counts?.models ?? []}
        selected={filters.models}
        onToggle={(value) => setFilters({ ...filters, models: toggleValue(filters.models, value) })}
      />
      <ValueFacet
        name="Language"
        findLabel="Find language"
        options={counts?.languages ?? []}
        selected={filters.languages}
        limit={TOP_LANGUAGES}
        onToggle={(value) =>
          setFilters({ ...filters, languages: toggleValue(filters.languages, value) })
        }
      />
      <TurnsFacet
        turns={filters.turns}
        buckets={counts?.turns ?? []}
        onChange={(turns) => setFilters({ ...filters, turns })}
      />
      <ModerationFacet filters={filters} counts={counts} onChange={setFilters} />
      {counts !== undefined && counts.redactedKnown > 0 && (
        <RedactedFacet
          redacted={filters.redacted}
          counts={counts.redacted}
          onChange={setRedacted}
        />
      )}
      {/* WildChat-1M's extras: only when the shards have the columns (schema-adapter.ts). */}
      {counts !== undefined && counts.countryKnown > 0 && (
        <ValueFacet
          name="Country"
          findLabel="Find country"
          options={counts.countries}
          selected={filters.countries}
          limit={TOP_COUNTRIES}
          onToggle={(value) =>
            setFilters({ ...filters, countries: toggleValue(filters.countries, value) })
          }
        />
      )}
      {counts !== undefined && counts.toxicKnown > 0 && (
        <ToxicFacet toxic={filters.toxic} counts={counts.toxic} onChange={setToxic} />
      )}
    </section>
  );
}
