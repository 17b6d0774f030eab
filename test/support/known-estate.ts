import type { EstateSpec } from './estate.js';

/**
 * A hand-made estate whose position was worked out on paper (see the expectations in the tests):
 * term and perpetual lots, a classic PAK lot, an older superseded report, an SLR reservation
 * with an update, a ledger that overrides device usage, and a lot that starts later.
 */
export const KNOWN_ESTATE: EstateSpec = {
  domain: 'known.example',
  virtualAccounts: [
    { name: 'East', region: 'AMER', businessUnit: 'Campus' },
    { name: 'West', region: 'EMEA', businessUnit: 'Data Center' },
    { name: 'Empty', region: 'APAC', businessUnit: 'Campus' },
  ],
  licenses: [
    { name: 'L1 Network Advantage', productFamily: 'Catalyst' },
    { name: 'L2 DNA Advantage', productFamily: 'Catalyst' },
  ],
  lots: [
    {
      va: 0,
      license: 0,
      quantity: 10,
      licenseType: 'PERPETUAL',
      startDate: '2025-01-01',
      endDate: null,
      source: 'SMART',
    },
    {
      va: 0,
      license: 0,
      quantity: 5,
      licenseType: 'TERM',
      startDate: '2026-01-01',
      endDate: '2026-06-30',
      source: 'SMART',
    },
    {
      va: 0,
      license: 0,
      quantity: 3,
      licenseType: 'PERPETUAL',
      startDate: null,
      endDate: null,
      source: 'CLASSIC_PAK',
    },
    {
      va: 1,
      license: 0,
      quantity: 2,
      licenseType: 'PERPETUAL',
      startDate: '2025-01-01',
      endDate: null,
      source: 'SMART',
    },
    {
      va: 1,
      license: 1,
      quantity: 20,
      licenseType: 'TERM',
      startDate: '2026-06-01',
      endDate: '2029-05-31',
      source: 'SMART',
    },
  ],
  instances: [
    { va: 0, mode: 'DIRECT_CLOUD' },
    { va: 0, mode: 'ON_PREM' },
    { va: 0, mode: 'SLR' },
    { va: 1, mode: 'DIRECT_CLOUD' },
  ],
  usage: [
    { va: 0, license: 0, instance: 0, quantity: 9, asOf: '2026-01-01' },
    { va: 0, license: 0, instance: 0, quantity: 4, asOf: '2026-03-01' },
    { va: 0, license: 0, instance: 1, quantity: 8, asOf: '2026-03-01' },
    { va: 1, license: 0, instance: 3, quantity: 5, asOf: '2026-04-01' },
    { va: 1, license: 0, instance: null, quantity: 6, asOf: '2026-04-15' },
    { va: 1, license: 1, instance: 3, quantity: 1, asOf: '2026-04-01' },
  ],
  reservations: [
    {
      instance: 2,
      license: 0,
      events: [
        { delta: 5, on: '2026-02-01' },
        { delta: -2, on: '2026-04-01' },
      ],
    },
  ],
};
