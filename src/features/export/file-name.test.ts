import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from '../../model/filters';
import { datasetStem, exportFileName } from './file-name';

const name = (filters: Partial<Filters>, count = 1234, format = 'jsonl' as const) =>
  exportFileName({
    datasetLabel: 'lmsys/lmsys-chat-1m',
    filters: { ...EMPTY_FILTERS, ...filters },
    count,
    format,
  });

describe('exportFileName', () => {
  it('names the dataset, each filter and the count', () => {
    expect(name({ models: ['vicuna-13b'], languages: ['English'], flagged: 'any' })).toBe(
      'lmsys-chat-1m_model-vicuna-13b_language-English_flagged_1234-conversations.jsonl',
    );
  });

  it('says all without filters, with the extension of the format', () => {
    expect(name({}, 1_000_000, 'parquet' as never)).toBe(
      'lmsys-chat-1m_all_1000000-conversations.parquet',
    );
  });

  it('describes turns, categories, scores, redaction and search', () => {
    expect(
      name({
        turns: { min: 2 },
        categories: ['sexual', 'self_harm_intent'],
        categoryMode: 'all',
        minScores: { violence: 0.8 },
        redacted: false,
        search: { text: 'how to', scope: 'all', regex: false, wholeWord: false },
        searchHits: 3,
      }),
    ).toBe(
      'lmsys-chat-1m_turns-2-_category-all-sexual+self-harm-intent_min-violence-0.8_not-redacted_search-how-to_1234-conversations.jsonl',
    );
  });

  it('keeps only safe characters from hostile values', () => {
    const file = name({ models: ['../../etc/passwd', 'a<b>:"c|?*'], languages: ['中文'] });
    expect(file).toMatch(/^[A-Za-z0-9.+_-]+$/);
    expect(file).not.toContain('..');
    expect(file).toBe('lmsys-chat-1m_model-etc-passwd+a-b-c_language-_1234-conversations.jsonl');
  });

  it('caps the describing part and says more filters were left out', () => {
    const file = name({ models: Array.from({ length: 40 }, (_, i) => `model-number-${i}`) });
    expect(file.length).toBeLessThan(200);
    expect(file).toMatch(/_more-filters_1234-conversations\.jsonl$/);
  });
});

describe('datasetStem', () => {
  it('takes the repo or file name', () => {
    expect(datasetStem('https://host/data/train-00000-of-00006.parquet')).toBe(
      'train-00000-of-00006',
    );
    expect(datasetStem('Embedded sample')).toBe('embedded-sample');
    expect(datasetStem('///')).toBe('dataset');
  });
});
