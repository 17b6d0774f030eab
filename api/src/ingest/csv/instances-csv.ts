import { mostSpecificConnection } from '../../domain/instances/connection.js';
import {
  connectionInStatus,
  parseConnectionText,
  parseStatusText,
} from '../connection-vocabulary.js';
import type { IssueCollector } from '../issues.js';
import type { ParseContext, Parser } from '../parser.js';
import type { IngestRecord, InstanceRecord } from '../records.js';

import { describeColumn, type TableSpec } from './headers.js';
import { parseInstanceName } from './instance-values.js';
import { openTable, type TableRow } from './table.js';
import { parseTimestamp, readDate, readInteger } from './values.js';

const INSTANCES_COLUMNS = {
  name: { aliases: ['Name'], required: true },
  virtualAccount: { aliases: ['Virtual Account'] },
  productType: { aliases: ['Product Type'] },
  lastContact: { aliases: ['Last Contact'] },
  hostname: { aliases: ['Hostname'] },
  connection: { aliases: ['Connection', 'Connection Mode', 'Connection Type', 'Transport'] },
  registration: {
    aliases: [
      'Registration Type',
      'Registration',
      'Registration Mode',
      'License Mode',
      'Licensing Mode',
      'Reservation Type',
    ],
  },
  status: { aliases: ['Status'] },
  satellite: { aliases: ['Satellite', 'On-Prem Server'] },
  license: { aliases: ['License'] },
  tag: { aliases: ['Entitlement Tag', 'Tag'] },
  quantity: { aliases: ['Count', 'Quantity', 'In Use'] },
} satisfies TableSpec<string>;

type Row = TableRow<keyof typeof INSTANCES_COLUMNS>;

/** Reads a vocabulary cell; an unknown value is an `UNKNOWN_VALUE` warning and reads as null. */
function readVocabulary<T>(
  row: Row,
  key: 'connection' | 'registration' | 'status',
  parse: (text: string) => T | undefined,
  issues: IssueCollector,
): T | null {
  const text = row.text(key);
  if (text === null) return null;
  const value = parse(text);
  if (value === undefined) {
    issues.warning(
      'UNKNOWN_VALUE',
      row.at(key),
      `${LABELS[key]} "${text}" is not recognised; ignored`,
    );
    return null;
  }
  return value;
}

const LABELS = { connection: 'Connection', registration: 'Registration Type', status: 'Status' };

function readInstance(
  row: Row,
  name: ReturnType<typeof parseInstanceName>,
  virtualAccount: string | null,
  issues: IssueCollector,
): InstanceRecord {
  const status = row.text('status');
  const connectionMode = mostSpecificConnection([
    readVocabulary(row, 'registration', parseConnectionText, issues),
    readVocabulary(row, 'connection', parseConnectionText, issues),
    status === null ? null : connectionInStatus(status),
  ]);
  return {
    kind: 'instance',
    at: { line: row.line, column: 1 },
    virtualAccount,
    ...name,
    hostname: row.text('hostname'),
    productType: row.text('productType'),
    productTag: null,
    connectionMode,
    status: readVocabulary(row, 'status', parseStatusText, issues),
    lastContactAt: readDate(row, 'lastContact', issues, 'Last Contact', parseTimestamp),
    satellite: row.text('satellite'),
  };
}

/**
 * Parses a CSSM Product Instances CSV export, plain (one row per instance) or flattened (one row
 * per instance × license, with `License` and/or `Tag`/`Entitlement Tag`, and `Count`/`Quantity`/
 * `In Use`). Yields an `InstanceRecord` at each instance's first row and a `DeviceUsageRecord`
 * for each row naming a license, as it reads: memory holds one row plus the set of instance
 * keys seen (Virtual Account + UDI, or + name when the name is not a UDI).
 *
 * Instances are identified by `Name` (`UDI_PID:<pid>; UDI_SN:<serial>; ` is split into PID and
 * serial). The connection mode is the most specific one stated by `Registration Type` (or
 * `Registration`, `Registration Mode`, `License Mode`, `Licensing Mode`, `Reservation Type`),
 * `Connection` (or `Connection Mode`, `Connection Type`, `Transport`) and a `Status` text that
 * names it (`REGISTERED - SPECIFIC LICENSE RESERVATION`); see `parseConnectionText`. Values
 * outside the vocabulary are `UNKNOWN_VALUE` warnings and read as null, never guessed. The
 * `Satellite`/`On-Prem Server` is passed on as stated (the import service decides the mode it
 * implies). `Last Contact` (any date or date-time form; `Never` → null) becomes a UTC
 * timestamp. Usage `asOf` is left null.
 */
export const parseCssmInstancesCsv: Parser = async function* (
  input,
  context: ParseContext,
): AsyncGenerator<IngestRecord> {
  const { issues } = context;
  const table = await openTable(input, INSTANCES_COLUMNS, issues);
  if (!table) return;
  const { columns } = table;
  const flattened = columns.license !== undefined || columns.tag !== undefined;
  if (flattened && columns.quantity === undefined) {
    issues.error(
      'MISSING_COLUMN',
      { line: table.headerLine, column: 1 },
      `missing column ${describeColumn(INSTANCES_COLUMNS.quantity)}: a per-license export needs ` +
        'the count each instance uses',
    );
    await table.rows.return(undefined);
    return;
  }
  const seen = new Set<string>();
  for await (const row of table.rows) {
    const nameText = row.text('name');
    if (nameText === null) {
      issues.error('MISSING_VALUE', row.at('name'), 'Name is blank');
      continue;
    }
    const name = parseInstanceName(nameText);
    const virtualAccount = row.text('virtualAccount') ?? context.virtualAccount ?? null;
    const identity =
      name.udiPid !== null && name.udiSerial !== null ? name.name : `name:${name.name}`;
    const key = `${virtualAccount ?? ''}\u0000${identity}`;
    if (!seen.has(key)) {
      seen.add(key);
      const errorsBefore = issues.errorCount;
      const instance = readInstance(row, name, virtualAccount, issues);
      if (issues.errorCount === errorsBefore) yield instance;
    }
    const license = row.text('license');
    const entitlementTag = row.text('tag');
    if (license === null && entitlementTag === null) continue;
    const quantity = readInteger(row, 'quantity', issues, { label: 'Count', required: true });
    if (quantity === null) continue;
    yield {
      kind: 'deviceUsage',
      at: { line: row.line, column: 1 },
      virtualAccount,
      instance: { name: name.name, udiPid: name.udiPid, udiSerial: name.udiSerial },
      license,
      entitlementTag,
      quantity,
      asOf: null,
    };
  }
};
