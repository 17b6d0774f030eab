import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The LibreOffice binary, or null when it is not installed (CI installs libreoffice-calc). */
export function findSoffice(): string | null {
  for (const candidate of [
    '/usr/bin/soffice',
    '/usr/bin/libreoffice',
    '/usr/lib/libreoffice/program/soffice',
  ])
    if (existsSync(candidate)) return candidate;
  return null;
}

// A fresh profile per run that recalculates every formula on load (OOXMLRecalcMode 0 =
// "always"), instead of trusting cached results or prompting.
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens an .xlsx in headless LibreOffice Calc, recalculates it and saves it again as .xlsx;
 * returns the saved file (formula cells now carry LibreOffice's results). Each call uses its
 * own profile directory, so parallel runs do not share a lock.
 */
export async function recalculateWithLibreOffice(
  xlsx: Buffer,
  timeoutMs = 50_000,
): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'trueup-lo-'));
  try {
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
    const input = join(dir, 'in', 'workbook.xlsx');
    mkdirSync(join(dir, 'in'));
    writeFileSync(input, xlsx);
    const out = join(dir, 'out');
    await run(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        out,
        input,
      ],
      { timeout: timeoutMs },
    );
    return readFileSync(join(out, basename(input)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Opens a CSV in headless LibreOffice Calc splitting on `separator` (e.g. `;`, as in continental
 * European locales) with `"` as text delimiter, and saves it as .xlsx: what a user's
 * spreadsheet would make of the file.
 */
export async function csvToXlsxWithLibreOffice(
  csv: string,
  separator: string,
  timeoutMs = 50_000,
): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'trueup-lo-csv-'));
  try {
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
    const input = join(dir, 'positions.csv');
    writeFileSync(input, csv);
    const out = join(dir, 'out');
    // CSV filter options: separator, text delimiter ("), UTF-8 (76), from line 1.
    const filter = `CSV:${separator.charCodeAt(0)},34,76,1`;
    await run(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        `--infilter=${filter}`,
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        out,
        input,
      ],
      { timeout: timeoutMs },
    );
    return readFileSync(join(out, 'positions.xlsx'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
