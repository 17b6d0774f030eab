import JSZip from 'jszip';

/** A cell as stored in an .xlsx sheet: its formula (if any), type and raw value. */
export interface RawCell {
  readonly formula: string | null;
  /** `n` number, `b` boolean, `str` formula string, `s` shared string, `inlineStr`, `e` error. */
  readonly type: string;
  readonly value: string | number | boolean | null;
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, '&');

/**
 * Every cell of every sheet, by sheet name then address (`B13`), read straight from the
 * package XML. (exceljs drops formula results that are 0 or false, so results are read here.)
 */
export async function readCells(xlsx: Buffer): Promise<Map<string, Map<string, RawCell>>> {
  const zip = await JSZip.loadAsync(xlsx);
  const text = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
  const shared = [...(await text('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (m) =>
      unescape([...(m[1] ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const rels = new Map(
    [
      ...(await text('xl/_rels/workbook.xml.rels')).matchAll(
        /<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g,
      ),
    ].map((m) => [m[1], (m[2] ?? '').replace(/^\/?(xl\/)?/, 'xl/')]),
  );
  const sheets = new Map<string, Map<string, RawCell>>();
  for (const m of (await text('xl/workbook.xml')).matchAll(
    /<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g,
  )) {
    const xml = await text(rels.get(m[2] ?? '') ?? '');
    const cells = new Map<string, RawCell>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[2] ?? '';
      const body = c[3] ?? '';
      const type = /t="([^"]+)"/.exec(attrs)?.[1] ?? 'n';
      const f = /<f[^>]*>([\s\S]*?)<\/f>/.exec(body)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const inline = /<is>([\s\S]*?)<\/is>/.exec(body)?.[1];
      let value: RawCell['value'] = null;
      if (type === 's' && v !== undefined) value = shared[Number(v)] ?? null;
      else if (type === 'inlineStr' && inline !== undefined)
        value = unescape(
          [...inline.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''),
        );
      else if (type === 'b' && v !== undefined) value = v === '1';
      else if ((type === 'str' || type === 'e') && v !== undefined) value = unescape(v);
      else if (v !== undefined) value = Number(v);
      cells.set(c[1] ?? '', { formula: f === undefined ? null : unescape(f), type, value });
    }
    sheets.set(unescape(m[1] ?? ''), cells);
  }
  return sheets;
}
