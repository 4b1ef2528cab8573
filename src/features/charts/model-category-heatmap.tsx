import type { ModelStats } from '../../model/chart-data';
import { CATEGORIES, type CategoryId } from '../../model/moderation';
import { formatCount } from '../../lib/format';
import { formatShare, HEAT_LIGHT_TEXT, heatColour } from './palette';

/**
 * Share of each model's conversations flagged per category, as a table of coloured cells (a table
 * keeps exact values readable). Colour is scaled to the largest share shown, so rare categories
 * still show contrast; each cell is a button that adds its model and category to the filters.
 */
export function ModelCategoryHeatmap({
  models,
  onSelect,
}: {
  models: readonly ModelStats[];
  onSelect: (model: string, category: CategoryId) => void;
}) {
  const share = (m: ModelStats, id: CategoryId) =>
    m.conversations === 0 ? 0 : m.categories[id] / m.conversations;
  const maxShare = Math.max(0, ...models.flatMap((m) => CATEGORIES.map((c) => share(m, c.id))));
  // Dark cells keep white text in both themes (a theme's remapped "white" would be dark).
  return (
    <div className="overflow-x-auto">
      <table className="text-xs tabular-nums">
        <caption className="mb-1 text-left text-sm font-semibold">
          Share of each model&apos;s conversations flagged, by category
        </caption>
        <thead>
          <tr>
            <th scope="col" className="text-left">
              Model
            </th>
            {CATEGORIES.map((c) => (
              <th key={c.id} scope="col" className="px-1 align-bottom font-normal">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.model}>
              <th scope="row" className="pr-2 text-left font-normal whitespace-nowrap">
                {m.model}
              </th>
              {CATEGORIES.map((c) => {
                const s = share(m, c.id);
                const shown = formatShare(m.categories[c.id], m.conversations);
                return (
                  <td key={c.id} className="p-0">
                    <button
                      type="button"
                      aria-label={`${m.model}, ${c.name}: ${shown} (${formatCount(m.categories[c.id])} of ${formatCount(m.conversations)})`}
                      title={`${formatCount(m.categories[c.id])} of ${formatCount(m.conversations)}`}
                      onClick={() => onSelect(m.model, c.id)}
                      style={{ backgroundColor: heatColour(maxShare === 0 ? 0 : s / maxShare) }}
                      className={`w-full min-w-12 px-1 py-0.5 text-right focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-orange-600 ${s / (maxShare || 1) > HEAT_LIGHT_TEXT ? 'text-[#fff]' : 'text-slate-900'}`}
                    >
                      {shown}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
