import { assert } from '../errors.js';

import { forestFlow, maxFlow, type BipartiteFlow, type FlowArc } from './flow.js';

/** A Virtual Account that gives (movable surplus) or receives (shortfall) one license. */
export interface Party {
  readonly virtualAccountId: number;
  readonly amount: number;
  /** Policy class (see `policyClassKey`). */
  readonly classKey: string;
}

interface ClassStream {
  readonly key: string;
  /** Members, largest amount first (ties by id), so a class uses as few Virtual Accounts as it can. */
  readonly ids: number[];
  readonly remaining: number[];
  readonly total: number;
  cursor: number;
}

function streams(parties: readonly Party[]): ClassStream[] {
  const byKey = new Map<string, Party[]>();
  for (const party of parties) {
    const members = byKey.get(party.classKey);
    if (members) members.push(party);
    else byKey.set(party.classKey, [party]);
  }
  // Largest class first: the max flow then fills shortfalls from big classes before small
  // ones, which tends to need fewer moves (the maximum is the same in any order).
  const classes = [...byKey].map(([key, members]): ClassStream => {
    members.sort((a, b) => b.amount - a.amount || a.virtualAccountId - b.virtualAccountId);
    let total = 0;
    for (const member of members) total += member.amount;
    return {
      key,
      ids: members.map((member) => member.virtualAccountId),
      remaining: members.map((member) => member.amount),
      total,
      cursor: 0,
    };
  });
  return classes.sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1));
}

/** Maximum flow between classes: source → supplier class → (allowed arc) → receiver class → sink. */
function classFlows(
  suppliers: readonly ClassStream[],
  receivers: readonly ClassStream[],
  allowed: (fromKey: string, toKey: string) => boolean,
): BipartiteFlow[] {
  const sink = 1 + suppliers.length + receivers.length;
  const arcs: FlowArc[] = [];
  const middle: { left: number; right: number }[] = [];
  suppliers.forEach((supplier, i) => {
    arcs.push({ from: 0, to: 1 + i, capacity: supplier.total });
    receivers.forEach((receiver, j) => {
      if (!allowed(supplier.key, receiver.key)) return;
      middle.push({ left: i, right: suppliers.length + j });
      arcs.push({ from: 1 + i, to: 1 + suppliers.length + j, capacity: supplier.total });
    });
  });
  receivers.forEach((receiver, j) => {
    arcs.push({ from: 1 + suppliers.length + j, to: sink, capacity: receiver.total });
  });
  const flows = maxFlow(sink + 1, arcs, 0, sink);
  const result: BipartiteFlow[] = [];
  let m = 0;
  arcs.forEach((arc, index) => {
    if (arc.from === 0 || arc.to === sink) return;
    const pair = middle[m] as { left: number; right: number };
    m += 1;
    const flow = flows[index] as number;
    if (flow > 0) result.push({ ...pair, flow });
  });
  return result;
}

/** Receives each planned move: units of the license from one Virtual Account to another. */
export type EmitMove = (
  fromVirtualAccountId: number,
  toVirtualAccountId: number,
  quantity: number,
) => void;

/** Moves `flow` units from a supplier class to a receiver class, each stream from its cursor on. */
function realise(supplier: ClassStream, receiver: ClassStream, flow: number, emit: EmitMove): void {
  let left = flow;
  while (left > 0) {
    const from = supplier.cursor;
    const to = receiver.cursor;
    const fromLeft = supplier.remaining[from];
    const toLeft = receiver.remaining[to];
    assert(
      fromLeft !== undefined && toLeft !== undefined,
      'INVALID_QUANTITY',
      'class flow exceeds its Virtual Accounts (a bug)',
    );
    const quantity = Math.min(left, fromLeft, toLeft);
    emit(supplier.ids[from] as number, receiver.ids[to] as number, quantity);
    supplier.remaining[from] = fromLeft - quantity;
    receiver.remaining[to] = toLeft - quantity;
    left -= quantity;
    if (fromLeft === quantity) supplier.cursor += 1;
    if (toLeft === quantity) receiver.cursor += 1;
  }
}

/**
 * Plans the moves of one license: a maximum flow from suppliers to receivers over the
 * allowed arcs, realised with few moves.
 *
 * 1. Virtual Accounts are grouped into policy classes; the transportation problem between
 *    classes (arcs = allowed class pairs, unbounded; supplies and demands = class totals) is a
 *    max-flow problem, solved exactly (Dinic) on a network of at most #classes + 2 nodes.
 *    Any VA-level flow aggregates to a class flow of the same value, and any class flow can be
 *    realised at VA level (members of a class are interchangeable), so the cured units are
 *    the maximum over all plans that respect the arcs.
 * 2. Cycles in the class flow are cancelled (`forestFlow`), so the class edges form a forest.
 * 3. Each tree is walked breadth first; each class edge (parent, child) is realised by the
 *    north-west corner rule between the two classes' streams (largest first). When an edge is
 *    realised its child class is still untouched, so the moves it adds attach to the earlier
 *    ones through at most one Virtual Account: the VA-level moves form a forest too, hence at
 *    most (Virtual Accounts involved − connected components) moves, i.e. sources + sinks − 1
 *    per component. Minimising the number of moves exactly is NP-hard (it contains subset
 *    sum: can a surplus be covered by one move each?), so this is the bound we give.
 */
export function planLicense(
  suppliers: readonly Party[],
  receivers: readonly Party[],
  allowed: (fromKey: string, toKey: string) => boolean,
  emit: EmitMove,
): void {
  const supplierStreams = streams(suppliers);
  const receiverStreams = streams(receivers);
  const edges = forestFlow(classFlows(supplierStreams, receiverStreams, allowed));
  const adjacency = new Map<number, { node: number; flow: number }[]>();
  for (const edge of edges) {
    for (const [a, b] of [
      [edge.left, edge.right],
      [edge.right, edge.left],
    ] as const) {
      const list = adjacency.get(a) ?? [];
      list.push({ node: b, flow: edge.flow });
      adjacency.set(a, list);
    }
  }
  const visited = new Set<number>();
  const stream = (node: number): ClassStream =>
    (node < supplierStreams.length
      ? supplierStreams[node]
      : receiverStreams[node - supplierStreams.length]) as ClassStream;
  for (const root of [...adjacency.keys()].sort((a, b) => a - b)) {
    if (visited.has(root)) continue;
    visited.add(root);
    const queue = [root];
    for (let i = 0; i < queue.length; i += 1) {
      const node = queue[i] as number;
      for (const { node: child, flow } of adjacency.get(node) ?? []) {
        if (visited.has(child)) continue;
        visited.add(child);
        queue.push(child);
        const [supplier, receiver] = node < supplierStreams.length ? [node, child] : [child, node];
        realise(stream(supplier), stream(receiver), flow, emit);
      }
    }
  }
}
