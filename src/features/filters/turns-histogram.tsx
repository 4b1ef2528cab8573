import type { TurnBucket } from '../../model/facet-counts';
import { formatCount } from '../../lib/format';
import type { TurnRange } from '../../model/filters';

/** Bars of the turns facet counts; each bar is a button that sets the range to its bucket. */
export function TurnsHistogram(props: {
  buckets: readonly TurnBucket[];
  turns: TurnRange;
  onPick: (range: TurnRange) => void;
}) {
  const { buckets, turns, onPick } = props;
  const highest = Math.max(1, ...buckets.map((b) => b.count));
  return (
    <ul className="flex h-16 items-end gap-px" aria-label="Conversations by turns">
      {buckets.map((bucket) => {
        const range: TurnRange =
          bucket.max === undefined ? { min: bucket.min } : { min: bucket.min, max: bucket.max };
        const pressed = turns.min === range.min && turns.max === range.max;
        const noun = bucket.label === '1' ? 'turn' : 'turns';
        const conversations = bucket.count === 1 ? 'conversation' : 'conversations';
        const name = `${bucket.label} ${noun}: ${formatCount(bucket.count)} ${conversations}`;
        return (
          <li key={bucket.label} className="flex h-full flex-1 flex-col">
            <button
              type="button"
              aria-pressed={pressed}
              aria-label={name}
              title={name}
              // Pressing the chosen bucket again widens back to every turn count.
              onClick={() => onPick(pressed ? {} : range)}
              className="group flex flex-1 flex-col justify-end rounded-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600"
            >
              <span
                className={`block min-h-px w-full rounded-t-sm ${pressed ? 'bg-sky-600' : 'bg-sky-300 group-hover:bg-sky-400'}`}
                style={{ height: `${(bucket.count / highest) * 100}%` }}
              />
            </button>
            <span aria-hidden="true" className="text-center text-[10px] text-slate-500">
              {bucket.label}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
