import fc from 'fast-check';

import type { ImportFormat } from '../../api/src/ingest/parser.js';

/**
 * Fuzzing knobs: a fixed seed and a bounded number of cases in CI. For the long benchmark run
 * set `FUZZ_RUNS=10000` (parsers, in memory) and `FUZZ_DB_RUNS` (imports and mutations over
 * HTTP into the database, ~50 ms a case); `FUZZ_SEED` changes the seed.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261128);
export const fuzzRuns = (ciDefault: number, variable = 'FUZZ_RUNS'): number =>
  process.env[variable] ? Number(process.env[variable]) : ciDefault;

const TAG = 'regid.2017-09.com.cisco.C9200_24P,1.0_0c6f2a51-0000-4000-8000-3b1d2c4e5f60';
const NWA = 'regid.2019-01.com.cisco.C9500_NW_Advantage,1.0_11110000-2222-4333-8444-555566667777';

function rumReport(): string {
  const payload = {
    version: '2.0',
    asset_identification: {
      report_id: 1790000001,
      asset: { name: 'regid.2017-03.com.cisco.C9300_24P,1.0_aaaa0000-bbbb-4ccc-8ddd-eeeeffff0001' },
      instance: { sudi: { udi_pid: 'C9300-24P', udi_serial_number: 'FOC0000X1AB' } },
    },
    meta: { entitlement_tag: TAG, software_version: '17.12.04' },
    measurements: [
      {
        log_time: 1790208100,
        metric_name: 'ENTITLEMENT',
        start_time: 1790121600,
        end_time: 1790208000,
        sample_interval: 86400,
        num_samples: 96,
        value: { type: 'COUNT', value: '3' },
        meta: { added_sudi_list: [], removed_sudi_list: [] },
      },
    ],
  };
  const signature = {
    sudi: { udi_pid: 'C9300-24P', udi_serial_number: 'FOC0000X1AB' },
    signing_type: 'builtin',
    key: 'k',
    value: 'b64sig==',
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n<smartLicense>\n<RUMReport><![CDATA[${JSON.stringify({ payload: JSON.stringify(payload), signature })}]]></RUMReport>\n</smartLicense>\n`;
}

/** One valid, real-shaped file per importer (cisco-formats.md shapes, invented values). */
export const SEEDS: Record<ImportFormat, { fileName: string; content: string }> = {
  'cssm-licenses-csv': {
    fileName: 'licenses.csv',
    content:
      'Virtual Account,License,Purchased,In Use,Balance\r\n' +
      'Sales-East,C9200 24P DNA Essentials 3Y Term,20,3,17\r\n' +
      'Sales-West,"C9200 24P Network Essentials, perpetual",12,12,0\r\n',
  },
  'cssm-instances-csv': {
    fileName: 'instances.csv',
    content:
      'Name,Product Type,Last Contact,Alerts\r\n' +
      '"UDI_PID:C9300-24P; UDI_SN:FOC1234X0AB; ",C9300,2025-Mar-02 10:22:05,\r\n' +
      'edge-rtr-01.example.net,ISR4451,Never,Failed to connect\r\n',
  },
  'api-licenses-json': {
    fileName: 'licenses.json',
    content: JSON.stringify({
      totalRecords: 1,
      status: 'SUCCESS',
      licenses: [
        {
          license: 'C9200 24P DNA Essentials, 3Y Term',
          virtualAccount: 'Sales-West',
          quantity: 10,
          inUse: 12,
          available: 0,
          reserved: 0,
          status: 'Out Of Compliance',
          licenseDetails: [
            {
              licenseType: 'TERM',
              quantity: 10,
              startDate: '2025-02-01',
              endDate: '2028-01-31',
              subscriptionId: 'Sub7001234',
              status: 'ACTIVE',
              licenseSku: 'C9200-DNA-E-24-3Y',
              orderNumber: '109999001',
            },
          ],
        },
      ],
    }),
  },
  'api-devices-json': {
    fileName: 'devices.json',
    content: `{"status":"SUCCESS","totalRecords":1,"devices":[{"instanceName":"UDI_PID:C9200-24P; UDI_SN:JAE0000A1BC; ","productTagName":"${TAG}","sudi":{"udiPid":"C9200-24P","udiSerialNumber":"JAE0000A1BC"}}]}`,
  },
  'slr-authorization-xml': {
    fileName: 'auth.xml',
    content: `<specificPLR><authorizationCode><flag>A</flag><version>C</version><piid>5d0c0000-aaaa-4bbb-8ccc-0d0e0f101112</piid><timestamp>1767225600000</timestamp><entitlements><entitlement><tag>${NWA}</tag><count>1</count><startDate></startDate><endDate></endDate><licenseType>PERPETUAL</licenseType><displayName>C9500 Network Advantage</displayName></entitlement></entitlements></authorizationCode><signature>QmFzZTY0==</signature><udi>P:C9500-24Y4C,S:FCW0000Z9YX</udi></specificPLR>`,
  },
  'rum-report': { fileName: 'usage.xml', content: rumReport() },
  'classic-pak-csv': {
    fileName: 'pak.csv',
    content:
      'PAK Number,SKU,Description,Quantity,Status\n' +
      '3301J1234567,L-ASR1K-ADVIPS=,"ASR 1000 Advanced IP Services, perpetual",2,FULFILLED\n' +
      '3301J7654323,FL-CUBEE-5=,CUBE 5 sessions,4,NOT FULFILLED\n',
  },
  'price-book': {
    fileName: 'prices.csv',
    content:
      'License,Currency,List Price,Discount,Support Rate,License Type,EA Suite,EA Price,Valid From\n' +
      'DNA Advantage,usd,1200.5,37.5%,,Term,DNA for Switching,700,2026-01-01\n' +
      'Network Advantage,EUR,999,12,22 %,perpetual,,,\n',
  },
  'cssm-event-log-csv': {
    fileName: 'events.csv',
    content:
      'Message,Time,User,Virtual Account\n' +
      '"Satellite ""sat-east-01"" synchronized via network",2026-Sep-30 14:02:11,,\n' +
      '"5 licenses of ""C9300 DNA Advantage, 3Y Term"" transferred from VA ""Lab"" to VA ""Prod""","Sep 30, 2026 2:02 PM",jdoe@acme.example,Lab\n' +
      'Something nobody foresaw,2026-10-01T08:00:00Z,admin,\n',
  },
  'license-catalog-csv': {
    fileName: 'catalog.csv',
    content:
      'License,Entitlement Tag,Product Family,Unit,Kind,Required Base\r\n' +
      'C9300 24P Network Advantage,regid.2017-03.com.cisco.advantagek9,Catalyst 9300,DEVICE,BASE,\r\n' +
      '"C9300 DNA Advantage, 3Y Term",regid.2017-05.com.cisco.c9300_dna_advantage,Catalyst 9300,device,Add-on,C9300 24P Network Advantage\r\n',
  },
};

/** Characters that break parsers: delimiters, quotes, markup, escapes, BOM, NUL, astral. */
const NASTY = [
  ',',
  ';',
  '"',
  "'",
  '\n',
  '\r',
  '\t',
  '<',
  '>',
  '&',
  '{',
  '}',
  '[',
  ']',
  ':',
  '\\',
  '\u0000',
  '\ufeff',
  '😀',
  'é',
  '-',
  '9',
  '1e309',
  'NaN',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '\u2028',
  ' ',
];
const noise = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.integer().map(String),
);

/** One edit of a text: where (0–1 of its length), what, how much, and the text to put in. */
interface Edit {
  readonly op: 'insert' | 'delete' | 'replace' | 'duplicate' | 'truncate';
  readonly at: number;
  readonly length: number;
  readonly text: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom('insert', 'delete', 'replace', 'duplicate', 'truncate'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat(200),
  text: noise,
});

function applyEdit(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  const end = at + e.length;
  switch (e.op) {
    case 'insert':
      return text.slice(0, at) + e.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(end);
    case 'replace':
      return text.slice(0, at) + e.text + text.slice(Math.min(end, at + 10));
    case 'duplicate':
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    case 'truncate':
      return text.slice(0, at);
  }
}

/** A real-shaped file with 1–8 random edits, or (1 in 10) unrelated random text. */
export function mutatedFile(seed: string): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .array(edit, { minLength: 1, maxLength: 8 })
        .map((edits) => edits.reduce((t, e) => applyEdit(t, e), seed)),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  );
}
