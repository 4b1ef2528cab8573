import { useSearchParam } from '../features/conversations/url-state';

export type View = 'list' | 'charts';

/** The main area's view (`view=charts` in the URL; the list is the default and needs no param). */
export function useView(): View {
  return useSearchParam('view') === 'charts' ? 'charts' : 'list';
}
