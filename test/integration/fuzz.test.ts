import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { IMPORT_FORMATS } from '../../api/src/ingest/parser.js';
import { insertEstate, type InsertedEstate } from '../support/estate.js';
import { FUZZ_SEED, SEEDS, fuzzRuns, mutatedFile } from '../support/fuzz-inputs.js';
import { gid } from '../support/global-id.js';
import { graphqlResponse } from '../support/graphql-client.js';
import { ledgerChecksum } from '../support/ledger-checksum.js';
import { reservationEstate } from '../support/reservation-estate.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

// Bad input over real HTTP: never a 500, never INTERNAL_SERVER_ERROR, never a partial write.
// Fixed seed and a small count in CI; FUZZ_DB_RUNS=<n> for the benchmark run.
const IMPORT_RUNS = fuzzRuns(12, 'FUZZ_DB_RUNS');
const MUTATION_RUNS = fuzzRuns(60, 'FUZZ_DB_RUNS');
const DOMAIN = 'fuzz.example';
// A long run must not time out: a timed-out property keeps importing in the background and the
// next test's checksum would see its writes.
// FUZZ_CASE_MS: time allowed per case in a long run (default 250 ms; slow formats need more).
const CASE_MS = Number(process.env.FUZZ_CASE_MS ?? 250);
const TIMEOUT = Math.max(180_000, Math.max(IMPORT_RUNS, MUTATION_RUNS) * CASE_MS);

interface Body {
  data?: { importData?: { summary: { committed: boolean } | null } } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe('fuzzed imports and mutation inputs over GraphQL', () => {
  let handle: DbHandle;
  let url: string;
  let close: () => Promise<void>;
  let ids: InsertedEstate;

  beforeAll(async () => {
    handle = await createTestDb();
    ids = await insertEstate(handle.db, reservationEstate(DOMAIN));
    ({ graphqlUrl: url, close } = await startTestApi(handle, '2026-03-01'));
  });
  afterAll(async () => {
    await close();
    await handle.close();
  });

  /** Posts and checks the response is a handled one; returns the body. */
  async function post(query: string, variables: Record<string, unknown>): Promise<Body> {
    const res = await graphqlResponse(url, query, variables);
    const body = (await res.json()) as Body;
    expect(res.status, JSON.stringify(body)).toBeLessThan(500);
    for (const error of body.errors ?? []) {
      expect(error.extensions?.code, error.message).not.toBe('INTERNAL_SERVER_ERROR');
    }
    return body;
  }

  const IMPORT = `mutation($content: String!, $fileName: String!, $format: ImportFormat) {
    importData(input: { smartAccount: "${DOMAIN}", fileName: $fileName, content: $content,
               format: $format, asOf: "2026-02-01", virtualAccount: "Fuzz" }) { summary { committed } } }`;

  it.each(IMPORT_FORMATS)(
    `imports mutated %s files all or nothing (${IMPORT_RUNS} cases)`,
    async (format) => {
      const seed = SEEDS[format];
      const gqlFormat = format.toUpperCase().replaceAll('-', '_');
      await fc.assert(
        fc.asyncProperty(mutatedFile(seed.content), fc.boolean(), async (content, named) => {
          const before = await ledgerChecksum(handle);
          const body = await post(IMPORT, {
            content,
            fileName: seed.fileName,
            format: named ? gqlFormat : null,
          });
          if (body.data?.importData?.summary?.committed !== true) {
            expect(await ledgerChecksum(handle)).toEqual(before);
          }
        }),
        { seed: FUZZ_SEED, numRuns: IMPORT_RUNS },
      );
    },
    TIMEOUT,
  );

  // Values that are valid, or almost: real ids, ids of nothing, non-ids, edge integers, bad dates.
  const id = () =>
    fc.oneof(
      // Global ids of real rows (each of its type, so often of the wrong type for the field).
      fc.constantFrom(
        ...ids.instanceIds.map((i) => gid('ProductInstance', i)),
        ...ids.licenseIds.map((i) => gid('License', i)),
        gid('SmartAccount', ids.smartAccountId),
        gid('Reservation', 1),
        gid('Entitlement', 1),
      ),
      // Bare table ids (no longer ids) and ids of nothing.
      fc.constantFrom(...ids.licenseIds.map(String), String(ids.smartAccountId)),
      fc.constantFrom('0', '-1', '1e3', '99999999999999999999', '', ' 1', '１'),
      fc.string({ maxLength: 8 }),
    );
  const quantity = fc.oneof(
    fc.integer({ min: -3, max: 12 }),
    fc.constantFrom(0, 2_147_483_647, -2_147_483_648),
  );
  const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', ' ', '\u0000', 'é😀'));
  const date = fc.oneof(
    fc.constantFrom('2026-01-10', '2026-02-29', '2026-13-01', '0000-00-00', '2026-3-1', null),
    fc.string({ maxLength: 10 }),
  );
  const change = () =>
    fc.record({
      smartAccountId: fc.oneof(fc.constant(gid('SmartAccount', ids.smartAccountId)), id()),
      actor: text,
      note: fc.option(text),
      asOf: date,
    });

  it(
    `answers fuzzed mutation inputs with a handled error or a whole change (${MUTATION_RUNS} cases)`,
    async () => {
      const operations = fc.oneof(
        fc.record({
          name: fc.constant('reserveLicenses'),
          type: fc.constant('ReserveLicensesInput'),
          input: fc.record({
            productInstanceId: fc.option(id()),
            licenseId: fc.option(id()),
            udiPid: fc.option(text),
            udiSerial: fc.option(text),
            license: fc.option(text),
            reservationType: fc.constantFrom('SLR', 'PLR'),
            quantity,
          }),
          selection: fc.constant('reservation { id quantity }'),
        }),
        fc.record({
          name: fc.constant('updateReservation'),
          type: fc.constant('UpdateReservationInput'),
          input: fc.record({ reservationId: id(), quantity }),
          selection: fc.constant('reservation { id quantity }'),
        }),
        fc.record({
          name: fc.constant('transferReservation'),
          type: fc.constant('TransferReservationInput'),
          input: fc.record({ reservationId: id(), toProductInstanceId: id(), quantity }),
          selection: fc.constant('source { reservation { id quantity } }'),
        }),
        fc.record({
          name: fc.constant('returnReservation'),
          type: fc.constant('ReturnReservationInput'),
          input: fc.record({ reservationId: id(), quantity: fc.option(quantity) }),
          selection: fc.constant('reservation { id quantity }'),
        }),
        fc.record({
          name: fc.constant('convertClassicLots'),
          type: fc.constant('ConvertClassicLotsInput'),
          input: fc.record({ lotId: id(), quantity: fc.option(quantity) }),
          selection: fc.constant('conversion { conversion { id quantity } }'),
        }),
      );
      await fc.assert(
        fc.asyncProperty(operations, change(), async (op, common) => {
          const before = await ledgerChecksum(handle);
          const body = await post(
            `mutation($input: ${op.type}!) { ${op.name}(input: $input) { ${op.selection} userErrors { code } } }`,
            { input: { ...common, ...op.input } },
          );
          const payload = (body.data as Record<string, { userErrors: unknown[] } | null> | null)?.[
            op.name
          ];
          if (body.errors?.length || payload?.userErrors.length)
            expect(await ledgerChecksum(handle)).toEqual(before);
        }),
        { seed: FUZZ_SEED, numRuns: MUTATION_RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `answers fuzzed snapshot arguments the same way (${MUTATION_RUNS} cases)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.constant(DOMAIN), text),
          text,
          date,
          async (smartAccount, label, asOf) => {
            const before = await ledgerChecksum(handle);
            const body = await post(
              `mutation($sa: String!, $label: String!, $asOf: Date) {
              takeSnapshot(input: { smartAccount: $sa, label: $label, asOf: $asOf }) {
                snapshot { label } userErrors { code } } }`,
              { sa: smartAccount, label, asOf },
            );
            const payload = (body.data as { takeSnapshot: { userErrors: unknown[] } } | null)
              ?.takeSnapshot;
            if (body.errors?.length || payload?.userErrors.length)
              expect(await ledgerChecksum(handle)).toEqual(before);
          },
        ),
        { seed: FUZZ_SEED, numRuns: MUTATION_RUNS },
      );
    },
    TIMEOUT,
  );
});
