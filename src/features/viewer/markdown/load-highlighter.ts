import type { RehypePlugin } from './rehype-plugin';

let loaded: RehypePlugin | null = null;
let loading: Promise<RehypePlugin> | null = null;

/** The highlighter if it has already been loaded, so later messages render highlighted at once. */
export function loadedHighlighter(): RehypePlugin | null {
  return loaded;
}

/** Loads the highlighter chunk once; a failed load (offline, new deploy) may be retried. */
export function loadHighlighter(): Promise<RehypePlugin> {
  loading ??= import('./highlighter').then(
    (module) => (loaded = module.highlightPlugin),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Fenced code is the only thing highlighted; a false positive only loads the chunk early. */
export function hasFencedCode(markdown: string): boolean {
  return markdown.includes('```') || markdown.includes('~~~');
}
