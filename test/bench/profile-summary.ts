// Reads a V8 CPU profile (.cpuprofile) and says where the time went: by area of the request
// path (each sample charged to the deepest frame that belongs to an area, so native calls such
// as JSON.stringify count for whoever called them) and by function (self time).
// `node test/bench/dist/profile-summary.js FILE [REQUESTS]` summarises a saved profile.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Areas of the request path, first match wins (by script URL, or the frame's name). */
const AREAS: readonly (readonly [string, RegExp])[] = [
  ['token check', /\/http\/bearer|access-service|access\/access/],
  ['context', /graphql\/context|graphql\/loaders|\/dataloader\//],
  [
    'cost & limits',
    /query-limits|query-complexity|actual-cost|expensive-fields|http\/complexity|input-bounds|request-budget|(cost|complexity)-cache/,
  ],
  ['response cache', /response-cache/],
  ['reallocation', /domain\/reallocation|services\/reallocation|graphql\/reallocation/],
  ['findings', /domain\/findings|services\/findings|graphql\/findings/],
  [
    'position read',
    /services\/position|current-positions|services\/pagination|row-mappers|domain\//,
  ],
  ['resolvers & type-graphql', /type-graphql|graphql\/(account|position|auth|connection|scalars)/],
  ['graphql-jit', /graphql-jit|fast-json-stringify|jit-executor/],
  ['graphql parse', /graphql\/language\//],
  ['graphql validate', /graphql\/validation\//],
  ['graphql-js other', /node_modules\/graphql\//],
  ['database client', /\/postgres\/|drizzle-orm|@electric-sql|\/db\/dist\/|\/db\/src\//],
  ['logging', /pino|sonic-boom|request-context/],
  ['apollo', /@apollo\/|as-integrations/],
  [
    'express & middleware',
    /express|\/router\/|body-parser|helmet|\/cors\/|security-headers|raw-body|type-is|finalhandler|on-finished|content-type|negotiator|accepts|send\/|serve-static|json-status/,
  ],
  ['node http & streams', /^node:/],
];

const UNCHARGED = new Map([
  ['(garbage collector)', 'GC'],
  ['(idle)', 'idle'],
  ['(program)', 'program (V8/native, no JS frame)'],
]);

function areaOf(url: string, name: string): string | undefined {
  for (const [area, pattern] of AREAS) if (pattern.test(url)) return area;
  return UNCHARGED.get(name);
}

const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);

/** The table of areas and top functions; `requests` (if known) gives µs per request. */
export function summariseProfile(profile: CpuProfile, requests?: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  // The area a sample at node `id` is charged to (memoised per node).
  const charged = new Map<number, string>();
  const chargeOf = (id: number): string => {
    const known = charged.get(id);
    if (known !== undefined) return known;
    // Node's own frames (http, streams, events) are charged to the application code that called
    // them (helmet's setHeader to middleware); only work with no such caller stays Node's.
    let area: string | undefined;
    let core: string | undefined;
    for (let at: number | undefined = id; at !== undefined && !area; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      const found = frame && areaOf(frame.url, frame.functionName);
      if (found === 'node http & streams') core ??= found;
      else area = found;
    }
    const result = area ?? core ?? 'other';
    charged.set(id, result);
    return result;
  };
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
    const area = chargeOf(id);
    areas.set(area, (areas.get(area) ?? 0) + delta);
    if (area !== 'idle') busy += delta;
    const frame = byId.get(id)?.callFrame;
    if (frame && area !== 'idle') {
      const file = frame.url
        .replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '')
        .replace(/^file:\/\/.*\/(api|db|test)\//, '$1/');
      const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
      functions.set(key, (functions.get(key) ?? 0) + delta);
    }
  });
  const perRequest = (us: number) =>
    requests ? `${(us / requests).toFixed(0).padStart(6)} µs/req` : '';
  const lines = [
    `busy ${ms(busy)} ms (${perRequest(busy).trim()})`,
    '',
    'by area (ms, share of busy):',
  ];
  for (const [area, us] of [...areas].sort((a, b) => b[1] - a[1])) {
    const share = area === 'idle' ? '' : `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
    lines.push(
      `  ${area.padEnd(34)} ${ms(us)} ${share.padStart(6)} ${area === 'idle' ? '' : perRequest(us)}`,
    );
  }
  lines.push('', 'top functions by self time:');
  for (const [key, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    lines.push(`  ${ms(us)} ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${key}`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, requests] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary FILE.cpuprofile [REQUESTS]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  process.stdout.write(`${summariseProfile(profile, requests ? Number(requests) : undefined)}\n`);
}
