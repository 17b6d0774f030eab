import postgres from 'postgres';

type Admin = ReturnType<typeof postgres>;

/** Name of the migrated template database used by one test run. */
export function templateDatabaseName(): string {
  return `trueup_template_${process.pid}`;
}

/** Runs `work` with a one-connection client to the server's maintenance database. */
export async function withAdminClient<T>(
  url: string,
  work: (admin: Admin) => Promise<T>,
): Promise<T> {
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => undefined });
  try {
    return await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/**
 * Takes `select … for update` (`lockQuery`, one statement) on its own connection to `url` and holds
 * the row lock until `release` is called: a writer that needs the row waits at that point.
 * Returns the holder's backend pid (to leave it out of pg_stat_activity probes) and `release`.
 */
export async function holdRowLock(
  url: string,
  lockQuery: string,
): Promise<{ pid: number; release: () => Promise<void> }> {
  const holder = postgres(url, { max: 1, onnotice: () => undefined });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: (pid: number) => void;
  const isLocked = new Promise<number>((resolve) => (locked = resolve));
  const holding = holder.begin(async (tx) => {
    const [row] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
    await tx.unsafe(lockQuery);
    locked(row!.pid);
    await released;
  });
  holding.catch(() => undefined);
  const pid = await Promise.race([isLocked, holding.then(() => -1)]);
  return {
    pid,
    release: async () => {
      release();
      await holding;
      await holder.end({ timeout: 5 });
    },
  };
}
