import { seedDemo, type DbHandle } from '../../db/src/index.js';

import { createTestDb } from './test-db.js';
import { startTestApi, type TestApi } from './test-server.js';

/** The API over a fresh database holding the small demo estate; `close()` closes both. */
export interface DemoApi extends TestApi {
  /** The database the API runs on (to read it directly, or to build more services). */
  readonly handle: DbHandle;
}

/**
 * A fresh test database seeded with the small demo estate as of `today`, and the API over it
 * with "today" fixed to `today` and an install-wide ADMIN token as the default (see
 * `startTestApi`). The setup most GraphQL, browser and hardening tests share.
 */
export async function startDemoApi(today: string): Promise<DemoApi> {
  const handle = await createTestDb();
  try {
    await seedDemo(handle, { preset: 'small', referenceDate: today });
    const api = await startTestApi(handle, today);
    return {
      ...api,
      handle,
      close: async () => {
        await api.close();
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
