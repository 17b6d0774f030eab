/** Types that implement `Node` and can be fetched by `node(id:)`. */
export const NODE_TYPES = [
  'SmartAccount',
  'VirtualAccount',
  'License',
  'ProductInstance',
  'Reservation',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Opaque global id: base64 of `Type:id` (the Relay convention), e.g. `VmlydHVhbEFjY291bnQ6Nw==`. */
export function toGlobalId(type: NodeType, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64');
}

/** The type and numeric id inside a global id; null for anything else (never throws). */
export function fromGlobalId(globalId: string): { type: NodeType; id: number } | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(globalId)) return null;
  const match = /^([A-Za-z]+):([1-9][0-9]{0,15})$/.exec(
    Buffer.from(globalId, 'base64').toString('utf8'),
  );
  const type = match?.[1] as NodeType | undefined;
  if (!match || !type || !NODE_TYPES.includes(type)) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) ? { type, id } : null;
}
