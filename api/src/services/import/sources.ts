import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';

import type { ImportFormat } from '../../ingest/index.js';
import { SNIFF_BYTES } from '../../ingest/index.js';

/** An input that can be read more than once (format sniffing, digest, the import's one parse). */
export interface ImportSource {
  readonly fileName: string;
  readonly format?: ImportFormat | undefined;
  /** Size in bytes when known (files), for progress. */
  readonly size?: number | undefined;
  open(): AsyncIterable<string | Uint8Array>;
}

/** A file on disk, streamed in 64 KiB chunks (never loaded whole). */
export function fileSource(path: string, format?: ImportFormat): ImportSource {
  return {
    fileName: basename(path),
    format,
    size: statSync(path).size,
    open: () => createReadStream(path, { highWaterMark: 64 * 1024 }),
  };
}

/** Content already in memory (GraphQL `importData`). */
export function textSource(fileName: string, content: string, format?: ImportFormat): ImportSource {
  return {
    fileName,
    format,
    async *open() {
      yield content;
    },
  };
}

/** The first SNIFF_BYTES of a source, as text, for format detection. */
export async function sniff(source: ImportSource): Promise<string> {
  const decoder = new TextDecoder();
  let head = '';
  for await (const chunk of source.open()) {
    head += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (head.length >= SNIFF_BYTES) break;
  }
  return head.slice(0, SNIFF_BYTES);
}

/** The same source, counting the bytes it reads into `progress`. */
export function withProgress(
  source: ImportSource,
  progress: { bytes(count: number): void },
): ImportSource {
  return {
    ...source,
    async *open() {
      for await (const chunk of source.open()) {
        progress.bytes(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength);
        yield chunk;
      }
    },
  };
}
