import { useState } from 'react';
import { forgetSource, rememberedSources } from '../../db';

/** The data hosts allowed in this browser, each with a Forget button (in force from the next load). */
export function AllowedHosts() {
  const [sources, setSources] = useState(() => rememberedSources());
  if (sources.length === 0) return null;
  return (
    <section aria-labelledby="allowed-hosts" className="flex flex-col gap-1 text-xs text-slate-600">
      <h3 id="allowed-hosts" className="font-medium text-slate-800">
        Data hosts you allowed
      </h3>
      <ul className="flex flex-col gap-1">
        {sources.map((source) => (
          <li key={source} className="flex items-center gap-2">
            <span className="font-mono break-all">{source}</span>
            <button
              type="button"
              aria-label={`Forget ${source}`}
              onClick={() => {
                forgetSource(source);
                setSources(rememberedSources());
              }}
              className="rounded border border-slate-300 bg-white px-2 hover:bg-slate-100"
            >
              Forget
            </button>
          </li>
        ))}
      </ul>
      <p>A forgotten host stays reachable until the page reloads.</p>
    </section>
  );
}
