import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { highlightPlugin } from './highlighter';
import { loadHighlighter } from './load-highlighter';
import { MarkdownBody } from './markdown-body';
import { MessageMarkdown } from './message-markdown';
import { textsOf, visibleText } from './testing/static-markup';

const PYTHON = '```python\nimport os\n\ndef greet(name):\n    return f"hi {name}"  # NAME_1\n```';

const realEval = globalThis.eval;
const RealFunction = globalThis.Function;
afterEach(() => {
  globalThis.eval = realEval;
  globalThis.Function = RealFunction;
});

/** Makes eval and `new Function` throw, as a CSP without 'unsafe-eval' does. */
function forbidEval() {
  const refuse = () => {
    throw new EvalError('eval is blocked by the CSP');
  };
  globalThis.eval = refuse;
  globalThis.Function = new Proxy(RealFunction, { apply: refuse, construct: refuse });
}

describe('the lazily loaded highlighter', () => {
  it('turns a python block into hljs token spans, without eval', () => {
    forbidEval();
    expect(() => new Function('return 1')).toThrow(EvalError);
    const html = renderToStaticMarkup(
      <MarkdownBody text={PYTHON} search={/greet/g} highlighter={highlightPlugin} />,
    );
    expect(html).toMatch(/<code class="[^"]*\bhljs\b[^"]*\blanguage-python\b/);
    expect(textsOf(html, 'span', 'class="hljs-keyword"')).toEqual(['import', 'def', 'return']);
    expect(textsOf(html, 'span', 'class="hljs-comment"')).toEqual(['# NAME_1']);
    expect(html).not.toContain('data-redaction');
    expect(textsOf(html, 'mark', 'data-search-match')).toEqual(['greet']);
    expect(visibleText(html)).toContain('def greet(name):\n    return f"hi {name}"  # NAME_1');
  });

  it('leaves an unknown language and a block without one plain', () => {
    const html = renderToStaticMarkup(
      <MarkdownBody
        text={'```no-such-lang\nx = 1\n```\n\n```\ny = 2\n```'}
        search={null}
        highlighter={highlightPlugin}
      />,
    );
    expect(html).toContain('language-no-such-lang');
    expect(html).not.toMatch(/hljs-/);
    expect(visibleText(html)).toContain('x = 1');
    expect(visibleText(html)).toContain('y = 2');
  });

  it('once loaded, highlights every later message from its first render', async () => {
    expect(renderToStaticMarkup(<MessageMarkdown text={PYTHON} />)).not.toContain('hljs');
    await loadHighlighter();
    const html = renderToStaticMarkup(<MessageMarkdown text={PYTHON} />);
    expect(html).toContain('class="hljs-keyword"');
  });
});
