import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const LICENSES = ['C9200 24P Network Essentials', 'C9200 24P DNA Essentials, 3Y Term'];

/** One row of a flattened CSSM Product Instances export (device × license). */
function instanceRows(device: number): string[] {
  const va = `VA-${String(device % 20).padStart(2, '0')}`;
  const serial = `JAE${String(device).padStart(7, '0')}`;
  return LICENSES.map(
    (license) =>
      `"${va}","UDI_PID:C9200-24P; UDI_SN:${serial}; ","C9200","2026-11-20T10:00:00Z","","${license}","1"`,
  );
}

/** The same export as one string (for importData over GraphQL). */
export function largeInstancesCsv(devices: number): string {
  const lines = [
    '"Virtual Account","Name","Product Type","Last Contact","Alerts","License","Count"',
  ];
  for (let d = 0; d < devices; d++) lines.push(...instanceRows(d));
  return lines.join('\n') + '\n';
}

/** Writes a large, valid instances export of `devices` devices × 2 licenses to `path`. */
export async function writeLargeInstancesCsv(path: string, devices: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('"Virtual Account","Name","Product Type","Last Contact","Alerts","License","Count"\n');
  for (let d = 0; d < devices; d++) {
    if (!out.write(instanceRows(d).join('\n') + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
