import { describe, expect, it } from 'vitest';
import { groupByRowGroup, locateRow, type ShardLayout } from './row-groups';

const dataset = {
  shards: [{ name: 'a.parquet' }, { name: 'b.parquet' }],
  infos: [{ rowGroups: [{ rows: 3 }, { rows: 2 }] }, { rowGroups: [{ rows: 4 }] }],
} as unknown as ShardLayout;

describe('locateRow', () => {
  it('finds the row group and the offset in it', () => {
    expect(locateRow(dataset, 0, 2)).toMatchObject({ rowGroup: 0, rowInGroup: 2 });
    expect(locateRow(dataset, 0, 3)).toMatchObject({ rowGroup: 1, rowInGroup: 0 });
    expect(locateRow(dataset, 1, 3)).toMatchObject({ rowGroup: 0, rowInGroup: 3 });
  });

  it('names rows and shards that are not there', () => {
    expect(() => locateRow(dataset, 0, 5)).toThrow('row 5 is beyond shard a.parquet');
    expect(() => locateRow(dataset, 2, 0)).toThrow('no shard 2');
    expect(() => locateRow(undefined, 0, 0)).toThrow('no shard 0');
  });
});

describe('groupByRowGroup', () => {
  it('gives one group per shard row group, its items ascending', () => {
    const rows = [
      { shard: 0, shard_row: 4, id: 'x' },
      { shard: 1, shard_row: 1, id: 'y' },
      { shard: 0, shard_row: 3, id: 'z' },
      { shard: 0, shard_row: 0, id: 'w' },
    ];
    const groups = groupByRowGroup(dataset, rows);
    expect(
      groups.map((g) => [g.ref.name, g.rowGroup, g.items.map((i) => [i.rowInGroup, i.item.id])]),
    ).toEqual([
      [
        'a.parquet',
        1,
        [
          [0, 'z'],
          [1, 'x'],
        ],
      ],
      ['b.parquet', 0, [[1, 'y']]],
      ['a.parquet', 0, [[0, 'w']]],
    ]);
  });
});
