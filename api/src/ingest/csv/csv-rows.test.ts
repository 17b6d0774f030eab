import { describe, expect, it } from 'vitest';

import { IssueCollector, formatIssue } from '../issues.js';

import { csvRows, type CsvRow } from './csv-rows.js';
import { chunked } from './run-parser.js';

async function rowsOf(
  input: string | Uint8Array | AsyncIterable<string | Uint8Array>,
  chunkSize?: number,
): Promise<{ rows: CsvRow[]; issues: string[] }> {
  const issues = new IssueCollector('f.csv');
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const source =
    bytes instanceof Uint8Array ? chunked(bytes, chunkSize ?? Math.max(1, bytes.length)) : bytes;
  const rows: CsvRow[] = [];
  for await (const row of csvRows(source, issues))
    rows.push({ line: row.line, cells: [...row.cells] });
  return { rows, issues: issues.issues.map(formatIssue) };
}

async function* strings(...parts: string[]): AsyncGenerator<string> {
  yield* parts;
}

describe('csvRows', () => {
  it('reads comma-separated rows with the line each starts on', async () => {
    const { rows, issues } = await rowsOf('a,b\n1,2\n3,4\n');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
    expect(issues).toEqual([]);
  });

  it('strips a UTF-8 BOM given as bytes or as text', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a,b\n1,2')]);
    expect((await rowsOf(bom)).rows[0]).toEqual({ line: 1, cells: ['a', 'b'] });
    expect((await rowsOf(bom, 1)).rows[0]).toEqual({ line: 1, cells: ['a', 'b'] });
    expect((await rowsOf('\ufeffa,b\n1,2')).rows[0]).toEqual({ line: 1, cells: ['a', 'b'] });
  });

  it('takes the delimiter from the header line: semicolon, comma or tab', async () => {
    const semicolon = await rowsOf('"License";"In Use"\n"A, 3Y";5\n');
    expect(semicolon.rows[1]?.cells).toEqual(['A, 3Y', '5']);
    const comma = await rowsOf('Name,Count\nUDI_PID:C9300-24P; UDI_SN:FOC1; ,1\n');
    expect(comma.rows[1]?.cells).toEqual(['UDI_PID:C9300-24P; UDI_SN:FOC1; ', '1']);
    const tab = await rowsOf('a\tb\n1\t2\n');
    expect(tab.rows[1]?.cells).toEqual(['1', '2']);
  });

  it('honours an Excel sep= line and counts it as a line', async () => {
    const { rows } = await rowsOf('sep=;\r\na;b\r\n1,5;2\r\n');
    expect(rows).toEqual([
      { line: 2, cells: ['a', 'b'] },
      { line: 3, cells: ['1,5', '2'] },
    ]);
  });

  it('accepts CRLF, LF and CR line ends', async () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      const { rows } = await rowsOf(['a,b', '1,2', '3,4'].join(eol) + eol);
      expect(rows.map((row) => row.line)).toEqual([1, 2, 3]);
      expect(rows[2]?.cells).toEqual(['3', '4']);
    }
  });

  it('keeps quoted commas, quotes and line breaks, and counts lines after them', async () => {
    const text = 'a,b\n"x, ""y""",1\n"two\r\nlines",2\n"three\nmore\nlines",3\n4,4\n';
    const { rows } = await rowsOf(text);
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', '1'] },
      { line: 3, cells: ['two\r\nlines', '2'] },
      { line: 5, cells: ['three\nmore\nlines', '3'] },
      { line: 8, cells: ['4', '4'] },
    ]);
  });

  it('skips empty and all-blank rows but counts their lines', async () => {
    const { rows } = await rowsOf('\na,b\n\n,\n  , \n1,2\n');
    expect(rows).toEqual([
      { line: 2, cells: ['a', 'b'] },
      { line: 6, cells: ['1', '2'] },
    ]);
  });

  it('gives the same rows whatever the chunk size, across lines and multibyte characters', async () => {
    const text = '\ufeff"Nom";"Qté"\r\n"Zürich €, 😀";"1"\r\n"é\r\n😀";2\r\nfin;3\r\n';
    const whole = await rowsOf(text);
    expect(whole.rows).toHaveLength(4);
    expect(whole.rows[3]).toEqual({ line: 5, cells: ['fin', '3'] });
    for (const size of [1, 2, 3, 5, 7]) expect(await rowsOf(text, size)).toEqual(whole);
  });

  it('accepts text chunks that split a surrogate pair', async () => {
    const text = 'a,b\n😀,1\n';
    const split = text.indexOf('😀') + 1;
    const { rows } = await rowsOf(strings(text.slice(0, split), text.slice(split)));
    expect(rows[1]?.cells).toEqual(['😀', '1']);
  });

  it('reports a quote never closed at the line and field it opens, after the rows before it', async () => {
    const { rows, issues } = await rowsOf('a,b\r\n"x\r\ny",2\r\n3,"open\r\n5,6\r\n');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\r\ny', '2'] },
    ]);
    expect(issues).toEqual([
      'f.csv:4:2: the CSV is malformed from here (CSV_QUOTE_NOT_CLOSED): check the quotes in this row',
    ]);
  });

  it('keeps stray quotes inside unquoted fields as text', async () => {
    const { rows, issues } = await rowsOf('a,b\n12" rack,"bad"x\n');
    expect(rows[1]?.cells).toEqual(['12" rack', '"bad"x']);
    expect(issues).toEqual([]);
  });

  it('refuses UTF-16', async () => {
    const { rows, issues } = await rowsOf(new Uint8Array([0xff, 0xfe, 0x61, 0x00]));
    expect(rows).toEqual([]);
    expect(issues).toEqual(['f.csv:1:1: the file is UTF-16: save it as CSV UTF-8']);
  });

  it('stops reading its input when the consumer stops early', async () => {
    let closed = false;
    async function* endless(): AsyncGenerator<string> {
      try {
        yield 'a,b\n';
        for (let i = 0; ; i++) yield `${i},x\n`;
      } finally {
        closed = true;
      }
    }
    const lines: number[] = [];
    for await (const row of csvRows(endless(), new IssueCollector('f.csv'))) {
      lines.push(row.line);
      if (lines.length === 3) break;
    }
    expect(lines).toEqual([1, 2, 3]);
    expect(closed).toBe(true);
  });

  it('rethrows errors from the input itself', async () => {
    async function* failing(): AsyncGenerator<string> {
      yield 'a,b\n1,2\n';
      throw new Error('disk gone');
    }
    await expect(rowsOf(failing())).rejects.toThrow('disk gone');
  });
});
