import { useSearchParam } from '../lib/url-params';

export type View = 'list' | 'charts' | 'sql';

/** The main area's view (`view=charts` or `view=sql` in the URL; the list needs no param). */
export function useView(): View {
  const view = useSearchParam('view');
  return view === 'charts' || view === 'sql' ? view : 'list';
}
