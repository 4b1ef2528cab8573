import { describe, expect, it } from 'vitest';
import {
  manifestUrlBeside,
  parseSidecarManifest,
  SIDECAR_FORMAT,
  sidecarMismatch,
  type SidecarManifest,
} from './sidecar';
import { NO_OPTIONAL_COLUMNS } from './schema-adapter';

const info = (rows: number) => ({
  rows,
  columns: {
    metadataLeaves: ['model'],
    conversationLeaves: ['conversation.list.element.content'],
    hasRedacted: true,
    shape: 'lmsys' as const,
    present: { ...NO_OPTIONAL_COLUMNS, redacted: true },
    signature: [],
  },
  rowGroups: [{ rows, metadataBytes: 1, textBytes: 2 }],
});
const manifest: SidecarManifest = {
  format: SIDECAR_FORMAT,
  table: { file: 'conversations.convoscope.parquet', bytes: 10, rows: 30, rowGroups: [20, 10] },
  shards: [
    { name: 'a.parquet', bytes: 100, info: info(10) },
    { name: 'b.parquet', bytes: 200, info: info(20) },
  ],
  id: 'x',
  createdAt: '2026-01-01T00:00:00Z',
};

describe('sidecar manifest', () => {
  it('accepts a well-formed manifest', () => {
    expect(parseSidecarManifest(JSON.parse(JSON.stringify(manifest)))).toEqual(manifest);
  });

  it('refuses other formats, foreign table paths and counts that do not add up', () => {
    const problem = (m: unknown) => {
      const parsed = parseSidecarManifest(m);
      return 'problem' in parsed ? parsed.problem : null;
    };
    expect(problem('<!doctype html>')).toMatch(/not a JSON object/);
    expect(problem({ ...manifest, format: 99 })).toMatch(/format 99/);
    expect(
      problem({ ...manifest, table: { ...manifest.table, file: '../other.parquet' } }),
    ).toMatch(/invalid table file/);
    expect(
      problem({
        ...manifest,
        table: { ...manifest.table, file: 'https://evil.example/x.parquet' },
      }),
    ).toMatch(/invalid table file/);
    expect(problem({ ...manifest, table: { ...manifest.table, rowGroups: [20] } })).toMatch(
      /do not add up/,
    );
    expect(problem({ ...manifest, shards: [manifest.shards[0]] })).toMatch(/other rows/);
    expect(problem({ ...manifest, shards: [] })).toMatch(/no valid shard list/);
  });

  it('matches only the same shard names, order and sizes', () => {
    const opened = [
      { name: 'a.parquet', size: 100 },
      { name: 'b.parquet', size: 200 },
    ];
    expect(sidecarMismatch(manifest, opened)).toBeNull();
    expect(sidecarMismatch(manifest, opened.slice(0, 1))).toBe('it lists 2 shards, 1 were opened');
    expect(sidecarMismatch(manifest, [opened[0]!, { name: 'b.parquet', size: 201 }])).toBe(
      'b.parquet has changed since it was indexed (201 bytes, indexed 200)',
    );
  });

  it('is looked for beside the first shard', () => {
    expect(manifestUrlBeside('https://h.example/d/data/train-0.parquet?download=1')).toBe(
      'https://h.example/d/data/convoscope-manifest.json',
    );
  });
});
