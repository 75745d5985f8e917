import { describe, expect, it } from 'vitest';
import { formatOf, ImportFileError, normaliseKey, readImportFile, textField } from './rows.ts';

describe('normaliseKey', () => {
  it('makes column names snake_case', () => {
    expect(
      ['Support Group', 'supportGroup', 'support-group', ' support_group ', 'attributes.os', 'assetTag'].map(
        normaliseKey,
      ),
    ).toEqual(['support_group', 'support_group', 'support_group', 'support_group', 'os', 'asset_tag']);
  });
});

describe('readImportFile', () => {
  it('reads CSV rows by column, keeping blank cells as empty text', () => {
    const rows = readImportFile('csv', 'class,name,Hostname\nvirtual_server,web,web01\nvirtual_server,db,\n');
    expect(rows.map((r) => [r.row, Object.fromEntries(r.fields)])).toEqual([
      [2, { class: 'virtual_server', name: 'web', hostname: 'web01' }],
      [3, { class: 'virtual_server', name: 'db', hostname: '' }],
    ]);
    expect(textField(rows[1]!, 'hostname')).toBeNull();
    expect(textField(rows[1]!, 'os')).toBeUndefined();
  });

  it('marks CSV rows with the wrong number of cells', () => {
    const [row] = readImportFile('csv', 'a,b\n1,2,3');
    expect(row?.problem).toBe('has 3 cells but the header names 2 columns');
  });

  it('refuses a CSV header naming a column twice', () => {
    expect(() => readImportFile('csv', 'name,Name\nx,y')).toThrow(ImportFileError);
  });

  it('reads JSON arrays and { rows }, flattening an attributes object', () => {
    const rows = readImportFile(
      'json',
      JSON.stringify({ rows: [{ class: 'database', attributes: { engine: 'mysql', port: 3306 } }, 7] }),
    );
    expect(Object.fromEntries(rows[0]!.fields)).toEqual({ class: 'database', engine: 'mysql', port: 3306 });
    expect(rows[1]).toMatchObject({ row: 2, problem: 'is not an object' });
    expect(() => readImportFile('json', '{"a":1}')).toThrow('must be an array');
    expect(() => readImportFile('json', '[{')).toThrow(ImportFileError);
  });
});

describe('formatOf', () => {
  it('uses the file name, then the content type', () => {
    expect(formatOf('cis.CSV', undefined)).toBe('csv');
    expect(formatOf('upload', 'application/json')).toBe('json');
    expect(formatOf('cis.xlsx', 'application/octet-stream')).toBeNull();
  });
});
