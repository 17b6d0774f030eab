import type { AccountEventKind } from '../records.js';

/** Every event kind, in the order lists show them (the CLI's `--kind` choices). */
export const ACCOUNT_EVENT_KINDS = [
  'SLR_RESERVE',
  'SLR_UPDATE',
  'SLR_RETURN',
  'SLR_TRANSFER',
  'LICENSE_ADD',
  'LICENSE_REMOVE',
  'LICENSE_TRANSFER',
  'VIRTUAL_ACCOUNT_RENAME',
  'TOKEN_CREATE',
  'SATELLITE_SYNC_NETWORK',
  'SATELLITE_SYNC_FILE',
  'SATELLITE_SYNC_FAILED_REMOVED',
  'OTHER',
] as const satisfies readonly AccountEventKind[];

/**
 * How Event Log messages map to event kinds.
 *
 * INFERRED, ALL OF IT. Cisco's help pages confirm which events the log records (SLR reserve,
 * update, cancel and transfer; license add and remove; Virtual Account rename; token
 * generation; "Satellite synchronized via network", "Satellite file synchronization",
 * "Satellite failed to sync and removed") but no public source shows the exact text of any
 * message beyond those three satellite phrases. The patterns below are a best guess, written
 * tolerant (case, optional quotes, optional names, a trailing full stop); this table is the one
 * place to correct them when a real export shows otherwise. A message no pattern matches is
 * kept as OTHER, never an error.
 *
 * The first matching pattern wins. Named captures: `license`, `quantity`, `device`,
 * `fromVirtualAccount`, `toVirtualAccount`, `virtualAccount`, `satellite`; a name may carry a
 * digit suffix (`satellite2`) where one pattern has two places for it.
 */
export const EVENT_MESSAGE_PATTERNS: readonly {
  readonly kind: AccountEventKind;
  readonly pattern: RegExp;
}[] = [
  // Satellite (SSM On-Prem) synchronisation: `Satellite "sat-east-01" synchronized via network`,
  // `Satellite synchronized via network: sat-east-01`, `Satellite file synchronization for X`.
  {
    kind: 'SATELLITE_SYNC_FAILED_REMOVED',
    pattern:
      /^satellite\s+(?:"?(?<satellite>[^"]+?)"?\s+)?failed\s+to\s+sync(?:hroni[sz]e)?\s+and\s+(?:was\s+)?removed\b(?:\s*[:-]\s*|\s+(?:from\s+)?)?"?(?<satellite2>[^"]*?)"?\.?$/i,
  },
  {
    kind: 'SATELLITE_SYNC_NETWORK',
    pattern:
      /^satellite\s+(?:"?(?<satellite>[^"]+?)"?\s+)?(?:was\s+)?synchroni[sz]ed\s+via\s+network\b(?:\s*[:-]\s*|\s+(?:for\s+)?)?"?(?<satellite2>[^"]*?)"?\.?$/i,
  },
  {
    kind: 'SATELLITE_SYNC_FILE',
    pattern:
      /^satellite\s+(?:"?(?<satellite>[^"]+?)"?\s+)?(?:file\s+synchroni[sz]ation|(?:was\s+)?synchroni[sz]ed\s+via\s+file)\b(?:\s+(?:completed|succeeded|successful))?(?:\s*[:-]\s*|\s+(?:for\s+)?)?"?(?<satellite2>[^"]*?)"?\.?$/i,
  },
  // SLR: `License reservation created for product instance "UDI_PID:C9300-24P; UDI_SN:FOC1;"`,
  // `Reserved 2 licenses of "C9300 Network Advantage" on product instance …`.
  {
    kind: 'SLR_RESERVE',
    pattern:
      /^reserved\s+(?<quantity>\d+)\s+(?:licen[cs]es?\s+of\s+)?"?(?<license>.+?)"?\s+(?:on|for)\s+(?:the\s+)?(?:product\s+instance|device)\s+"?(?<device>.+?)"?\.?$/i,
  },
  {
    kind: 'SLR_RESERVE',
    pattern:
      /^(?:specific\s+|universal\s+)?licen[cs]e\s+reservation\s+(?:was\s+)?(?:created|reserved|authori[sz]ed|generated)\b(?:.*?\b(?:on|for)\s+(?:the\s+)?(?:product\s+instance|device)\s+"?(?<device>.+?)"?)?\.?$/i,
  },
  {
    kind: 'SLR_UPDATE',
    pattern:
      /^(?:specific\s+|universal\s+)?licen[cs]e\s+reservation\s+(?:was\s+)?updated\b(?:.*?\b(?:on|for)\s+(?:the\s+)?(?:product\s+instance|device)\s+"?(?<device>.+?)"?)?\.?$/i,
  },
  {
    kind: 'SLR_UPDATE',
    pattern:
      /^updated\s+(?:the\s+)?(?:licen[cs]e\s+)?reservation\s+(?:on|for)\s+(?:the\s+)?(?:product\s+instance|device)\s+"?(?<device>.+?)"?\.?$/i,
  },
  {
    kind: 'SLR_RETURN',
    pattern:
      /^(?:specific\s+|universal\s+)?licen[cs]e\s+reservation\s+(?:was\s+)?(?:cancell?ed|returned|removed)\b(?:.*?\b(?:on|for|from)\s+(?:the\s+)?(?:product\s+instance|device)\s+"?(?<device>.+?)"?)?\.?$/i,
  },
  {
    kind: 'SLR_RETURN',
    pattern:
      /^(?:reserved\s+)?licen[cs]es\s+returned\s+from\s+(?:the\s+)?(?:product\s+instance|device)\s+"?(?<device>.+?)"?\.?$/i,
  },
  {
    kind: 'SLR_TRANSFER',
    pattern:
      /^(?:specific\s+|universal\s+)?licen[cs]e\s+reservation\s+(?:was\s+)?transferred\b(?:.*?\b(?:of|for)\s+(?:the\s+)?(?:product\s+instance|device)\s+"?(?<device>.+?)"?)?(?:\s+from\s+(?:virtual\s+account\s+)?"?(?<fromVirtualAccount>.+?)"?)?(?:\s+to\s+(?:virtual\s+account\s+)?"?(?<toVirtualAccount>.+?)"?)?\.?$/i,
  },
  // Licenses between Virtual Accounts: `5 licenses of "X" transferred from VA "A" to VA "B"`.
  {
    kind: 'LICENSE_TRANSFER',
    pattern:
      /^(?<quantity>\d+)\s+licen[cs]es?\s+of\s+"?(?<license>.+?)"?\s+(?:were\s+|was\s+)?transferred\s+from\s+(?:virtual\s+account\s+|va\s+)?"?(?<fromVirtualAccount>.+?)"?\s+to\s+(?:virtual\s+account\s+|va\s+)?"?(?<toVirtualAccount>.+?)"?\.?$/i,
  },
  {
    kind: 'LICENSE_TRANSFER',
    pattern:
      /^transferred\s+(?<quantity>\d+)\s+(?:licen[cs]es?\s+of\s+)?"?(?<license>.+?)"?\s+from\s+(?:virtual\s+account\s+|va\s+)?"?(?<fromVirtualAccount>.+?)"?\s+to\s+(?:virtual\s+account\s+|va\s+)?"?(?<toVirtualAccount>.+?)"?\.?$/i,
  },
  {
    kind: 'LICENSE_ADD',
    pattern:
      /^(?<quantity>\d+)\s+licen[cs]es?\s+of\s+"?(?<license>.+?)"?\s+(?:were\s+|was\s+)?added(?:\s+to\s+(?:virtual\s+account\s+|va\s+)?"?(?<toVirtualAccount>.+?)"?)?\.?$/i,
  },
  {
    kind: 'LICENSE_ADD',
    pattern:
      /^added\s+(?<quantity>\d+)\s+(?:licen[cs]es?\s+of\s+)?"?(?<license>.+?)"?(?:\s+to\s+(?:virtual\s+account\s+|va\s+)?"?(?<toVirtualAccount>.+?)"?)?\.?$/i,
  },
  {
    kind: 'LICENSE_REMOVE',
    pattern:
      /^(?<quantity>\d+)\s+licen[cs]es?\s+of\s+"?(?<license>.+?)"?\s+(?:were\s+|was\s+)?removed(?:\s+from\s+(?:virtual\s+account\s+|va\s+)?"?(?<fromVirtualAccount>.+?)"?)?\.?$/i,
  },
  {
    kind: 'LICENSE_REMOVE',
    pattern:
      /^removed\s+(?<quantity>\d+)\s+(?:licen[cs]es?\s+of\s+)?"?(?<license>.+?)"?(?:\s+from\s+(?:virtual\s+account\s+|va\s+)?"?(?<fromVirtualAccount>.+?)"?)?\.?$/i,
  },
  // `Virtual Account "Lab" renamed to "Lab-EMEA"`.
  {
    kind: 'VIRTUAL_ACCOUNT_RENAME',
    pattern:
      /^(?:virtual\s+account|va)\s+"?(?<fromVirtualAccount>.+?)"?\s+(?:was\s+)?renamed\s+to\s+"?(?<toVirtualAccount>.+?)"?\.?$/i,
  },
  // `Product Instance Registration Token created for Virtual Account "Sales-West"`.
  {
    kind: 'TOKEN_CREATE',
    pattern:
      /^(?:new\s+)?(?:product\s+instance\s+registration\s+|registration\s+)?token\s+(?:was\s+)?(?:created|generated)\b(?:.*?\bfor\s+(?:virtual\s+account\s+|va\s+)?"?(?<virtualAccount>.+?)"?)?\.?$/i,
  },
  {
    kind: 'TOKEN_CREATE',
    pattern:
      /^(?:created|generated)\s+(?:an?\s+)?(?:new\s+)?(?:product\s+instance\s+registration\s+|registration\s+)?token\b(?:.*?\bfor\s+(?:virtual\s+account\s+|va\s+)?"?(?<virtualAccount>.+?)"?)?\.?$/i,
  },
];

/** What a message says, by capture name (digit suffixes folded: `satellite2` → `satellite`). */
export interface ReadMessage {
  readonly kind: AccountEventKind;
  readonly license: string | null;
  readonly quantity: number | null;
  readonly device: string | null;
  readonly udiPid: string | null;
  readonly udiSerial: string | null;
  readonly fromVirtualAccount: string | null;
  readonly toVirtualAccount: string | null;
  readonly virtualAccount: string | null;
  readonly satellite: string | null;
}

const UDI_PID = /\b(?:UDI_PID|PID|P)\s*:\s*([^;,\s]+)/i;
const UDI_SN = /\b(?:UDI_SN|SN|S)\s*:\s*([^;,\s"]+)/i;

/** Reads a message through `EVENT_MESSAGE_PATTERNS`; OTHER with nothing parsed when none fits. */
export function readEventMessage(message: string): ReadMessage {
  const text = message.trim().replace(/\s+/g, ' ');
  for (const { kind, pattern } of EVENT_MESSAGE_PATTERNS) {
    const groups = pattern.exec(text)?.groups;
    if (!groups) continue;
    const found = new Map<string, string>();
    for (const [name, value] of Object.entries(groups)) {
      const trimmed = value?.trim();
      const key = name.replace(/\d+$/, '');
      if (trimmed && !found.has(key)) found.set(key, trimmed);
    }
    const device = found.get('device') ?? null;
    return {
      kind,
      license: found.get('license') ?? null,
      quantity: found.has('quantity') ? Number(found.get('quantity')) : null,
      device,
      udiPid: (device && UDI_PID.exec(device)?.[1]) ?? null,
      udiSerial: (device && UDI_SN.exec(device)?.[1]) ?? null,
      fromVirtualAccount: found.get('fromVirtualAccount') ?? null,
      toVirtualAccount: found.get('toVirtualAccount') ?? null,
      virtualAccount: found.get('virtualAccount') ?? null,
      satellite: found.get('satellite') ?? null,
    };
  }
  return {
    kind: 'OTHER',
    license: null,
    quantity: null,
    device: null,
    udiPid: null,
    udiSerial: null,
    fromVirtualAccount: null,
    toVirtualAccount: null,
    virtualAccount: null,
    satellite: null,
  };
}
