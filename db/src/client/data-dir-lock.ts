import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

/** Thrown when another live process holds the PGlite data directory. */
export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `the data directory ${dataDir} is in use by process ${holder.pid}` +
        (holder.purpose ? ` (${holder.purpose})` : '') +
        '; embedded PGlite allows one process at a time: stop it, use another --data-dir, or set DATABASE_URL',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface LockHolder {
  readonly pid: number;
  readonly purpose?: string;
  /** The Unix socket on which the holder (a running `serve`) shares the database, if it does. */
  readonly socket?: string;
}

const LOCK_FILE = 'trueup.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    // Unreadable or half-written lock: treat as stale.
    return undefined;
  }
}

/**
 * Takes an exclusive, process-level lock on a data directory (atomic `O_EXCL` create of a lock
 * file holding our pid). A lock left by a dead process is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string, purpose?: string): () => void {
  return takeLock(dataDir, purpose).release;
}

/** Like `lockDataDir`, and lets the holder add the socket it shares the database on. */
export function takeLock(
  dataDir: string,
  purpose?: string,
): { release: () => void; advertise: (socket: string) => void } {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, purpose }));
      closeSync(fd);
      return {
        release: () => rmSync(path, { force: true }),
        advertise: (socket) =>
          writeFileSync(path, JSON.stringify({ pid: process.pid, purpose, socket })),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DataDirLockedError(dataDir, holder);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock the data directory ${dataDir}`);
}
