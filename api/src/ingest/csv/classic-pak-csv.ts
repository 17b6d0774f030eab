import type { ParseContext, Parser } from '../parser.js';
import type { IngestRecord } from '../records.js';

import type { TableSpec } from './headers.js';
import { openTable } from './table.js';
import { readInteger } from './values.js';

const PAK_COLUMNS = {
  pak: { aliases: ['PAK', 'PAK Number', 'PAK #'], required: true },
  sku: { aliases: ['SKU', 'Product SKU'] },
  license: { aliases: ['License', 'License Name', 'Description'] },
  quantity: { aliases: ['Remaining Quantity', 'Quantity', 'Qty'], required: true },
  status: { aliases: ['Status', 'PAK_STATUS'], required: true },
  virtualAccount: { aliases: ['Virtual Account'] },
  deviceSerial: {
    aliases: ['Device Serial', 'Serial Number', 'Serial', 'Product SN', 'UDI Serial', 'UDI_SN'],
  },
} satisfies TableSpec<string>;

/** What a classic-PAK parse left out; the generator's return value. */
export interface ClassicPakSummary {
  /** Rows whose status is CONVERTED: already in the Smart Account. */
  readonly converted: number;
  /** Rows with a blank status (skipped, with a warning each). */
  readonly blankStatus: number;
}

/**
 * Parses a License Registration Portal (LRP) PAK export into `ClassicPakRecord`s: licenses
 * bought as classic PAKs and still outside the Smart Account.
 *
 * Rows whose `Status`/`PAK_STATUS` is `CONVERTED` (any case) are skipped and counted: they are
 * Smart licenses now and appear in the licenses export. Rows with a blank status are skipped with
 * a `MISSING_VALUE` warning (the one public LRP reader drops them too). `Remaining Quantity` is
 * preferred over `Quantity`/`Qty` when a file has both. The license name is `License`/
 * `License Name`/`Description`, else the SKU; `Virtual Account` is optional (else
 * `context.virtualAccount`, else null); so is the serial of the device the PAK was fulfilled for
 * (`Device Serial`, `Serial Number`, `Product SN`…), the key of a device-led conversion. The counts are the generator's return value.
 */
export const parseClassicPakCsv: Parser = async function* (
  input,
  context: ParseContext,
): AsyncGenerator<IngestRecord, ClassicPakSummary> {
  const { issues } = context;
  let converted = 0;
  let blankStatus = 0;
  const table = await openTable(input, PAK_COLUMNS, issues);
  if (!table) return { converted, blankStatus };
  if (table.columns.license === undefined && table.columns.sku === undefined) {
    issues.error(
      'MISSING_COLUMN',
      { line: table.headerLine, column: 1 },
      'missing column "License" (or "License Name", "Description") or "SKU" (or "Product SKU")',
    );
    await table.rows.return(undefined);
    return { converted, blankStatus };
  }
  for await (const row of table.rows) {
    const status = row.text('status');
    if (status === null) {
      blankStatus++;
      issues.warning('MISSING_VALUE', row.at('status'), 'Status is blank; row skipped');
      continue;
    }
    if (status.toUpperCase() === 'CONVERTED') {
      converted++;
      continue;
    }
    const pakNumber = row.text('pak');
    const sku = row.text('sku');
    const license = row.text('license') ?? sku;
    if (pakNumber === null) issues.error('MISSING_VALUE', row.at('pak'), 'PAK is blank');
    if (license === null) {
      const key = table.columns.license === undefined ? 'sku' : 'license';
      issues.error('MISSING_VALUE', row.at(key), 'both License and SKU are blank');
    }
    const quantity = readInteger(row, 'quantity', issues, { label: 'Quantity', required: true });
    if (pakNumber === null || license === null || quantity === null) continue;
    yield {
      kind: 'classicPak',
      at: { line: row.line, column: 1 },
      virtualAccount: row.text('virtualAccount') ?? context.virtualAccount ?? null,
      pakNumber,
      license,
      sku,
      quantity,
      status,
      deviceSerial: row.text('deviceSerial'),
    };
  }
  return { converted, blankStatus };
};
