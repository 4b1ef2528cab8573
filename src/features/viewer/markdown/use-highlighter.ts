import { useEffect, useState } from 'react';
import { loadedHighlighter, loadHighlighter } from './load-highlighter';
import type { RehypePlugin } from './rehype-plugin';

/** The highlighter plugin once loaded, when `wanted`; null meanwhile (code shows unhighlighted). */
export function useHighlighter(wanted: boolean): RehypePlugin | null {
  const [plugin, setPlugin] = useState(loadedHighlighter);
  useEffect(() => {
    if (!wanted || plugin) return;
    let live = true;
    loadHighlighter().then(
      // A plugin may be a function: wrap it so React does not take it for an updater.
      (loadedPlugin) => live && setPlugin(() => loadedPlugin),
      () => {
        // Without the chunk the code simply stays plain.
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, plugin]);
  return wanted ? plugin : null;
}
