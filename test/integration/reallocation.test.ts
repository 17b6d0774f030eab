import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SMALL_DESIGNED_CASES, type DbHandle } from '@trueup/db';

import { runCli } from '../support/cli.js';
import { graphql } from '../support/graphql-client.js';
import { REALLOCATION_DAY, withReallocationEstate } from '../support/reallocation-estate.js';
import { ledgerChecksum } from '../support/table-counts.js';
import { createTestDb, onPostgres } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

const SIMULATE = `
  query Simulate($moves: [ReallocationMoveInput!]!) {
    simulateReallocation(smartAccount: "gql-realloc.example", moves: $moves) {
      asOf feasible shortfallChange surplusChange
      lines { virtualAccountName licenseName before { owned shortfall surplus } after { owned shortfall surplus } }
      moves { index warnings { code blocking message } allocations { licenseType quantity } }
    }
  }`;

const POSITION = `
  { smartAccount(domain: "gql-realloc.example") {
      positionRows(first: 100) { nodes { virtualAccountName licenseName owned shortfall surplus } } } }`;

interface Row {
  virtualAccountName: string;
  licenseName: string;
  owned: string;
  shortfall: string;
  surplus: string;
}

describe('what-if reallocation over GraphQL', () => {
  let handle: DbHandle;
  let api: Awaited<ReturnType<typeof startTestApi>>;
  beforeAll(async () => {
    handle = await createTestDb();
    await withReallocationEstate(handle, 'gql-realloc.example');
    api = await startTestApi(handle, REALLOCATION_DAY);
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('simulates with warnings and writes nothing', async () => {
    const before = await ledgerChecksum(handle);
    const result = await graphql<{
      simulateReallocation: {
        feasible: boolean;
        moves: { warnings: { code: string; blocking: boolean }[] }[];
        lines: unknown[];
      };
    }>(api.graphqlUrl, SIMULATE, {
      moves: [
        { license: 'Switch DNA', quantity: 10, from: 'East', to: 'West' },
        { license: 'Switch DNA', quantity: 10, from: 'East', to: 'Lab' },
      ],
    });
    expect(result.errors).toBeUndefined();
    const simulation = result.data?.simulateReallocation;
    expect(simulation?.feasible).toBe(false);
    expect(simulation?.moves[0]?.warnings).toEqual([]);
    // East has 18 to spare: the second move takes 2 units it consumes.
    expect(simulation?.moves[1]?.warnings.map((w) => [w.code, w.blocking])).toContainEqual([
      'SOURCE_GOES_SHORT',
      true,
    ]);
    expect(await ledgerChecksum(handle)).toEqual(before);
  });

  it('names an unknown license or Virtual Account with the move it is in', async () => {
    const result = await graphql(api.graphqlUrl, SIMULATE, {
      moves: [{ license: 'Switch DNA', quantity: 1, from: 'East', to: 'Atlantis' }],
    });
    expect(result.errors?.[0]).toMatchObject({
      message: 'move 1: no Virtual Account named "Atlantis"',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('suggests, creates a scenario from it, applies it, and the position shows the simulated result', async () => {
    const suggestion = await graphql<{
      suggestReallocation: {
        curedUnits: string;
        transferRequests: { sourceVirtualAccount: string; licenses: { quantity: number }[] }[];
      };
    }>(
      api.graphqlUrl,
      `
        {
          suggestReallocation(smartAccount: "gql-realloc.example") {
            curedUnits
            boundUnits
            moves {
              license
              licenseType
              quantity
              from
              to
            }
            transferRequests {
              sourceVirtualAccount
              licenses {
                license
                licenseType
                quantity
                targetVirtualAccount
              }
            }
          }
        }
      `,
    );
    expect(suggestion.errors).toBeUndefined();
    expect(suggestion.data?.suggestReallocation.curedUnits).toBe('16');
    expect(
      suggestion.data?.suggestReallocation.transferRequests.map((r) => r.sourceVirtualAccount),
    ).toEqual(['East']);

    const created = await graphql<{
      createScenario: { scenario: { id: string; version: number; status: string } };
    }>(
      api.graphqlUrl,
      `
        mutation {
          createScenario(
            input: {
              smartAccount: "gql-realloc.example"
              name: "optimizer"
              fromSuggestion: {}
              clientMutationId: "draft-1"
            }
          ) {
            scenario {
              id
              version
              status
            }
            clientMutationId
          }
        }
      `,
    );
    expect(created.data?.createScenario).toMatchObject({
      scenario: { version: 1, status: 'DRAFT' },
      clientMutationId: 'draft-1',
    });
    const id = created.data?.createScenario.scenario.id;

    const evaluated = await graphql<{
      evaluateScenario: {
        feasible: boolean;
        lines: {
          virtualAccountName: string;
          licenseName: string;
          after: Omit<Row, 'virtualAccountName' | 'licenseName'>;
        }[];
      };
    }>(
      api.graphqlUrl,
      `
        query ($id: ID!) {
          evaluateScenario(smartAccount: "gql-realloc.example", id: $id) {
            feasible
            lines {
              virtualAccountName
              licenseName
              after {
                owned
                shortfall
                surplus
              }
            }
          }
        }
      `,
      { id },
    );
    expect(evaluated.data?.evaluateScenario.feasible).toBe(true);

    // An edit at a version someone else has moved past: a conflict in userErrors, nothing written.
    const stale = await graphql(
      api.graphqlUrl,
      `
        mutation ($id: ID!) {
          updateScenario(
            input: { smartAccount: "gql-realloc.example", id: $id, expectedVersion: 5, name: "x" }
          ) {
            scenario {
              name
            }
            userErrors {
              field
              code
            }
          }
        }
      `,
      { id },
    );
    expect(stale.errors).toBeUndefined();
    expect(stale.data).toEqual({
      updateScenario: {
        scenario: null,
        userErrors: [{ field: ['input', 'expectedVersion'], code: 'SCENARIO_VERSION_CONFLICT' }],
      },
    });

    const applied = await graphql<{
      applyScenario: {
        scenario: { status: string; version: number; events: { type: string }[] };
        transfers: { quantity: number }[];
      };
    }>(
      api.graphqlUrl,
      `
        mutation ($id: ID!) {
          applyScenario(
            input: { smartAccount: "gql-realloc.example", id: $id, expectedVersion: 1 }
          ) {
            scenario {
              status
              version
              events {
                type
              }
            }
            transfers {
              quantity
            }
          }
        }
      `,
      { id },
    );
    expect(applied.errors).toBeUndefined();
    expect(applied.data?.applyScenario.scenario).toMatchObject({
      status: 'APPLIED',
      version: 2,
      events: [{ type: 'CREATED' }, { type: 'APPLIED' }],
    });
    expect(applied.data?.applyScenario.transfers.reduce((s, t) => s + t.quantity, 0)).toBe(16);

    const position = await graphql<{ smartAccount: { positionRows: { nodes: Row[] } } }>(
      api.graphqlUrl,
      POSITION,
    );
    const live = new Map(
      position.data?.smartAccount.positionRows.nodes.map((r) => [
        `${r.virtualAccountName}|${r.licenseName}`,
        r,
      ]),
    );
    for (const line of evaluated.data?.evaluateScenario.lines ?? []) {
      expect(live.get(`${line.virtualAccountName}|${line.licenseName}`)).toMatchObject(line.after);
    }

    const again = await graphql(
      api.graphqlUrl,
      `
        mutation ($id: ID!) {
          applyScenario(
            input: { smartAccount: "gql-realloc.example", id: $id, expectedVersion: 2 }
          ) {
            scenario {
              id
            }
            userErrors {
              field
              code
              message
            }
          }
        }
      `,
      { id },
    );
    // A scenario already applied is the caller's mistake: a user error, not a top-level one.
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual({
      applyScenario: {
        scenario: null,
        userErrors: [
          { field: ['input', 'id'], code: 'SCENARIO_NOT_DRAFT', message: expect.any(String) },
        ],
      },
    });
  });
});

describe('trueup suggest and scenario on the demo estate', () => {
  const AS_OF = '2026-11-28';
  let handle: DbHandle | undefined;
  let target: Record<string, string>;

  beforeAll(async () => {
    if (onPostgres()) {
      handle = await createTestDb();
      target = { DATABASE_URL: handle.location };
    } else {
      target = { TRUEUP_DATA_DIR: mkdtempSync(join(tmpdir(), 'trueup-suggest-')) };
    }
    const demo = await runCli(['demo', '--reference-date', AS_OF], target);
    expect(demo.code).toBe(0);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('cures the designed curable shortfall, leaves the incurable one, and writes the transfer requests', async () => {
    const result = await runCli(
      ['suggest', '--smart-account', 'acme-networks.example', '--as-of', AS_OF, '--format', 'json'],
      target,
    );
    expect(result.stderr).toBe('');
    const plan = JSON.parse(result.stdout) as {
      moves: { license: string; licenseType: string; quantity: number; from: string; to: string }[];
      transferRequests: {
        sourceVirtualAccount: string;
        licenses: {
          license: string;
          licenseType: string;
          quantity: number;
          targetVirtualAccount: string;
        }[];
      }[];
      curedUnits: number;
      exposureBefore: { amount: string; currency: string }[];
      exposureAfter: { amount: string; currency: string }[];
    };
    const curable = SMALL_DESIGNED_CASES.curableShortfall;
    const incurable = SMALL_DESIGNED_CASES.uncurableShortfall;
    const movedTo = (license: string, to: string) =>
      plan.moves
        .filter((m) => m.license === license && m.to === to)
        .reduce((s, m) => s + m.quantity, 0);
    expect(movedTo(curable.license, curable.shortVirtualAccount)).toBe(curable.shortfall);
    // Only the surplus there is can move: the rest of the incurable shortfall stays.
    expect(movedTo(incurable.license, incurable.shortVirtualAccount)).toBe(incurable.surplus);
    expect(incurable.shortfall - incurable.surplus).toBe(incurable.netShortfall);
    // The demo price book prices these licenses: exposure is money, and the plan lowers it.
    const amount = (money: { amount: string; currency: string }[]) => {
      expect(money).toHaveLength(1);
      return Number(money[0]?.amount);
    };
    expect(amount(plan.exposureAfter)).toBeLessThan(amount(plan.exposureBefore));
    const requested = plan.transferRequests.flatMap((r) =>
      r.licenses.map((l) => ({ ...l, from: r.sourceVirtualAccount })),
    );
    for (const request of plan.transferRequests) {
      expect(request.licenses.length).toBeLessThanOrEqual(10);
      for (const line of request.licenses) expect(line.quantity).toBeLessThanOrEqual(998);
    }
    expect(requested.reduce((s, l) => s + l.quantity, 0)).toBe(
      plan.moves.reduce((s, m) => s + m.quantity, 0),
    );
    expect(requested).toContainEqual({
      license: curable.license,
      licenseType: 'TERM',
      quantity: curable.shortfall,
      targetVirtualAccount: curable.shortVirtualAccount,
      from: curable.surplusVirtualAccount,
    });
  });

  it('creates a scenario from a moves file, shows it, applies it, and refuses bad files clearly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trueup-moves-'));
    const curable = SMALL_DESIGNED_CASES.curableShortfall;
    const file = join(dir, 'moves.csv');
    writeFileSync(
      file,
      `license,quantity,from,to\n"${curable.license}",${curable.shortfall},${curable.surplusVirtualAccount},${curable.shortVirtualAccount}\n`,
    );
    const base = ['--smart-account', 'acme-networks.example', '--as-of', AS_OF];
    const created = await runCli(
      ['scenario', 'create', ...base, '--name', 'cover AMER', '--moves', file, '--format', 'json'],
      target,
    );
    expect(created.stderr).toBe('');
    const { id } = JSON.parse(created.stdout) as { id: number };
    const shown = await runCli(['scenario', 'show', ...base, '--id', String(id)], target);
    expect(shown.stdout).toContain('feasible: yes');
    const applied = await runCli(
      [
        'scenario',
        'apply',
        ...base,
        '--id',
        String(id),
        '--expected-version',
        '1',
        '--actor',
        'ci',
      ],
      target,
    );
    expect(applied.stdout).toMatch(new RegExp(`scenario ${id} applied from ${AS_OF}`));
    const position = await runCli(
      [
        'position',
        '--smart-account',
        'acme-networks.example',
        '--as-of',
        AS_OF,
        '--virtual-account',
        curable.shortVirtualAccount,
        '--format',
        'json',
      ],
      target,
    );
    const line = (JSON.parse(position.stdout) as { license: string; shortfall: number }[]).find(
      (l) => l.license === curable.license,
    );
    expect(line?.shortfall).toBe(0);

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'license,quantity,from,to\nX,-3,A,B\n');
    const refused = await runCli(
      ['scenario', 'create', ...base, '--name', 'bad', '--moves', bad],
      target,
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/bad\.csv: move 1 \(quantity\)/);
  });
});
