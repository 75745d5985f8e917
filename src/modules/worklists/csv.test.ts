import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv.ts';
import { csvCell, csvLine } from './csv.ts';

describe('csv writing', () => {
  it('leaves plain cells alone and ends lines with CRLF', () => {
    expect(csvLine(['INC0001001', 'Printer down', 3])).toBe('INC0001001,Printer down,3\r\n');
  });

  it('quotes commas, quotes and line breaks and doubles quotes (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const s of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(csvCell(s).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('keeps numbers as numbers, even negative ones, and writes null as empty', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });

  it('reads back to the same cells', () => {
    const cells = ['a,b', 'say "hi"', 'two\r\nlines', 'plain'];
    const { header } = parseCsv(csvLine(cells));
    expect(header).toEqual(cells);
  });
});
