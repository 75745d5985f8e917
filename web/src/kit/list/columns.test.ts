import { describe, expect, it } from 'vitest';
import { CHECK_WIDTH, FLEX_MIN, fitColumns, type ListColumn, tableMinWidth } from './columns.ts';

const col = (key: string, width?: number): ListColumn<unknown> => ({
  key,
  label: key,
  render: () => null,
  ...(width === undefined ? {} : { width }),
});
const columns = [
  col('number', 112),
  col('title'),
  col('state', 160),
  col('assignee', 132),
  col('updated', 100),
];
const keys = (cs: ListColumn<unknown>[]) => cs.map((c) => c.key);

describe('fitting the default columns to the room', () => {
  it('needs the fixed widths and the flexible column’s minimum, and the checkboxes when there are any', () => {
    expect(tableMinWidth(columns, false)).toBe(112 + FLEX_MIN + 160 + 132 + 100);
    expect(tableMinWidth(columns, true)).toBe(112 + FLEX_MIN + 160 + 132 + 100 + CHECK_WIDTH);
  });

  it('keeps every column where they fit', () => {
    expect(keys(fitColumns(columns, 784, false))).toEqual([
      'number',
      'title',
      'state',
      'assignee',
      'updated',
    ]);
  });

  it('lets the last fixed columns give way, one by one, until the rest fit', () => {
    expect(keys(fitColumns(columns, 783, false))).toEqual(['number', 'title', 'state', 'assignee']);
    expect(keys(fitColumns(columns, 784, true))).toEqual(['number', 'title', 'state', 'assignee']);
    expect(keys(fitColumns(columns, 600, false))).toEqual(['number', 'title', 'state']);
  });

  it('never drops the first column or the flexible one, however narrow', () => {
    expect(keys(fitColumns(columns, 100, true))).toEqual(['number', 'title']);
  });
});
