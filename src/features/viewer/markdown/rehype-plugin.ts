import type { Options } from 'react-markdown';

/** One entry of react-markdown's `rehypePlugins` (unified's Pluggable, without importing unified). */
export type RehypePlugin = NonNullable<Options['rehypePlugins']>[number];
