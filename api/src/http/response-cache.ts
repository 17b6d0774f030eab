import type { RequestRecord } from './request-context.js';

/** One remembered answer: what Apollo sent, byte for byte, and what the request log says of it. */
export interface CachedResponse {
  readonly body: Buffer;
  readonly headers: readonly (readonly [string, string])[];
  readonly operationName: string | null | undefined;
  readonly cost: number | undefined;
}

/** The body of a GraphQL POST, as `express.json` parsed it. */
export interface GraphqlBody {
  readonly query?: unknown;
  readonly variables?: unknown;
  readonly operationName?: unknown;
}

/**
 * What a response depends on, or undefined when it must not be remembered: given the caller's
 * access and the request, a string naming the caller's scope and the version of every datum the
 * answer reads. Two requests with the same stamp, document, variables and `Accept` get the same
 * answer. Computing it must see every commit made before it is called. It may note on the
 * request's record what it read (the request then answers from that).
 */
export type ResponseStamp<A> = (
  access: A,
  body: GraphqlBody,
  record: RequestRecord,
) => Promise<string | undefined>;

/** Bytes of answers kept (least recently used out first); a BI page of 5,000 lines is ~1 MB. */
const MAX_BYTES = 64 * 1024 * 1024;
/** Documents longer than this are not remembered (nor their variables). */
const MAX_KEY_CHARS = 16 * 1024;

/**
 * Serialised GraphQL answers keyed by (stamp, Accept, document, operation, variables). A stamp
 * moves with every write the answer depends on, so an entry is never served after such a write;
 * entries of older stamps age out. Requests that miss together on one key wait for the first
 * one's answer instead of computing it again (the first read after an import, under load).
 */
export function responseCache() {
  const entries = new Map<string, CachedResponse>();
  const pending = new Map<string, Promise<CachedResponse | undefined>>();
  let bytes = 0;
  const evict = () => {
    for (const [key, entry] of entries) {
      if (bytes <= MAX_BYTES) break;
      entries.delete(key);
      bytes -= entry.body.length;
    }
  };
  return {
    /** The key of a request, or undefined when it is too large to remember. */
    keyOf(stamp: string, accept: string | undefined, body: GraphqlBody): string | undefined {
      if (typeof body.query !== 'string') return undefined;
      const variables = body.variables === undefined ? '' : JSON.stringify(body.variables);
      const key = `${stamp}\n${accept ?? ''}\n${String(body.operationName ?? '')}\n${variables}\n${body.query}`;
      return key.length > MAX_KEY_CHARS ? undefined : key;
    },
    get(key: string): CachedResponse | undefined {
      const entry = entries.get(key);
      if (entry) {
        entries.delete(key);
        entries.set(key, entry);
      }
      return entry;
    },
    /** The answer another request is computing for `key`, if any. */
    pending: (key: string) => pending.get(key),
    /** Marks `key` as being computed until `answer` settles (undefined: not rememberable). */
    compute(key: string, answer: Promise<CachedResponse | undefined>): void {
      pending.set(key, answer);
      void answer
        .then((entry) => {
          if (!entry) return;
          const old = entries.get(key);
          if (old) bytes -= old.body.length;
          entries.delete(key);
          entries.set(key, entry);
          bytes += entry.body.length;
          evict();
        })
        .catch(() => undefined)
        .finally(() => pending.delete(key));
    },
  };
}

export type ResponseCache = ReturnType<typeof responseCache>;
