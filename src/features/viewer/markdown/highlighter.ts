import rehypeHighlight from 'rehype-highlight';
import type { RehypePlugin } from './rehype-plugin';
import './code-theme.css';

/**
 * Loaded on demand by load-highlighter.ts (highlight.js's grammars are large). highlight.js builds
 * its regexes without eval or `new Function`, so it runs under the app's CSP. rehype-highlight
 * registers lowlight's `common` languages by default; an unknown or missing language is left plain
 * (no auto-detection: guessing is slow on big blocks and often wrong).
 */
export const highlightPlugin: RehypePlugin = [rehypeHighlight, { detect: false }];
