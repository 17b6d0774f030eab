import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The `trueup` bin as installed (`./trueup` and `pnpm trueup` run it too). */
const BIN = fileURLToPath(new URL('../../api/bin/trueup.js', import.meta.url));

export interface ServeProcess {
  readonly graphqlUrl: string;
  readonly url: string;
  readonly pid: number;
  /** Everything it has written so far (stdout and stderr: JSON log lines and the banner). */
  output(): string;
  /** The JSON log lines so far, parsed. */
  logLines(): Record<string, unknown>[];
  /** SIGTERM, then waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts `trueup serve --port 0` as its own process with `env` added to a clean environment
 * (give `DATABASE_URL` or `TRUEUP_DATA_DIR`), logging JSON lines at `info`; resolves once the
 * banner shows where it listens.
 */
export function startServeProcess(env: Record<string, string>): Promise<ServeProcess> {
  const { DATABASE_URL: _ignored, TRUEUP_DATA_DIR: _alsoIgnored, ...rest } = process.env;
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
    env: { ...rest, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const graphqlUrl = /GraphQL:\s+(\S+)/.exec(output)?.[1];
      if (graphqlUrl && /Try it:[\s\S]*\n\n/.test(output)) {
        resolve({
          graphqlUrl,
          url: new URL('/', graphqlUrl).toString().replace(/\/$/, ''),
          pid: child.pid!,
          output: () => output,
          logLines: () =>
            output
              .split('\n')
              .filter((line) => line.startsWith('{'))
              .map((line) => JSON.parse(line) as Record<string, unknown>),
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() =>
      reject(new Error(`trueup serve exited before it was ready:\n${output}`)),
    );
  });
}
