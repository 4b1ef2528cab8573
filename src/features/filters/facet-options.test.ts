import { describe, expect, it } from 'vitest';
import { visibleOptions, type FacetOption } from './facet-options';

const option = (value: string, count = 1, label?: string): FacetOption =>
  label === undefined ? { value, count } : { value, count, label };
const OPTIONS = [
  option('English', 900),
  option('Portuguese', 50),
  option('Spanish', 40),
  option('english-ish', 3),
  option('日本語', 2),
  option('100%_sure', 1),
  option('Unseen', 0),
];
const values = (list: readonly FacetOption[]) => list.map((o) => o.value);

describe('visible facet options', () => {
  it('list every option when nothing is typed and nothing collapses', () => {
    const result = visibleOptions({ options: OPTIONS, selected: [], find: '', expanded: false });
    expect(values(result.shown)).toEqual(values(OPTIONS));
    expect(result.collapsible).toBe(false);
  });

  it('find options containing the text, ignoring case and surrounding spaces', () => {
    const { shown } = visibleOptions({
      options: OPTIONS,
      selected: [],
      find: '  ENGL ',
      expanded: false,
    });
    expect(values(shown)).toEqual(['English', 'english-ish']);
  });

  it('match unicode and characters SQL would treat as wildcards literally', () => {
    const find = (text: string) =>
      values(visibleOptions({ options: OPTIONS, selected: [], find: text, expanded: false }).shown);
    expect(find('本')).toEqual(['日本語']);
    expect(find('%_')).toEqual(['100%_sure']);
    expect(find('_')).toEqual(['100%_sure']);
    expect(find('.*')).toEqual([]);
  });

  it('match the label when there is one', () => {
    const options = [option('true', 5, 'Redacted'), option('false', 7, 'Not redacted')];
    const { shown } = visibleOptions({ options, selected: [], find: 'not', expanded: false });
    expect(values(shown)).toEqual(['false']);
  });

  it('keep selected options, even at zero, whatever is typed', () => {
    const { shown, found } = visibleOptions({
      options: OPTIONS,
      selected: ['Unseen', 'Spanish'],
      find: 'portu',
      expanded: false,
    });
    expect(values(shown)).toEqual(['Portuguese', 'Spanish', 'Unseen']);
    expect(found).toHaveLength(3);
  });

  it('collapse to the first options plus the selected ones until expanded', () => {
    const collapsed = visibleOptions({
      options: OPTIONS,
      selected: ['Unseen'],
      find: '',
      limit: 2,
      expanded: false,
    });
    expect(values(collapsed.shown)).toEqual(['English', 'Portuguese', 'Unseen']);
    expect(collapsed.collapsible).toBe(true);
    const expanded = visibleOptions({
      options: OPTIONS,
      selected: ['Unseen'],
      find: '',
      limit: 2,
      expanded: true,
    });
    expect(values(expanded.shown)).toEqual(values(OPTIONS));
  });

  it('apply the limit to what the find box lets through', () => {
    const narrowed = visibleOptions({
      options: OPTIONS,
      selected: [],
      find: 's',
      limit: 2,
      expanded: false,
    });
    expect(values(narrowed.found)).toEqual([
      'English',
      'Portuguese',
      'Spanish',
      'english-ish',
      '100%_sure',
      'Unseen',
    ]);
    expect(values(narrowed.shown)).toEqual(['English', 'Portuguese']);
    const few = visibleOptions({
      options: OPTIONS,
      selected: [],
      find: 'span',
      limit: 2,
      expanded: false,
    });
    expect(few.collapsible).toBe(false);
  });
});
