import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import type { MessageRecord } from '../../db';
import { CATEGORIES } from '../../model/moderation';
import { MessageArticle } from './message-article';

const moderation = (flagged: string[]): MessageRecord['moderation'] => ({
  flagged: flagged.length > 0,
  categories: Object.fromEntries(CATEGORIES.map((c) => [c.name, flagged.includes(c.name)])),
  scores: Object.fromEntries(
    CATEGORIES.map((c) => [c.name, flagged.includes(c.name) ? 0.9 : 1e-5]),
  ),
});
const render = (message: MessageRecord, index = 0) =>
  renderToStaticMarkup(<MessageArticle message={message} index={index} />);

it('names the article by role and position and shows the flag with its categories', () => {
  const html = render(
    { role: 'user', content: 'hello', moderation: moderation(['hate', 'violence/graphic']) },
    2,
  );
  expect(html).toMatch(/<article aria-label="User, message 3"/);
  expect(html).toContain('>Flagged<');
  expect(html).toContain('>hate<');
  expect(html).toContain('>violence/graphic<');
});

it('says "no moderation data" for a message without an entry, and shows no flag', () => {
  const html = render({ role: 'assistant', content: 'hi', moderation: null });
  expect(html).toMatch(/aria-label="Assistant, message 1"/);
  expect(html).toContain('no moderation data');
  expect(html).not.toContain('>Flagged<');
  expect(html).not.toContain('Scores');
});

it('marks empty responses and empty messages', () => {
  expect(render({ role: 'assistant', content: '  ', moderation: moderation([]) })).toContain(
    '(empty response)',
  );
  expect(render({ role: 'user', content: '', moderation: moderation([]) })).toContain(
    '(empty message)',
  );
  expect(render({ role: 'user', content: null, moderation: moderation([]) })).toContain(
    '(no text)',
  );
});
