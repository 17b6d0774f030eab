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
