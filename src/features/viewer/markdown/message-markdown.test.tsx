import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MessageMarkdown, type MessageMarkdownProps } from './message-markdown';
import { tagNames, tagsOf, textsOf, visibleText } from './testing/static-markup';

const render = (props: MessageMarkdownProps) =>
  renderToStaticMarkup(<MessageMarkdown {...props} />);
const redactions = (html: string) => textsOf(html, 'mark', 'data-redaction');
const matches = (html: string) => textsOf(html, 'mark', 'data-search-match');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('MessageMarkdown: GitHub-flavoured markdown', () => {
  it('renders a table, strikethrough, a task list and a literal autolink', () => {
    const html = render({
      text: '| a | b |\n|---|---|\n| 1 | ~~old~~ |\n\n- [x] done\n- [ ] todo\n\nsee www.example.com',
    });
    const names = tagNames(html);
    expect(names).toEqual(expect.arrayContaining(['table', 'th', 'td', 'del', 'ul', 'li']));
    expect(textsOf(html, 'del')).toEqual(['old']);
    const boxes = tagsOf(html).filter((tag) => tag.name === 'input');
    expect(boxes.map((box) => 'checked' in box.attributes)).toEqual([true, false]);
    expect(boxes.every((box) => 'disabled' in box.attributes)).toBe(true);
    const link = tagsOf(html).find((tag) => tag.name === 'a');
    expect(link?.attributes.href).toBe('http://www.example.com');
  });

  it('gives each text block its own direction, so Arabic reads right to left beside English', () => {
    const html = render({ text: 'مرحبا بالعالم\n\nHello\n\n- שלום\n\n> quoted' });
    const blocks = tagsOf(html).filter((tag) => ['p', 'li', 'blockquote'].includes(tag.name));
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    expect(blocks.every((tag) => tag.attributes.dir === 'auto')).toBe(true);
  });

  it('renders a fenced block as pre > code with its language class, unhighlighted at first', () => {
    const html = render({ text: '```python\ndef f(x):\n    return x\n```' });
    expect(html).toMatch(/<pre[^>]*><code class="language-python[ "]/);
    expect(visibleText(html)).toContain('def f(x):\n    return x');
    expect(html).not.toContain('hljs');
  });

  it('keeps footnotes as text, with no ids to repeat across messages', () => {
    const html = render({ text: 'claim[^1]\n\n[^1]: source' });
    expect(visibleText(html)).toMatch(/^claim1\s+Footnotes\s+source\s*$/);
    // The only id is the one the Show all button points at (aria-controls).
    expect(tagsOf(html).filter((tag) => 'id' in tag.attributes && tag.name !== 'div')).toEqual([]);
    expect(html).not.toContain('Link removed');
  });

  it('styles lists with bullets, tables with borders and code blocks with a scrollbar', () => {
    const html = render({ text: '- a\n\n| h |\n|---|\n| c |\n\n```\ncode\n```' });
    const classOf = (name: string) =>
      tagsOf(html).find((tag) => tag.name === name)?.attributes.class;
    expect(classOf('ul')).toContain('list-disc');
    expect(classOf('td')).toContain('border');
    expect(classOf('pre')).toContain('overflow-x-auto');
    expect(classOf('div')).toContain('wrap-anywhere');
  });
});

describe('MessageMarkdown: marks', () => {
  it('marks NAME_n placeholders in text, keeping them readable, but not in code', () => {
    const html = render({
      text: 'Hi NAME_1, meet NAME_22 (not NAME_X or xNAME_3).\n\nUse `NAME_4`:\n\n```\nNAME_5\n```',
    });
    expect(redactions(html)).toEqual(['NAME_1', 'NAME_22']);
    expect(html).toContain('title="Redacted name placeholder"');
    expect(visibleText(html)).toContain('Hi NAME_1, meet NAME_22');
    expect(visibleText(html)).toContain('NAME_4');
    expect(visibleText(html)).toContain('NAME_5');
  });

  it('marks every match of a search built from a query with special characters, code included', () => {
    const query = 'a+b (c)?';
    const highlight = new RegExp(escapeRegExp(query), 'gi');
    const html = render({
      text: 'Is a+b (c)? like A+B (C)? or ab c?\n\n`a+b (c)?` too',
      highlight,
    });
    expect(matches(html)).toEqual(['a+b (c)?', 'A+B (C)?', 'a+b (c)?']);
    expect(visibleText(html)).toContain('Is a+b (c)? like A+B (C)? or ab c?');
  });

  it('keeps search matches and redactions distinct, nesting a match inside a redaction', () => {
    const html = render({ text: 'ask NAME_1 now', highlight: /NAME|now/g });
    expect(redactions(html)).toEqual(['NAME_1']);
    expect(matches(html)).toEqual(['NAME', 'now']);
    expect(visibleText(html)).toBe('ask NAME_1 now');
  });

  it('finishes on patterns that match the empty string, marking only real matches', () => {
    const html = render({ text: 'axxb x', highlight: /x*/g });
    expect(matches(html)).toEqual(['xx', 'x']);
    expect(matches(render({ text: 'abc', highlight: /(?:)/g }))).toEqual([]);
    const emoji = render({ text: '😀x😀', highlight: /x|(?:)/gu });
    expect(matches(emoji)).toEqual(['x']);
    expect(visibleText(emoji)).toBe('😀x😀');
  });

  it('marks at most 1,000 matches of a very common term', () => {
    const html = render({ text: 'ab '.repeat(600) + '\n\n' + 'ab '.repeat(600), highlight: /ab/g });
    expect(matches(html)).toHaveLength(1000);
  });

  it('marks every match even when the caller forgot the global flag', () => {
    const highlight = /o/;
    expect(matches(render({ text: 'foo boo', highlight }))).toEqual(['o', 'o', 'o', 'o']);
    expect(highlight.lastIndex).toBe(0);
  });
});

describe('MessageMarkdown: long messages', () => {
  const huge = `# Title\n\n${'word '.repeat(399_999)}end\n`;

  it('collapses a 2 MB message to a short prefix behind a real button', () => {
    expect(huge.length).toBeGreaterThan(2_000_000);
    const started = performance.now();
    const html = render({ text: huge });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(html.length).toBeLessThan(10_000);
    expect(tagNames(html)).toContain('h1');
    const button = tagsOf(html).find((tag) => tag.name === 'button');
    expect(button?.attributes).toMatchObject({ type: 'button', 'aria-expanded': 'false' });
    expect(visibleText(html)).toContain(`Show all (2,000,008 characters)`);
  });

  it('shows a huge expanded message as plain preformatted text, with a note and marks', () => {
    const started = performance.now();
    const html = render({ text: `${huge}NAME_1`, highlight: /end/g, defaultExpanded: true });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(tagNames(html)).not.toContain('h1');
    expect(html).toMatch(/<pre dir="auto" class="[^"]*whitespace-pre-wrap/);
    expect(visibleText(html)).toContain('Shown as plain text');
    expect(visibleText(html)).toContain('# Title');
    expect(matches(html)).toEqual(['end']);
    expect(redactions(html)).toEqual(['NAME_1']);
    expect(visibleText(html)).not.toContain('Only the first');
    const button = tagsOf(html).find((tag) => tag.name === 'button');
    expect(button?.attributes['aria-expanded']).toBe('true');
    expect(visibleText(html)).toContain('Show less');
  });

  it('marks only the first 1,000 matches of a common word in a huge message, and says so', () => {
    const started = performance.now();
    const html = render({ text: huge, highlight: /word/g, defaultExpanded: true });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(matches(html)).toHaveLength(1000);
    expect(visibleText(html)).toContain('Only the first 1,000 search matches are marked.');
  });

  it('collapses after 60 lines however short, cutting at a line', () => {
    const lines = Array.from({ length: 100 }, (_, index) => `line ${index + 1}`);
    const html = render({ text: lines.join('\n\n') });
    const shown = visibleText(html);
    expect(shown).toContain('line 30');
    expect(shown).not.toContain('line 31');
    expect(shown).toContain('Show all');
  });

  it('shows a message that fits in full with no button, and honours collapseAfter', () => {
    const text = 'short message\n\nsecond paragraph';
    expect(tagNames(render({ text }))).not.toContain('button');
    const collapsed = visibleText(render({ text, collapseAfter: 20 }));
    expect(collapsed).toContain('short message');
    expect(collapsed).not.toContain('second');
    expect(collapsed).toContain('Show all (31 characters)');
  });

  it('renders markdown in full when expanded below the plain-text limit', () => {
    const text = `${'para\n\n'.repeat(100)}**bold end**`;
    const html = render({ text, defaultExpanded: true });
    expect(textsOf(html, 'strong')).toEqual(['bold end']);
    expect(visibleText(html)).toContain('Show less');
  });
});
