import type { ImportFormat } from '../parser.js';

/** How much of the file's start `detectFormat` looks at. */
export const SNIFF_BYTES = 64 * 1024;

const RECORD_KEY = /"(licenses|summary|devices)"\s*:/;
const CSV_LINES_TO_TRY = 5;

/**
 * Guesses a file's import format from its first ~64 KB of text (`head`), or null when nothing
 * fits (the user then picks the format).
 *
 * - XML: a `<RUMReport` element → `rum-report`; `<specificPLR` / `<authorizationCode` →
 *   `slr-authorization-xml`.
 * - JSON: whichever of the keys `"licenses"` / `"summary"` (→ `api-licenses-json`) or
 *   `"devices"` (→ `api-devices-json`) comes first, so a devices response listing per-device
 *   `licenses` stays a devices response.
 * - CSV: the first of the first five non-empty lines that reads as a known header
 *   (case and whitespace ignored, `,` `;` or tab separated): a `PAK…` column → `classic-pak-csv`;
 *   `List Price` with `Currency` → `price-book`;
 *   `Entitlement Tag` with `Kind` or `Unit` and no `In Use` → `license-catalog-csv`;
 *   `Name` with `Product Type`, `Registration Type`, `Status` or `Last Contact…` →
 *   `cssm-instances-csv` (tried before the next rule: a flattened instances export may carry
 *   `License` and `In Use` too); `In Use`, `Purchased` or `Available to Use` with `License` →
 *   `cssm-licenses-csv`; `Message` with `Time` (or `Event Time`) → `cssm-event-log-csv`
 *   (checked first).
 *
 * Content alone decides: `fileName` is accepted for callers' convenience but a mislabelled
 * extension (a `.txt` RUM file, a `.json` saved as `.csv`) must not block an import.
 */
export function detectFormat(head: string, _fileName: string): ImportFormat | null {
  const text = head
    .slice(0, SNIFF_BYTES)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('<')) return detectXml(text);
  if (text.startsWith('{') || text.startsWith('[')) return detectJson(text);
  return text === '' ? null : detectCsv(text);
}

function detectXml(text: string): ImportFormat | null {
  if (/<RUMReport[\s/>]/.test(text)) return 'rum-report';
  if (/<(specificPLR|authorizationCode)[\s/>]/.test(text)) return 'slr-authorization-xml';
  return null;
}

function detectJson(text: string): ImportFormat | null {
  const key = RECORD_KEY.exec(text)?.[1];
  if (key === 'devices') return 'api-devices-json';
  return key ? 'api-licenses-json' : null;
}

function detectCsv(text: string): ImportFormat | null {
  const lines = text
    .split(/\r?\n|\r/)
    .filter((line) => line.trim() !== '')
    .slice(0, CSV_LINES_TO_TRY);
  for (const line of lines) {
    const format = detectHeader(headerCells(line));
    if (format) return format;
  }
  return null;
}

/**
 * The header's cells split on the most frequent delimiter, compared as the CSV parsers compare
 * them: lower-cased, with all whitespace removed (`In Use` = `InUse`).
 */
function headerCells(line: string): readonly string[] {
  const delimiters = [',', ';', '\t'];
  const counts = delimiters.map((delimiter) => line.split(delimiter).length);
  const delimiter = delimiters[counts.indexOf(Math.max(...counts))] ?? ',';
  return line.split(delimiter).map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .replace(/\s+/g, '')
      .toLowerCase(),
  );
}

function detectHeader(cells: readonly string[]): ImportFormat | null {
  const has = (...names: string[]): boolean => names.some((name) => cells.includes(name));
  if (has('message') && has('time', 'eventtime')) return 'cssm-event-log-csv';
  if (cells.some((cell) => cell.startsWith('pak'))) return 'classic-pak-csv';
  if (has('listprice') && has('currency')) return 'price-book';
  if (has('entitlementtag') && has('kind', 'unit') && !has('inuse')) return 'license-catalog-csv';
  // Before the licenses rule: a flattened instances export may also have License and In Use.
  const instanceColumn =
    has('producttype', 'registrationtype', 'status') ||
    cells.some((cell) => cell.startsWith('lastcontact'));
  if (has('name') && instanceColumn) {
    return 'cssm-instances-csv';
  }
  if (has('inuse', 'purchased', 'availabletouse') && has('license', 'licensename')) {
    return 'cssm-licenses-csv';
  }
  return null;
}
