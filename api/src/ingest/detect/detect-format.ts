import { IMPORT_FORMAT_LIST, type ImportFormat } from '../formats.js';
import type { ImportFormatModule } from '../import-format.js';

import { HeaderCells } from './header-cells.js';

/** How much of the file's start `detectFormat` looks at. */
export const SNIFF_BYTES = 64 * 1024;

const CSV_LINES_TO_TRY = 5;

/**
 * Guesses a file's import format from its first ~64 KB of text (`head`), or null when nothing
 * fits (the user then picks the format). Each format states its own rule (`detect` in its
 * module under `import-formats/`); between rules that both match, the lower `detect.order` wins,
 * then the registry's order.
 *
 * - XML (the head starts with `<`): the first format whose `detect.xml` matches.
 * - JSON (`{` or `[`): of every format's `detect.jsonKeys`, the key that appears first as an
 *   object key decides.
 * - CSV: the first of the first five non-empty lines that some format's `detect.csvHeader`
 *   accepts (cells compared lower-cased with whitespace removed, `,` `;` or tab separated).
 *
 * Content alone decides: `fileName` is accepted for callers' convenience but a mislabelled
 * extension (a `.txt` RUM file, a `.json` saved as `.csv`) must not block an import.
 * `formats` defaults to every registered format (tests pass their own list).
 */
export function detectFormat(head: string, fileName: string): ImportFormat | null;
export function detectFormat<Name extends string>(
  head: string,
  fileName: string,
  formats: readonly ImportFormatModule<Name>[],
): Name | null;
export function detectFormat(
  head: string,
  _fileName: string,
  registry: readonly ImportFormatModule[] = IMPORT_FORMAT_LIST,
): string | null {
  // Stable sort: lower `order` first, the registry's order among equals.
  const formats = [...registry].sort((a, b) => (a.detect.order ?? 0) - (b.detect.order ?? 0));
  const text = head
    .slice(0, SNIFF_BYTES)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('<')) {
    return formats.find((f) => f.detect.xml?.test(text))?.name ?? null;
  }
  if (text.startsWith('{') || text.startsWith('[')) return detectJson(text, formats);
  return text === '' ? null : detectCsv(text, formats);
}

function detectJson(text: string, formats: readonly ImportFormatModule[]): string | null {
  const owner = new Map<string, string>();
  for (const format of formats) {
    for (const key of format.detect.jsonKeys ?? []) {
      if (!owner.has(key)) owner.set(key, format.name);
    }
  }
  if (owner.size === 0) return null;
  const keys = [...owner.keys()].map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const first = new RegExp(`"(${keys.join('|')})"\\s*:`).exec(text)?.[1];
  return first === undefined ? null : (owner.get(first) ?? null);
}

function detectCsv(text: string, formats: readonly ImportFormatModule[]): string | null {
  const lines = text
    .split(/\r?\n|\r/)
    .filter((line) => line.trim() !== '')
    .slice(0, CSV_LINES_TO_TRY);
  for (const line of lines) {
    const header = HeaderCells.fromLine(line);
    const format = formats.find((f) => f.detect.csvHeader?.(header));
    if (format) return format.name;
  }
  return null;
}
