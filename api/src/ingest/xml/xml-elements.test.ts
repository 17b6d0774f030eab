import { describe, expect, it } from 'vitest';

import { xmlElements, type XmlElementText } from './xml-elements.js';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function split(text: string, tag: string, size: number): Promise<XmlElementText[]> {
  const out: XmlElementText[] = [];
  for await (const element of xmlElements(chunked(text, size), tag)) out.push(element);
  return out;
}

describe('xmlElements', () => {
  it('finds every element of a name under any root, with its position, in chunks of any size', async () => {
    const text = [
      '<?xml version="1.0"?>',
      '<!-- <RUMReport>not this</RUMReport> -->',
      '<RUMReports>',
      '  <RUMReport><![CDATA[{"a":"</RUMReport>"}]]></RUMReport>',
      '  <RUMReportX>no</RUMReportX><RUMReport',
      '    id="2">two</RUMReport >',
      '</RUMReports>',
    ].join('\n');
    for (const size of [1, 2, 5, 1000]) {
      expect(await split(text, 'RUMReport', size)).toEqual([
        {
          text: '<RUMReport><![CDATA[{"a":"</RUMReport>"}]]></RUMReport>',
          at: { line: 4, column: 3 },
          complete: true,
        },
        {
          text: '<RUMReport\n    id="2">two</RUMReport >',
          at: { line: 5, column: 30 },
          complete: true,
        },
      ]);
    }
  });

  it('returns a self-closing element', async () => {
    expect(await split('<a>\n<udi/></a>', 'udi', 2)).toEqual([
      { text: '<udi/>', at: { line: 2, column: 1 }, complete: true },
    ]);
  });

  it('flags an element cut off by the end of the file', async () => {
    expect(await split('<x>\n <specificPLR><udi>P', 'specificPLR', 3)).toEqual([
      { text: '<specificPLR><udi>P', at: { line: 2, column: 2 }, complete: false },
    ]);
  });

  it('finds a short element closing at the very end of the file', async () => {
    expect(await split('<udi>x</udi>', 'udi', 4)).toEqual([
      { text: '<udi>x</udi>', at: { line: 1, column: 1 }, complete: true },
    ]);
  });
});
