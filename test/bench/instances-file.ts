import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const HEADER =
  '"Virtual Account","Name","Product Type","Last Contact","Alerts","License","Count"\n';
const VIRTUAL_ACCOUNTS = 50;
const LICENSES = 20;
const LICENSES_PER_DEVICE = 4;

const quote = (text: string) => `"${text}"`;

/** The rows of the file as they land in usage_reports: (va, license, device, quantity). */
export interface UsageRowShape {
  readonly virtualAccount: number;
  readonly license: number;
  readonly device: number;
  readonly quantity: number;
}

/** Deterministic usage rows: 4 licenses per device, 50 Virtual Accounts, 20 licenses. */
export function* usageRows(rows: number): Generator<UsageRowShape> {
  for (let i = 0; i < rows; i++) {
    const device = Math.floor(i / LICENSES_PER_DEVICE);
    yield {
      virtualAccount: device % VIRTUAL_ACCOUNTS,
      license: (device + (i % LICENSES_PER_DEVICE) * 5) % LICENSES,
      device,
      quantity: 1 + (i % 3),
    };
  }
}

/**
 * Writes a CSSM product-instances export (the "Product Instances" CSV) with `rows` usage rows,
 * in the shape of test/fixtures/import/acme-instances.csv.
 */
export async function writeInstancesFile(path: string, rows: number, asOf: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(HEADER);
  let chunk = '';
  for (const row of usageRows(rows)) {
    const serial = `BNC${String(row.device).padStart(8, '0')}`;
    chunk += [
      quote(`Bench-VA-${String(row.virtualAccount).padStart(2, '0')}`),
      quote(`UDI_PID:C9300-48P; UDI_SN:${serial}; `),
      quote('C9300'),
      quote(`${asOf}T10:00:00Z`),
      quote(''),
      quote(`C9300 Bench License ${String(row.license).padStart(2, '0')}`),
      quote(String(row.quantity)),
    ].join(',');
    chunk += '\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
