import { describe, expect, it } from 'vitest';
import { CsvError, detectDelimiter, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads a header and rows with their line numbers', () => {
    const t = parseCsv('class,name,hostname\nserver,Web 1,web01\nserver,Web 2,web02\n');
    expect(t.header).toEqual(['class', 'name', 'hostname']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['server', 'Web 1', 'web01'] },
      { line: 3, cells: ['server', 'Web 2', 'web02'] },
    ]);
  });

  it('handles quotes, escaped quotes, delimiters and line breaks inside quotes, and CRLF', () => {
    const t = parseCsv('name,notes\r\n"Db, primary","says ""hi""\r\nand more"\r\nnext,x\r\n');
    expect(t.rows).toEqual([
      { line: 2, cells: ['Db, primary', 'says "hi"\r\nand more'] },
      { line: 4, cells: ['next', 'x'] },
    ]);
  });

  it('strips a byte order mark, trims header names and skips blank lines', () => {
    const t = parseCsv('\ufeff name , status \n\nA,in_use\n\n');
    expect(t.header).toEqual(['name', 'status']);
    expect(t.rows).toEqual([{ line: 3, cells: ['A', 'in_use'] }]);
  });

  it('detects semicolon and tab delimiters from the header', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(parseCsv('a\tb\n1\t2').rows[0]?.cells).toEqual(['1', '2']);
    expect(parseCsv('a;b\n"x;y";2').rows[0]?.cells).toEqual(['x;y', '2']);
  });

  it('keeps empty cells and a last line without a line break', () => {
    expect(parseCsv('a,b,c\n1,,\n,2,').rows.map((r) => r.cells)).toEqual([
      ['1', '', ''],
      ['', '2', ''],
    ]);
  });

  it('reports an unclosed quote and stray text after a quote with the line', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow(new CsvError(2, 'a quoted field is never closed'));
    expect(() => parseCsv('a,b\n"x"y,2')).toThrow('Line 2: unexpected text after a closing quote');
    expect(() => parseCsv('')).toThrow(CsvError);
  });
});
