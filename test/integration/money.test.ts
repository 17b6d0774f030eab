import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createServices, fixedClock, type Services } from '../../api/src/services/index.js';
import { textSource } from '../../api/src/services/index.js';
import type { DbHandle } from '../../db/src/index.js';
import { gid } from '../support/global-id.js';
import { graphql } from '../support/graphql-client.js';
import { MONEY_DOMAIN, MONEY_TODAY, insertMoneyEstate } from '../support/money-estate.js';
import { tableCounts } from '../support/table-counts.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

describe('price book and exposure', () => {
  let handle: DbHandle;
  let services: Services;
  let url: string;
  let close: () => Promise<void>;
  let smartAccountId: number;

  beforeAll(async () => {
    handle = await createTestDb();
    services = createServices(handle, fixedClock(MONEY_TODAY));
    ({ smartAccountId } = await insertMoneyEstate(handle, services));
    ({ graphqlUrl: url, close } = await startTestApi(handle, MONEY_TODAY));
  });
  afterAll(async () => {
    await close();
    await handle.close();
  });

  it('imports the price book CSV and lists it through GraphQL', async () => {
    const res = await graphql<{
      smartAccount: {
        priceBook: {
          licenseName: string;
          licenseType: string;
          listPrice: { amount: string };
          unitTrueUpPrice: { amount: string; currency: string };
          eaUnitPrice: { amount: string };
          supportRateBasisPoints: number;
          eaSuite: string | null;
        }[];
      };
    }>(
      url,
      `{ smartAccount(domain: "${MONEY_DOMAIN}") { priceBook(asOf: "${MONEY_TODAY}") {
          licenseName licenseType listPrice { amount } unitTrueUpPrice { amount currency }
          eaUnitPrice { amount } supportRateBasisPoints eaSuite } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(
      res.data!.smartAccount.priceBook.map((e) => [
        e.licenseName,
        e.licenseType,
        e.listPrice.amount,
        e.unitTrueUpPrice.amount,
        e.unitTrueUpPrice.currency,
        e.eaUnitPrice.amount,
        e.supportRateBasisPoints,
        e.eaSuite,
      ]),
    ).toEqual([
      ['DNA Advantage', 'TERM', '1000.00', '800.00', 'USD', '700.00', 0, 'DNA for Switching'],
      ['ISE Base', 'TERM', '100.00', '100.00', 'EUR', '100.00', 0, null],
      [
        'Network Advantage',
        'PERPETUAL',
        '500.00',
        '450.00',
        'USD',
        '450.00',
        2000,
        'DNA for Switching',
      ],
    ]);
  });

  it('gives unit prices to the optimizer as minor units', async () => {
    const prices = await services.money.unitTrueUpPrices(smartAccountId, MONEY_TODAY);
    expect([...prices.values()].map((p) => `${p.amountMinor} ${p.currency}`).sort()).toEqual([
      '10000 EUR',
      '45000 USD',
      '80000 USD',
    ]);
    expect((await services.money.unitTrueUpPrices(smartAccountId, '2025-12-31')).size).toBe(0);
  });

  it('prices every position line and totals gross, net and per family', async () => {
    const res = await graphql<{
      smartAccount: {
        positionRows: {
          nodes: {
            virtualAccountName: string;
            licenseName: string;
            shortfall: string;
            unitPrice: string | null;
            exposure: string | null;
            currency: string | null;
          }[];
        };
        exposure: {
          gross: { amount: string; currency: string }[];
          net: { amount: string; currency: string }[];
          curableByReallocation: { amount: string; currency: string }[];
          byProductFamily: { productFamily: string | null; gross: { amount: string }[] }[];
          unpricedLicenseNames: string[];
        };
      };
    }>(
      url,
      `{ smartAccount(domain: "${MONEY_DOMAIN}") {
          positionRows(asOf: "${MONEY_TODAY}") { nodes { virtualAccountName licenseName shortfall
            unitPrice exposure currency } }
          exposure(asOf: "${MONEY_TODAY}") {
            gross { amount currency } net { amount currency } curableByReallocation { amount currency }
            byProductFamily { productFamily gross { amount } } unpricedLicenseNames } } }`,
    );
    expect(res.errors).toBeUndefined();
    const account = res.data!.smartAccount;
    expect(
      account.positionRows.nodes.map((n) => [
        n.virtualAccountName,
        n.licenseName,
        n.shortfall,
        n.exposure === null ? null : `${n.exposure} ${n.currency}`,
      ]),
    ).toEqual([
      ['Branch', 'DNA Advantage', '0', '0.00 USD'],
      ['Branch', 'Unpriced', '2', null],
      ['Campus', 'DNA Advantage', '4', '3200.00 USD'],
      ['Campus', 'ISE Base', '5', '500.00 EUR'],
      ['Campus', 'Network Advantage', '2', '900.00 USD'],
    ]);
    expect(account.exposure.gross).toEqual([
      { amount: '500.00', currency: 'EUR' },
      { amount: '4100.00', currency: 'USD' },
    ]);
    expect(account.exposure.net).toEqual([
      { amount: '500.00', currency: 'EUR' },
      { amount: '2500.00', currency: 'USD' },
    ]);
    expect(account.exposure.curableByReallocation).toEqual([
      { amount: '0.00', currency: 'EUR' },
      { amount: '1600.00', currency: 'USD' },
    ]);
    expect(account.exposure.byProductFamily).toEqual([
      { productFamily: 'Security', gross: [{ amount: '500.00' }] },
      { productFamily: 'Switching', gross: [{ amount: '4100.00' }] },
      { productFamily: 'Wireless', gross: [] },
    ]);
    expect(account.exposure.unpricedLicenseNames).toEqual(['Unpriced']);
  });

  it('carries money on findings where priced', async () => {
    const res = await graphql<{
      smartAccount: {
        findings: {
          nodes: { code: string; licenseName: string; money: { amount: string } | null }[];
        };
      };
    }>(
      url,
      `{ smartAccount(domain: "${MONEY_DOMAIN}") { findings(first: 100) { nodes { code licenseName money { amount } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const insufficient = res.data!.smartAccount.findings.nodes.filter(
      (f) => f.code === 'INSUFFICIENT_LICENSES',
    );
    expect(insufficient.find((f) => f.licenseName === 'Network Advantage')?.money).toEqual({
      amount: '900.00',
    });
    expect(insufficient.find((f) => f.licenseName === 'Unpriced')?.money).toBeNull();
  });

  it('sets and removes a price through GraphQL, with License.price following', async () => {
    const set = await graphql<{
      setPrice: { priceBookEntry: { id: string; unitTrueUpPrice: { amount: string } } };
    }>(
      url,
      `
        mutation ($input: SetPriceInput!) {
          setPrice(input: $input) {
            priceBookEntry {
              id
              unitTrueUpPrice {
                amount
              }
            }
          }
        }
      `,
      {
        input: {
          smartAccountId: gid('SmartAccount', smartAccountId),
          license: 'Unpriced',
          currency: 'USD',
          listPrice: '250.50',
          discountBasisPoints: 1000,
          validFrom: '2026-06-01',
        },
      },
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setPrice.priceBookEntry.unitTrueUpPrice.amount).toBe('225.45');
    const priced = await graphql<{
      smartAccount: {
        licenses: { name: string; price: { listPrice: { amount: string } } | null }[];
      };
    }>(
      url,
      `{ smartAccount(domain: "${MONEY_DOMAIN}") { licenses { name price(asOf: "${MONEY_TODAY}") { listPrice { amount } } } } }`,
    );
    expect(priced.data!.smartAccount.licenses.find((l) => l.name === 'Unpriced')?.price).toEqual({
      listPrice: { amount: '250.50' },
    });

    const bad = await graphql(
      url,
      `mutation { setPrice(input: { smartAccountId: "${gid('SmartAccount', smartAccountId)}", license: "Unpriced", currency: USD, listPrice: "12.345" }) {
        priceBookEntry { id } userErrors { field code } } }`,
    );
    expect(bad.errors).toBeUndefined();
    expect(bad.data).toEqual({
      setPrice: {
        priceBookEntry: null,
        userErrors: [{ field: ['input', 'listPrice'], code: 'INVALID_PRICE' }],
      },
    });

    const REMOVE = `mutation { removePrice(input: { smartAccountId: "${gid('SmartAccount', smartAccountId)}", license: "Unpriced", currency: USD, validFrom: "2026-06-01" }) {
      priceBookEntry { id } userErrors { field code } } }`;
    const removed = await graphql<{ removePrice: { priceBookEntry: { id: string } } }>(url, REMOVE);
    expect(removed.data!.removePrice.priceBookEntry.id).toBe(set.data!.setPrice.priceBookEntry.id);
    const again = await graphql(url, REMOVE);
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual({
      removePrice: {
        priceBookEntry: null,
        userErrors: [{ field: ['input', 'validFrom'], code: 'UNKNOWN_PRICE' }],
      },
    });
  });

  it('imports a price book through GraphQL importData, all or nothing', async () => {
    const IMPORT = `mutation($content: String!) {
      importData(input: { smartAccount: "${MONEY_DOMAIN}", fileName: "prices.csv", content: $content,
                 format: PRICE_BOOK, asOf: "${MONEY_TODAY}" }) { summary { committed issues { file line column code } } } }`;
    const bad = await graphql<{
      importData: {
        summary: {
          committed: boolean;
          issues: { file: string; line: number; column: number; code: string }[];
        };
      };
    }>(url, IMPORT, { content: 'License,Currency,List Price\nUnpriced,EUR,1.999\n' });
    expect(bad.errors).toBeUndefined();
    expect(bad.data!.importData.summary).toEqual({
      committed: false,
      issues: [{ file: 'prices.csv', line: 2, column: 3, code: 'INVALID_AMOUNT' }],
    });
    const good = await graphql<{ importData: { summary: { committed: boolean } } }>(url, IMPORT, {
      content: 'License,Currency,List Price,Valid From\nUnpriced,EUR,2.50,2026-02-01\n',
    });
    expect(good.data!.importData.summary.committed).toBe(true);
    const runs = await graphql<{ smartAccount: { importRuns: { format: string }[] } }>(
      url,
      `{ smartAccount(domain: "${MONEY_DOMAIN}") { importRuns { format } } }`,
    );
    expect(runs.errors).toBeUndefined();
    expect(runs.data!.smartAccount.importRuns.map((r) => r.format)).toContain('PRICE_BOOK');
    const price = await graphql<{
      smartAccount: {
        licenses: {
          name: string;
          price: { unitTrueUpPrice: { amount: string; currency: string } } | null;
        }[];
      };
    }>(
      url,
      `{ smartAccount(domain: "${MONEY_DOMAIN}") { licenses { name price(asOf: "${MONEY_TODAY}", currency: EUR) { unitTrueUpPrice { amount currency } } } } }`,
    );
    expect(price.data!.smartAccount.licenses.find((l) => l.name === 'Unpriced')?.price).toEqual({
      unitTrueUpPrice: { amount: '2.50', currency: 'EUR' },
    });
  });

  it('rejects a bad price book file whole, naming file, line and column', async () => {
    const before = await tableCounts(handle);
    const summary = await services.imports.run({
      smartAccount: MONEY_DOMAIN,
      asOf: MONEY_TODAY,
      dryRun: false,
      files: [
        textSource(
          'bad-prices.csv',
          'License,Currency,List Price,Discount\nNew License,USD,10,5\nDNA Advantage,USD,ten,5\n',
          'price-book',
        ),
      ],
    });
    expect(summary.committed).toBe(false);
    expect(summary.issues.map((i) => `${i.file}:${i.line}:${i.column}`)).toEqual([
      'bad-prices.csv:3:3',
    ]);
    expect(await tableCounts(handle)).toEqual(before);
  });

  it('models the renewal through GraphQL (hand-computed, mode B, 10 % growth, r = 0)', async () => {
    // DNA Advantage (TERM, 800.00 a-la-carte, EA 700.00): units 17, 19, 21; held 17, 19, 21.
    //   A-la-carte 13600, 15200, 16800; EA 17 × 700 = 11900 a year; milestone 2: allowance
    //   ⌊17 × 1.2⌋ = 20 < 21 → 21 − 17 = 4 × 700 × 1 = 2800.
    // Network Advantage (PERPETUAL, no EA price): left out of both options, its EA price asked
    //   for (its one-off 450.00 is not a yearly EA price). ISE Base is priced in EUR only and
    //   Unpriced has no price: left out.
    // Totals: a-la-carte 13600 + 15200 + 16800 = 45600; EA 11900 × 3 + 2800 = 38500;
    //   EA value 11900 × 3 = 35700 (below 100,000.00); the EA is cheaper.
    const res = await graphql<{
      smartAccount: {
        renewalModel: {
          currency: string;
          growthSource: string;
          years: {
            year: number;
            aLaCarte: { amount: string };
            trueForward: { amount: string };
            enterpriseAgreement: { amount: string };
          }[];
          totals: {
            aLaCarte: { amount: string };
            enterpriseAgreement: { amount: string };
            aLaCartePresentValue: { amount: string };
          };
          eaValue: { amount: string };
          meetsMinimumEaValue: boolean;
          cheaperOption: string;
          unpricedLicenseNames: string[];
          eaPriceNeededLicenseNames: string[];
          licenses: { licenseName: string; renewalBaseline: string }[];
        };
      };
    }>(
      url,
      `{ smartAccount(domain: "${MONEY_DOMAIN}") { renewalModel(input: { asOf: "${MONEY_TODAY}",
          currency: USD, growthBasisPoints: 1000, trueForwardMode: B, discountRateBasisPoints: 0 }) {
          currency growthSource years { year aLaCarte { amount } trueForward { amount } enterpriseAgreement { amount } }
          totals { aLaCarte { amount } enterpriseAgreement { amount } aLaCartePresentValue { amount } }
          eaValue { amount } meetsMinimumEaValue cheaperOption unpricedLicenseNames eaPriceNeededLicenseNames
          licenses { licenseName renewalBaseline } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const model = res.data!.smartAccount.renewalModel;
    expect(model.currency).toBe('USD');
    expect(model.growthSource).toBe('PARAMETER');
    expect(
      model.years.map((y) => [
        y.year,
        y.aLaCarte.amount,
        y.trueForward.amount,
        y.enterpriseAgreement.amount,
      ]),
    ).toEqual([
      [1, '13600.00', '0.00', '11900.00'],
      [2, '15200.00', '0.00', '11900.00'],
      [3, '16800.00', '2800.00', '14700.00'],
    ]);
    expect(model.totals).toEqual({
      aLaCarte: { amount: '45600.00' },
      enterpriseAgreement: { amount: '38500.00' },
      aLaCartePresentValue: { amount: '45600.00' },
    });
    expect(model.eaValue.amount).toBe('35700.00');
    expect(model.meetsMinimumEaValue).toBe(false);
    expect(model.cheaperOption).toBe('ENTERPRISE_AGREEMENT');
    expect(model.unpricedLicenseNames).toEqual(['ISE Base', 'Unpriced']);
    expect(model.eaPriceNeededLicenseNames).toEqual(['Network Advantage']);
    expect(model.licenses).toEqual([{ licenseName: 'DNA Advantage', renewalBaseline: '21' }]);
  });

  it('asks for a currency when the scope is priced in several, and the rest of the account still answers', async () => {
    const res = await graphql(
      url,
      `{ smartAccount(domain: "${MONEY_DOMAIN}") { domain renewalModel { currency }
          positionRows(first: 1) { nodes { licenseName shortfall } } } }`,
    );
    expect(res.errors?.[0]?.extensions?.reason).toBe('CURRENCY_MISMATCH');
    expect(res.errors?.[0]?.path).toEqual(['smartAccount', 'renewalModel']);
    // renewalModel is nullable: its failure nulls it alone, not the Smart Account.
    expect(res.data).toEqual({
      smartAccount: {
        domain: MONEY_DOMAIN,
        renewalModel: null,
        positionRows: { nodes: [{ licenseName: 'DNA Advantage', shortfall: '0' }] },
      },
    });
  });
});
