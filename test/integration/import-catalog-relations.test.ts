import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { createServices, fixedClock, type Services } from '../../api/src/index.js';
import { textSource } from '../../api/src/services/index.js';
import { createTestDb } from '../support/test-db.js';

/** A catalog CSV with add-ons the rules can place and one they cannot. */
const CATALOG = [
  'License,Entitlement Tag,Product Family,Unit,Kind,Required Base',
  'C9300 24P Network Essentials,,Catalyst 9300,DEVICE,BASE,',
  // No base named, but the family and tier rules read it.
  '"C9300 24P DNA Essentials, 3Y Term",,Catalyst 9300,DEVICE,ADD_ON,',
  // A base named explicitly.
  'Threat Protection,,Firepower,DEVICE,ADD_ON,Threat Defense Base',
  // Neither: the catalog does not know its base.
  'Mystery Analytics,,Analytics,DEVICE,ADD_ON,',
].join('\n');

describe('importing a catalog counts the add-ons whose base is unknown', () => {
  let handle: DbHandle;
  let services: Services;

  beforeAll(async () => {
    handle = await createTestDb();
    services = createServices(handle, fixedClock('2026-11-28'));
  });
  afterAll(async () => {
    await handle.close();
  });

  it('counts only the add-on neither the catalog nor the rules can place', async () => {
    const summary = await services.imports.run({
      smartAccount: 'relations.example',
      asOf: '2026-11-01',
      dryRun: false,
      files: [textSource('catalog.csv', CATALOG)],
    });
    expect(summary.errorCount).toBe(0);
    expect(summary.counts.updated.addOnsWithUnknownBase).toBe(1);
  });
});
