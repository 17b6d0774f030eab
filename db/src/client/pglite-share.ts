import { rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join, resolve } from 'node:path';

import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';

/** The Unix socket a running `serve` exposes in its data directory. */
export function shareSocketPath(dataDir: string): string {
  return join(resolve(dataDir), 'trueup.sock');
}

type Queue = PGLiteSocketHandlerOptions['queryQueue'];

interface Pending {
  readonly handlerId: number;
  readonly message: Uint8Array;
  readonly onData: (data: Uint8Array) => void;
  readonly resolve: (bytes: number) => void;
  readonly reject: (error: unknown) => void;
}

const READY_FOR_QUERY = 0x5a; // 'Z'
const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
const IDLE = 0x49; // 'I'

/**
 * Serialises socket clients by session, not by message (pglite-socket's own queue interleaves
 * the Parse/Bind/Execute messages of different connections, which share PGlite's one backend and
 * its unnamed statement and portal). A client owns the database from its first message until a
 * Sync or simple Query leaves it idle (outside a transaction); while it owns it, PGlite's
 * transaction lock is held, so the in-process queries and transactions of `serve` wait too.
 */
class SessionGate {
  private readonly waiting: Pending[] = [];
  private owner: number | null = null;
  private release: (() => void) | null = null;
  private running = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void) {
    return new Promise<number>((resolve, reject) => {
      this.waiting.push({ handlerId, message, onData, resolve, reject });
      void this.pump();
    });
  }

  clearQueueForHandler(handlerId: number): void {
    const dropped = this.waiting.filter((p) => p.handlerId === handlerId);
    this.waiting.splice(
      0,
      this.waiting.length,
      ...this.waiting.filter((p) => !dropped.includes(p)),
    );
    for (const item of dropped) item.reject(new Error('client disconnected'));
  }

  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.execProtocolRaw(simpleQuery('ROLLBACK'));
    this.free();
    void this.pump();
  }

  private free() {
    this.owner = null;
    const release = this.release;
    this.release = null;
    release?.();
  }

  /** Takes PGlite's transaction lock and keeps it until `free()`. */
  private acquire(handlerId: number): Promise<void> {
    return new Promise<void>((granted) => {
      void this.db._runExclusiveTransaction(
        () =>
          new Promise<void>((release) => {
            this.owner = handlerId;
            this.release = release;
            granted();
          }),
      );
    });
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index =
          this.owner === null ? 0 : this.waiting.findIndex((p) => p.handlerId === this.owner);
        const [item] = index < 0 ? [] : this.waiting.splice(index, 1);
        if (item === undefined) return;
        if (this.owner === null) await this.acquire(item.handlerId);
        let bytes = 0;
        let tail: Uint8Array = new Uint8Array(0);
        try {
          await this.db.execProtocolRawStream(item.message, {
            onRawData: (data) => {
              bytes += data.length;
              tail = lastBytes(tail, data, 6);
              item.onData(data);
            },
          });
        } catch (error) {
          this.free();
          item.reject(error);
          continue;
        }
        const type = item.message[0];
        const startup = type === 0; // the startup packet begins with its length, not a type
        const endsBatch = type === SYNC || type === QUERY || startup;
        const idle = tail[0] === READY_FOR_QUERY && tail[5] === IDLE;
        if (type === TERMINATE || (endsBatch && idle && !this.db.isInTransaction())) this.free();
        item.resolve(bytes);
      }
    } finally {
      this.running = false;
    }
  }
}

function lastBytes(previous: Uint8Array, data: Uint8Array, n: number): Uint8Array {
  const joined = new Uint8Array(previous.length + data.length);
  joined.set(previous);
  joined.set(data, previous.length);
  return joined.slice(Math.max(0, joined.length - n));
}

function simpleQuery(text: string): Uint8Array {
  const body = Buffer.from(`${text}\0`, 'utf8');
  const message = Buffer.alloc(5 + body.length);
  message[0] = QUERY;
  message.writeInt32BE(4 + body.length, 1);
  body.copy(message, 5);
  return message;
}

export interface DatabaseShare {
  readonly path: string;
  close(): Promise<void>;
}

/**
 * Exposes an open PGlite on a Unix socket (PostgreSQL wire protocol, through pglite-socket's
 * connection handler) so other processes on this machine can use the database while this one
 * holds the data directory. Only the owner of the directory may call this.
 */
export async function shareDatabase(db: PGlite, dataDir: string): Promise<DatabaseShare> {
  const path = shareSocketPath(dataDir);
  rmSync(path, { force: true }); // left by a process that died; we hold the lock now
  const gate = new SessionGate(db) as unknown as Queue;
  const handlers = new Set<PGLiteSocketHandler>();
  const server: Server = createServer((socket: Socket) => {
    const handler = new PGLiteSocketHandler({ queryQueue: gate, closeOnDetach: true });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    handler.attach(socket).catch(() => socket.destroy());
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(path, () => ready());
  });
  return {
    path,
    async close() {
      for (const handler of handlers) await handler.detach(true);
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(path, { force: true });
    },
  };
}
