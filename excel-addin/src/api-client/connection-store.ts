import type { Connection } from './client.js';

/** What the task pane remembers between sessions (browser storage of the add-in's origin). */
export interface SavedConnection extends Connection {
  readonly smartAccount: string;
  /** ISO date; empty = today. */
  readonly asOf: string;
}

const KEY = 'trueup.connection';

/**
 * Reads the saved connection. The token stays in the add-in's own storage and is never written
 * into the workbook (a shared workbook must not carry credentials).
 */
export function loadConnection(
  storage: Pick<Storage, 'getItem'>,
  fallbackUrl: string,
): SavedConnection {
  const empty = { apiUrl: fallbackUrl, token: '', smartAccount: '', asOf: '' };
  const raw = storage.getItem(KEY);
  if (!raw) return empty;
  try {
    const parsed = JSON.parse(raw) as Partial<SavedConnection>;
    return {
      apiUrl: typeof parsed.apiUrl === 'string' && parsed.apiUrl ? parsed.apiUrl : fallbackUrl,
      token: typeof parsed.token === 'string' ? parsed.token : '',
      smartAccount: typeof parsed.smartAccount === 'string' ? parsed.smartAccount : '',
      asOf: typeof parsed.asOf === 'string' ? parsed.asOf : '',
    };
  } catch {
    // A damaged entry is as good as none: the user connects again.
    return empty;
  }
}

export function saveConnection(
  storage: Pick<Storage, 'setItem'>,
  connection: SavedConnection,
): void {
  storage.setItem(KEY, JSON.stringify(connection));
}
