import { pushSearchParams } from '../lib/url-params';
import { useView, type View } from './use-view';

/** Toggle buttons between the conversation list (with the viewer), the charts and the SQL console. */
export function ViewSwitch() {
  const view = useView();
  const choose = (next: View) =>
    pushSearchParams((params) => {
      if (next === 'list') params.delete('view');
      else params.set('view', next);
    });
  const look = (active: boolean) =>
    `px-3 py-0.5 text-sm ${active ? 'bg-slate-800 text-white' : 'bg-white hover:bg-slate-100'}`;
  return (
    <div
      role="group"
      aria-label="View"
      className="flex overflow-hidden rounded border border-slate-300"
    >
      <button
        type="button"
        aria-pressed={view === 'list'}
        onClick={() => choose('list')}
        className={look(view === 'list')}
      >
        List
      </button>
      <button
        type="button"
        aria-pressed={view === 'charts'}
        onClick={() => choose('charts')}
        className={`border-l border-slate-300 ${look(view === 'charts')}`}
      >
        Charts
      </button>
      <button
        type="button"
        aria-pressed={view === 'sql'}
        onClick={() => choose('sql')}
        className={`border-l border-slate-300 ${look(view === 'sql')}`}
      >
        SQL
      </button>
    </div>
  );
}
