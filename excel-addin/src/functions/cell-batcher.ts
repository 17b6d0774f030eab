import { execute, type Connection, type FetchLike } from '../api-client/client.js';
import { AddinError } from '../api-client/errors.js';
import {
  cellBatchDocument,
  POSITION_ROWS,
  type CellBatchData,
  type CellLine,
  type PositionRowsData,
  units,
} from '../api-client/operations.js';

export type CellField = 'owned' | 'consumed' | 'balance' | 'shortfall' | 'exposure';

interface Pending {
  field: CellField;
  virtualAccount: string;
  license: string;
  asOf: string;
  resolve: (value: number) => void;
  reject: (error: AddinError) => void;
}

export interface CellBatcherDeps {
  /** The saved connection and Smart Account, read at flush time. */
  connection: () => Connection & { smartAccount: string };
  fetch?: FetchLike;
  /** Defers the flush; Excel calls every function of a recalculation before it fires. */
  schedule?: (flush: () => void) => void;
}

const PAGE = 5000;

/**
 * Collects TRUEUP.* cell requests made in one recalculation and answers them with ONE GraphQL
 * request (one aliased positionRows per distinct as-of date). Read-only.
 */
export function createCellBatcher(deps: CellBatcherDeps) {
  const schedule = deps.schedule ?? ((flush) => setTimeout(flush, 20));
  let pending: Pending[] = [];

  async function flush(): Promise<void> {
    const batch = pending;
    pending = [];
    const connection = deps.connection();
    if (!connection.smartAccount) {
      const error = new AddinError(
        'input',
        'Choose a Smart Account in the Trueup task pane first.',
      );
      for (const p of batch) p.reject(error);
      return;
    }
    const dates = [...new Set(batch.map((p) => p.asOf))];
    const variables: Record<string, unknown> = { domain: connection.smartAccount, first: PAGE };
    dates.forEach((asOf, i) => {
      const cells = batch.filter((p) => p.asOf === asOf);
      variables[`asOf${i}`] = asOf === '' ? null : asOf;
      variables[`vas${i}`] = [...new Set(cells.map((p) => p.virtualAccount))];
      variables[`licenses${i}`] = [...new Set(cells.map((p) => p.license))];
    });
    let data: CellBatchData;
    try {
      data = await execute(
        connection,
        { name: 'CellBatch', document: cellBatchDocument(dates.length) },
        variables,
        deps.fetch,
      );
    } catch (error) {
      const failure =
        error instanceof AddinError
          ? error
          : new AddinError('network', 'The request failed.', undefined, { cause: error });
      for (const p of batch) p.reject(failure);
      return;
    }
    if (!data.smartAccount) {
      const error = new AddinError(
        'input',
        `No Smart Account ${connection.smartAccount} on the server.`,
      );
      for (const p of batch) p.reject(error);
      return;
    }
    const lines = new Map<string, CellLine>();
    try {
      for (const [i, asOf] of dates.entries()) {
        const group = data.smartAccount[`g${i}`];
        const nodes = [...(group?.nodes ?? [])];
        // More than a page of lines matched (many VAs × licenses): fetch the rest of this group.
        let cursor = group?.pageInfo.hasNextPage ? group.pageInfo.endCursor : null;
        while (cursor !== null) {
          const page: PositionRowsData = await execute(
            connection,
            POSITION_ROWS,
            {
              domain: connection.smartAccount,
              asOf: asOf === '' ? null : asOf,
              first: PAGE,
              after: cursor,
              filter: {
                virtualAccountNames: variables[`vas${i}`] as string[],
                licenseNames: variables[`licenses${i}`] as string[],
              },
            },
            deps.fetch,
          );
          const rows = page.smartAccount?.positionRows;
          nodes.push(...(rows?.nodes ?? []));
          cursor = rows?.pageInfo.hasNextPage ? rows.pageInfo.endCursor : null;
        }
        for (const line of nodes)
          lines.set(key(asOf, line.virtualAccountName, line.licenseName), line);
      }
    } catch (error) {
      const failure =
        error instanceof AddinError ? error : new AddinError('network', 'The request failed.');
      for (const p of batch) p.reject(failure);
      return;
    }
    for (const p of batch) {
      const line = lines.get(key(p.asOf, p.virtualAccount, p.license));
      if (line) settle(p, line);
      else
        p.reject(
          new AddinError(
            'input',
            `No position for ${p.license} in Virtual Account ${p.virtualAccount}.`,
          ),
        );
    }
  }

  return {
    /** The value of `field` for one Virtual Account × license (as of `asOf`, default today). */
    request(
      field: CellField,
      virtualAccount: string,
      license: string,
      asOf?: string,
    ): Promise<number> {
      return new Promise<number>((resolve, reject) => {
        if (pending.length === 0) schedule(() => void flush());
        pending.push({ field, virtualAccount, license, asOf: asOf ?? '', resolve, reject });
      });
    },
  };
}

function settle(p: Pending, line: CellLine): void {
  if (p.field !== 'exposure') {
    p.resolve(units(line[p.field]));
    return;
  }
  // Money arrives as an exact decimal string; a cell is a double, fine for display and sums.
  if (line.exposure !== null) p.resolve(Number(line.exposure));
  else
    p.reject(
      new AddinError('graphql', `No price for ${p.license}: its exposure is unknown.`, 'NO_PRICE'),
    );
}

const key = (asOf: string, va: string, license: string) => JSON.stringify([asOf, va, license]);
