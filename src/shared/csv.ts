/**
 * CSV parsing per RFC 4180, tolerant of what spreadsheets really write: a UTF-8 byte order mark,
 * LF or CRLF line ends, a comma, semicolon or tab delimiter (detected from the header line),
 * quoted fields with "" escapes and line breaks inside quotes. Blank lines are skipped.
 * Pure and dependency-free so the web app can preview a file before upload.
 */

export type CsvRow = { /** 1-based line on which the row starts. */ line: number; cells: string[] };
export type CsvTable = { header: string[]; rows: CsvRow[]; delimiter: string };

export class CsvError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`Line ${line}: ${message}`);
    this.line = line;
  }
}

const DELIMITERS = [',', ';', '\t'];

/** The delimiter used most in the first line outside quotes; a comma when the line has none. */
export function detectDelimiter(text: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** Every record as its cells, with the line it starts on; the header is the first record. */
function* records(text: string, delimiter: string): Generator<CsvRow> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) throw new CsvError(start, 'a quoted field is never closed');
          const chunk = text.slice(i, q);
          for (let k = chunk.indexOf('\n'); k !== -1; k = chunk.indexOf('\n', k + 1)) line++;
          cell += chunk;
          i = q + 1;
          if (text[i] === '"') {
            cell += '"';
            i++;
          } else break;
        }
        if (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
          throw new CsvError(line, 'unexpected text after a closing quote');
        }
      } else {
        let j = i;
        while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
        cell = text.slice(i, j);
        i = j;
      }
      cells.push(cell);
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    if (cells.length === 1 && cells[0] === '') continue;
    yield { line: start, cells };
  }
}

export function parseCsv(text: string, opts: { delimiter?: string } = {}): CsvTable {
  const delimiter = opts.delimiter ?? detectDelimiter(text);
  const all = records(text, delimiter);
  const first = all.next();
  if (first.done) throw new CsvError(1, 'the file is empty; the first line must name the columns');
  const header = first.value.cells.map((h) => h.trim());
  const rows = [...all];
  return { header, rows, delimiter };
}
