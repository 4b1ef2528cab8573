import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MessageMarkdown } from './message-markdown';
import { tagNames, tagsOf, visibleText } from './testing/static-markup';

const render = (text: string) => renderToStaticMarkup(<MessageMarkdown text={text} />);

const ACTIVE_TAGS = [
  'script', 'iframe', 'frame', 'style', 'img', 'object', 'embed', 'form', 'svg', 'math', 'link',
  'meta', 'base', 'video', 'audio', 'source', 'textarea', 'select', 'button',
]; // prettier-ignore

/** What must hold for any message: nothing active, no handlers, only vetted links. */
function expectInert(html: string) {
  expect(tagNames(html).filter((name) => ACTIVE_TAGS.includes(name))).toEqual([]);
  for (const tag of tagsOf(html)) {
    const names = Object.keys(tag.attributes);
    expect(names.filter((name) => name.startsWith('on') || name === 'style')).toEqual([]);
    if (tag.name === 'input') expect(tag.attributes).toMatchObject({ type: 'checkbox' });
    if ('src' in tag.attributes) throw new Error(`src on <${tag.name}>`);
    if (tag.name !== 'a') expect(names).not.toContain('href');
    else {
      expect(tag.attributes.href).toMatch(/^(https?:\/\/|mailto:)/i);
      expect(tag.attributes).toMatchObject({
        target: '_blank',
        rel: 'noopener noreferrer nofollow',
      });
    }
  }
}

const links = (html: string) => tagsOf(html).filter((tag) => tag.name === 'a');

describe('MessageMarkdown with hostile input', () => {
  it('shows a script tag as its characters and creates no script element', () => {
    const html = render('Try this: <script>alert(1)</script> and\n\n<script>\nalert(2)\n</script>');
    expectInert(html);
    expect(visibleText(html)).toContain('<script>alert(1)</script>');
    expect(visibleText(html)).toContain('alert(2)');
  });

  it('shows an img with onerror as text: no img element, no onerror attribute', () => {
    const html = render('<img src=x onerror=alert(1)>');
    expectInert(html);
    expect(visibleText(html)).toContain('<img src=x onerror=alert(1)>');
  });

  it('keeps the line breaks of an HTML block shown as text', () => {
    const html = render('<div>\n<b>hi</b>\n</div>');
    expectInert(html);
    expect(tagNames(html)).not.toContain('b');
    expect(visibleText(html)).toContain('<b>hi</b>');
    expect(tagNames(html).filter((name) => name === 'br')).toHaveLength(2);
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](  javascript:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox(1))',
    '[x](file:///etc/passwd)',
    '[x](/relative/path)',
    '[x]: javascript:alert(1)\n\n[x]',
  ])('drops the address of %s and keeps its text', (markdown) => {
    const html = render(markdown);
    expectInert(html);
    expect(links(html)).toEqual([]);
    expect(visibleText(html).trim()).toBe('x');
    expect(html).not.toMatch(/javascript|data:|vbscript|file:/i);
  });

  it('shows an anchor with onclick as text, with no handler anywhere', () => {
    const html = render('<a href="https://x.example" onclick="alert(1)">y</a>');
    expectInert(html);
    expect(links(html)).toEqual([]);
    expect(visibleText(html)).toContain('<a href="https://x.example" onclick="alert(1)">y</a>');
  });

  it('shows iframe and style tags as text', () => {
    const html = render(
      'a <iframe src="https://evil.example"></iframe>\n\n<style>body { display: none }</style>',
    );
    expectInert(html);
    expect(visibleText(html)).toContain('<iframe src="https://evil.example"></iframe>');
    expect(visibleText(html)).toContain('<style>body { display: none }</style>');
  });

  it('gives an autolink carrying on*= only its escaped href', () => {
    const html = render(
      'see <https://example.com/"onmouseover="alert(1)> or www.example.org"onfocus="alert(2)',
    );
    expectInert(html);
    for (const link of links(html)) {
      expect(Object.keys(link.attributes).sort()).toEqual(['class', 'href', 'rel', 'target']);
    }
    expect(links(html)[0]?.attributes.href).toMatch(/^https:\/\/example\.com\//);
  });

  it('keeps http(s) and mailto links, opening in a new tab without opener or referrer', () => {
    const html = render('[site](https://example.com/a?b=1) [mail](mailto:someone@example.com)');
    expectInert(html);
    expect(links(html).map((link) => link.attributes.href)).toEqual([
      'https://example.com/a?b=1',
      'mailto:someone@example.com',
    ]);
  });

  it('never loads a markdown image: it becomes a link to its address labelled with its alt', () => {
    const html = render('![a cat](https://example.com/cat.png "t") and ![](javascript:alert(1))');
    expectInert(html);
    expect(links(html).map((link) => link.attributes.href)).toEqual([
      'https://example.com/cat.png',
    ]);
    expect(visibleText(html)).toContain('[image: a cat]');
    expect(visibleText(html)).toContain('[image]');
  });

  it('turns an image inside a link into text, so links never nest', () => {
    const html = render('[![logo](https://example.com/l.png)](https://example.com)');
    expectInert(html);
    expect(links(html)).toHaveLength(1);
    expect(visibleText(html).trim()).toBe('[image: logo]');
  });
});
