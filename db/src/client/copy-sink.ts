import { once } from 'node:events';
import type { Writable } from 'node:stream';

import { copyStatement, quoteIdentifier, toCopyLine } from './csv.js';
import type { CopyRow, Db } from './types.js';

/**
 * Rows pushed one at a time into `COPY … FROM` on the connection of a transaction (or of the
 * database), with memory bounded by `chunkBytes`: PostgreSQL streams them through one
 * `COPY … FROM STDIN` (postgres.js `writable()`, waiting for the socket to drain); PGlite, whose
 * `COPY … FROM '/dev/blob'` takes a whole blob, runs one COPY per chunk.
 *
 * While a PostgreSQL COPY is open its connection runs nothing else: finish (`end`) before the
 * next statement on the transaction. `abort` cancels the COPY (CopyFail), so the transaction
 * rolls back cleanly.
 */
export interface CopySink {
  write(row: CopyRow): Promise<void> | undefined;
  /** Sends what is left and ends the COPY; returns the rows copied. */
  end(): Promise<number>;
  abort(error: Error): Promise<void>;
}

interface PostgresJsLike {
  unsafe(query: string, params?: never): { writable(): Promise<Writable> } & PromiseLike<unknown>;
}

/**
 * Set when this process reaches a PGlite database through a running server's socket
 * (`connectToSharedPglite`): COPY FROM STDIN over that socket terminates PGlite's backend
 * (pglite 0.5.17, pglite-socket 0.2.17), so sinks insert in batches instead.
 */
let copyOverSocketUnsafe = false;
export function markCopyOverSocketUnsafe(): void {
  copyOverSocketUnsafe = true;
}

/** Batched multi-row INSERTs with the same contract (memory bounded by the batch). */
export function insertSink(
  client: PostgresJsLike,
  table: string,
  columns: readonly string[],
): CopySink {
  const perBatch = Math.max(1, Math.floor(30_000 / Math.max(1, columns.length)));
  const names = columns.map(quoteIdentifier).join(', ');
  let rows = 0;
  let batch: CopyRow[] = [];
  const flush = async () => {
    const params: unknown[] = [];
    const tuples = batch.map(
      (row) => `(${row.map((value) => `$${params.push(value ?? null)}`).join(', ')})`,
    );
    batch = [];
    await client.unsafe(
      `INSERT INTO ${quoteIdentifier(table)} (${names}) VALUES ${tuples.join(', ')}`,
      params as never,
    );
  };
  return {
    write(row) {
      rows++;
      batch.push(row);
      return batch.length >= perBatch ? flush() : undefined;
    },
    async end() {
      if (batch.length > 0) await flush();
      return rows;
    },
    abort: () => Promise.resolve(),
  };
}
interface PgliteLike {
  query(query: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

/** The driver connection under a drizzle database or transaction (drizzle keeps it there). */
function driverOf(executor: Db): PostgresJsLike | PgliteLike {
  const session = (executor as unknown as { session?: { client?: unknown } }).session;
  if (!session?.client) throw new Error('openCopy: not a drizzle database or transaction');
  return session.client as PostgresJsLike | PgliteLike;
}

/**
 * Text sent per write to a PostgreSQL COPY stream. Small on purpose: a chunk string that lives
 * through two young-generation collections is promoted, and promoted garbage grew the heap by
 * ~100 MB per 200,000 rows before a full collection (measured with --trace-gc at 1 MiB).
 */
const STREAM_CHUNK_CHARS = 64 * 1024;

export async function openCopy(
  executor: Db,
  table: string,
  columns: readonly string[],
  pgliteChunkBytes = 1 << 20,
): Promise<CopySink> {
  const client = driverOf(executor);
  let rows = 0;
  let chunk = '';
  if ('unsafe' in client && copyOverSocketUnsafe) return insertSink(client, table, columns);
  if ('unsafe' in client) {
    const chunkBytes = STREAM_CHUNK_CHARS;
    const writable = await client.unsafe(copyStatement(table, columns, 'STDIN')).writable();
    let failed: Error | null = null;
    writable.on('error', (error: Error) => (failed ??= error));
    const flush = async () => {
      const text = chunk;
      chunk = '';
      if (failed) throw failed;
      if (!writable.write(text)) await once(writable, 'drain');
    };
    return {
      write(row) {
        rows++;
        chunk += toCopyLine(row);
        return chunk.length >= chunkBytes ? flush() : undefined;
      },
      async end() {
        if (chunk.length > 0) await flush();
        writable.end();
        if (!writable.writableFinished) await once(writable, 'finish');
        if (failed) throw failed;
        return rows;
      },
      async abort(error) {
        if (writable.destroyed) return;
        writable.destroy(error);
        await once(writable, 'close').catch(() => undefined);
      },
    };
  }
  const chunkBytes = pgliteChunkBytes;
  const statement = copyStatement(table, columns, `'/dev/blob'`);
  const flush = async () => {
    const blob = new Blob([chunk]);
    chunk = '';
    await client.query(statement, [], { blob });
  };
  return {
    write(row) {
      rows++;
      chunk += toCopyLine(row);
      return chunk.length >= chunkBytes ? flush() : undefined;
    },
    async end() {
      if (chunk.length > 0) await flush();
      return rows;
    },
    abort: () => Promise.resolve(),
  };
}
