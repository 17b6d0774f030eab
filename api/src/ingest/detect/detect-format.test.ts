import { describe, expect, it } from 'vitest';

import { detectFormat } from './detect-format.js';

describe('detectFormat', () => {
  it.each([
    [
      'a RUM report file',
      '<?xml version="1.0"?>\n<smartLicense><RUMReport><![CDATA[{}]]></RUMReport>',
      'rum-report',
    ],
    ['a bare RUM report', '<RUMReport><![CDATA[{"payload":"{}"}]]></RUMReport>', 'rum-report'],
    [
      'an SLR authorization code',
      '<specificPLR><authorizationCode><flag>A</flag>',
      'slr-authorization-xml',
    ],
    [
      'a wrapped SLR code',
      '\uFEFF<?xml version="1.0"?>\n<codes>\n  <specificPLR>',
      'slr-authorization-xml',
    ],
    [
      'an authorization code alone',
      '<authorizationCode><flag>A</flag></authorizationCode>',
      'slr-authorization-xml',
    ],
    [
      'a v1 licenses response',
      '{"totalRecords": 2, "status": "SUCCESS", "licenses": [',
      'api-licenses-json',
    ],
    [
      'a v2 get-summary response',
      '{"status":"SUCCESS","nonce":"q","summary":[{"tag":"regid.x"',
      'api-licenses-json',
    ],
    ['an array of pages', '[\n  {\n    "licenses" : []}]', 'api-licenses-json'],
    [
      'a devices response',
      '{"status":"SUCCESS","totalRecords":1,"devices":[{"instanceName":"x"',
      'api-devices-json',
    ],
    [
      'devices listing their licenses',
      '{"devices":[{"licenses":[{"license":"x"}]}]}',
      'api-devices-json',
    ],
    ['a PAK export', 'PAK Number,SKU,Quantity,Status\nPAK1,L-X,1,FULFILLED', 'classic-pak-csv'],
    ['a CSSM Event Log export', '"Message","Time","User"', 'cssm-event-log-csv'],
    ['a Smart Account Event Log', 'Virtual Account;message;time;user', 'cssm-event-log-csv'],
    ['an LRP SKU export', 'SKU;PAK_STATUS;QTY', 'classic-pak-csv'],
    [
      'a license catalog',
      'License,Entitlement Tag,Product Family,Unit,Kind,Required Base',
      'license-catalog-csv',
    ],
    [
      'a CSSM licenses export',
      '"Virtual Account","License","Billing","Purchased","In Use","Balance"',
      'cssm-licenses-csv',
    ],
    ['a newer CSSM licenses export', 'license;available to use;in use', 'cssm-licenses-csv'],
    [
      'a CSSM instances export',
      '\uFEFFName,Product Type,Last Contact,Alerts\r\nUDI_PID:X; UDI_SN:Y; ,C9300,,',
      'cssm-instances-csv',
    ],
    [
      'a flattened instances export',
      'Name\tLast Contact Date\tLicense\tIn Use',
      'cssm-instances-csv',
    ],
    [
      'an instances export with a registration type',
      'Virtual Account,Name,Registration Type',
      'cssm-instances-csv',
    ],
    ['an instances export with a status', 'Name;Status', 'cssm-instances-csv'],
    ['a header after an Excel sep line', 'sep=;\nLicense;Purchased;In Use', 'cssm-licenses-csv'],
  ] as const)('recognises %s', (_what, head, format) => {
    expect(detectFormat(head, 'upload.bin')).toBe(format);
  });

  it.each([
    ['an empty file', ''],
    ['whitespace', '  \n\t'],
    ['other XML', '<?xml version="1.0"?><html><body>hi</body></html>'],
    ['an XML element whose name only starts like a known one', '<RUMReports/>'],
    ['other JSON', '{"accounts":[{"accountName":"x"}]}'],
    ['JSON with the key only inside a string', '{"note":"licenses"}'],
    ['an unknown CSV', 'Date,Amount,Currency\n2026-01-01,5,EUR'],
    ['a catalog-like header that has In Use', 'Entitlement Tag,Unit,In Use'],
    ['binary junk', '\u0000\u0001PK\u0003\u0004'],
  ])('returns null for %s', (_what, head) => {
    expect(detectFormat(head, 'upload.bin')).toBeNull();
  });

  it('ignores the file extension', () => {
    expect(detectFormat('<specificPLR>', 'auth-code.txt')).toBe('slr-authorization-xml');
    expect(detectFormat('License,Purchased,In Use', 'export.json')).toBe('cssm-licenses-csv');
  });

  it('looks only at the first 64 KB', () => {
    const padding = ' '.repeat(70 * 1024);
    expect(detectFormat(`{${padding}"licenses":[]}`, 'big.json')).toBeNull();
    expect(detectFormat(`{"licenses":[${padding}]}`, 'big.json')).toBe('api-licenses-json');
  });
});
