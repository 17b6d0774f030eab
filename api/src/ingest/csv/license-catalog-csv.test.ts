import { describe, expect, it } from 'vitest';

import { formatIssue } from '../issues.js';

import { parseLicenseCatalogCsv } from './license-catalog-csv.js';
import { runParser } from './run-parser.js';

async function run(text: string, chunkSize?: number) {
  const options =
    chunkSize === undefined ? { fileName: 'cat.csv' } : { fileName: 'cat.csv', chunkSize };
  const result = await runParser(parseLicenseCatalogCsv, text, options);
  return { records: result.records, issues: result.issues.map(formatIssue) };
}

describe('parseLicenseCatalogCsv', () => {
  it('reads catalog lines', async () => {
    const text = [
      'License,Entitlement Tag,Product Family,Unit,Kind,Required Base',
      'C9300 24P Network Advantage,regid.2017-03.com.cisco.advantagek9,Catalyst 9300,DEVICE,BASE,',
      '"C9300 DNA Advantage, 3Y Term",regid.2017-05.com.cisco.c9300_dna_advantage,Catalyst 9300,device,Add-on,C9300 24P Network Advantage',
    ].join('\r\n');
    const { records, issues } = await run(text, 7);
    expect(issues).toEqual([]);
    expect(records).toEqual([
      {
        kind: 'catalog',
        at: { line: 2, column: 1 },
        license: 'C9300 24P Network Advantage',
        entitlementTag: 'regid.2017-03.com.cisco.advantagek9',
        productFamily: 'Catalyst 9300',
        unit: 'DEVICE',
        licenseKind: 'BASE',
        requiredBaseLicense: null,
        entitlementType: null,
      },
      {
        kind: 'catalog',
        at: { line: 3, column: 1 },
        license: 'C9300 DNA Advantage, 3Y Term',
        entitlementTag: 'regid.2017-05.com.cisco.c9300_dna_advantage',
        productFamily: 'Catalyst 9300',
        unit: 'DEVICE',
        licenseKind: 'ADD_ON',
        requiredBaseLicense: 'C9300 24P Network Advantage',
        entitlementType: null,
      },
    ]);
  });

  it('reads the Entitlement Type, any case, blank as not stated', async () => {
    const text = [
      'License,Unit,Kind,Entitlement Type',
      '"C9300 DNA Advantage, 3Y Term",DEVICE,BASE,term',
      'C9300 Network Advantage,DEVICE,BASE,Perpetual',
      'Webex Calling Professional,USER,BASE,SUBSCRIPTION',
      'Umbrella DNS Usage,COUNT,BASE,Usage',
      'Some License,DEVICE,BASE,',
    ].join('\n');
    const { records, issues } = await run(text);
    expect(issues).toEqual([]);
    expect(records.map((r) => (r.kind === 'catalog' ? r.entitlementType : r.kind))).toEqual([
      'TERM',
      'PERPETUAL',
      'SUBSCRIPTION',
      'USAGE',
      null,
    ]);
  });

  it('names the cell of an unknown Entitlement Type', async () => {
    const { records, issues } = await run(
      'License,Unit,Kind,Entitlement Type\nA,DEVICE,BASE,Lease\n',
    );
    expect(records).toEqual([]);
    expect(issues).toEqual([
      'cat.csv:2:4: Entitlement Type "Lease" is not one of TERM, PERPETUAL, SUBSCRIPTION, USAGE',
    ]);
  });

  it('accepts Tag, Family and Requires, a semicolon, a BOM, and any case of unit and kind', async () => {
    const text =
      '\ufeffLICENSE;tag;Family;unit;KIND;Requires\nWebex Seat;regid.w;Collab;User;add_on;Base\nBase;;Collab;COUNT;base;\n';
    const { records, issues } = await run(text);
    expect(issues).toEqual([]);
    expect(records).toMatchObject([
      {
        entitlementTag: 'regid.w',
        productFamily: 'Collab',
        unit: 'USER',
        licenseKind: 'ADD_ON',
        requiredBaseLicense: 'Base',
      },
      { entitlementTag: null, unit: 'COUNT', licenseKind: 'BASE' },
    ]);
  });

  it('reports unknown units and kinds, repeats and shared tags at their cells', async () => {
    const text = [
      'License,Tag,Unit,Kind',
      'A,regid.a,SEAT,BASE',
      'B,regid.b,DEVICE,plugin',
      'C,regid.c,DEVICE,',
      'C,regid.c,DEVICE,BASE',
      'D,regid.a,DEVICE,BASE',
    ].join('\n');
    const { records, issues } = await run(text);
    expect(records).toEqual([]);
    expect(issues).toEqual([
      'cat.csv:2:3: Unit "SEAT" is not one of DEVICE, USER, COUNT',
      'cat.csv:3:4: Kind "plugin" is not one of BASE, ADD_ON',
      'cat.csv:4:4: Kind is blank (use BASE, ADD_ON)',
      'cat.csv:5:1: "C" is listed again (first on line 4)',
      'cat.csv:6:2: tag "regid.a" is already "A" on line 2',
    ]);
  });

  it('reports missing columns by name', async () => {
    expect((await run('License,Unit\nA,DEVICE\n')).issues).toEqual([
      'cat.csv:1:1: missing column "Kind"; the columns found are "License", "Unit"',
    ]);
  });
});
