/** An arc of a flow network with an integer capacity. */
export interface FlowArc {
  readonly from: number;
  readonly to: number;
  readonly capacity: number;
}

/**
 * Maximum flow from `source` to `sink` (Dinic: BFS level graph, blocking flows by DFS;
 * O(V²E), integral for integer capacities). Returns the flow on each arc, in `arcs` order.
 */
export function maxFlow(
  nodeCount: number,
  arcs: readonly FlowArc[],
  source: number,
  sink: number,
): number[] {
  const head: number[][] = Array.from({ length: nodeCount }, () => []);
  const to: number[] = [];
  const residual: number[] = [];
  for (const arc of arcs) {
    head[arc.from]?.push(to.length);
    to.push(arc.to);
    residual.push(arc.capacity);
    head[arc.to]?.push(to.length);
    to.push(arc.from);
    residual.push(0);
  }
  const level = new Array<number>(nodeCount);
  const next = new Array<number>(nodeCount);
  const buildLevels = (): boolean => {
    level.fill(-1);
    level[source] = 0;
    const queue = [source];
    for (let i = 0; i < queue.length; i += 1) {
      const node = queue[i] as number;
      for (const edge of head[node] ?? []) {
        const target = to[edge] as number;
        if ((residual[edge] as number) > 0 && level[target] === -1) {
          level[target] = (level[node] as number) + 1;
          queue.push(target);
        }
      }
    }
    return level[sink] !== -1;
  };
  const push = (node: number, limit: number): number => {
    if (node === sink) return limit;
    const edges = head[node] ?? [];
    for (; (next[node] as number) < edges.length; next[node] = (next[node] as number) + 1) {
      const edge = edges[next[node] as number] as number;
      const target = to[edge] as number;
      const room = residual[edge] as number;
      if (room <= 0 || level[target] !== (level[node] as number) + 1) continue;
      const pushed = push(target, Math.min(limit, room));
      if (pushed > 0) {
        residual[edge] = room - pushed;
        residual[edge ^ 1] = (residual[edge ^ 1] as number) + pushed;
        return pushed;
      }
    }
    return 0;
  };
  while (buildLevels()) {
    next.fill(0);
    while (push(source, Number.MAX_SAFE_INTEGER) > 0) {
      // keep pushing along the current level graph until it is blocked
    }
  }
  return arcs.map((arc, index) => arc.capacity - (residual[2 * index] as number));
}

/** Flow on an edge of a bipartite graph, `left` a supplier and `right` a receiver. */
export interface BipartiteFlow {
  readonly left: number;
  readonly right: number;
  readonly flow: number;
}

/**
 * Rewrites a bipartite flow so its edges form a forest, keeping what every node supplies or
 * receives and using only edges already present (so every rule the input respected still
 * holds). Each undirected cycle is cancelled by pushing flow around it until an edge empties.
 * `left` and `right` ids must be distinct numbers.
 */
export function forestFlow(edges: readonly BipartiteFlow[]): BipartiteFlow[] {
  const adjacency = new Map<number, Map<number, number>>();
  const parent = new Map<number, number>();
  const find = (node: number): number => {
    let root = node;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as number;
    parent.set(node, root);
    return root;
  };
  const link = (a: number, b: number, flow: number): void => {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const neighbours = adjacency.get(x) ?? new Map<number, number>();
      adjacency.set(x, neighbours);
      if (flow === 0) neighbours.delete(y);
      else neighbours.set(y, flow);
    }
  };
  const flowOf = (a: number, b: number): number => adjacency.get(a)?.get(b) ?? 0;
  for (const edge of edges) {
    if (edge.flow <= 0) continue;
    const existing = flowOf(edge.left, edge.right);
    if (existing > 0) {
      link(edge.left, edge.right, existing + edge.flow);
      continue;
    }
    const path =
      find(edge.left) === find(edge.right) ? pathBetween(adjacency, edge.right, edge.left) : null;
    if (path === null) {
      parent.set(find(edge.left), find(edge.right));
      link(edge.left, edge.right, edge.flow);
      continue;
    }
    // Cycle left → right → … → left: the path edges alternate −δ (even index) and +δ.
    let delta = Number.MAX_SAFE_INTEGER;
    for (let k = 0; k + 1 < path.length; k += 2) {
      delta = Math.min(delta, flowOf(path[k] as number, path[k + 1] as number));
    }
    for (let k = 0; k + 1 < path.length; k += 1) {
      const [a, b] = [path[k] as number, path[k + 1] as number];
      link(a, b, flowOf(a, b) + (k % 2 === 0 ? -delta : delta));
    }
    link(edge.left, edge.right, edge.flow + delta);
  }
  const lefts = new Set(edges.map((edge) => edge.left));
  const result: BipartiteFlow[] = [];
  for (const left of lefts) {
    for (const [right, flow] of adjacency.get(left) ?? []) result.push({ left, right, flow });
  }
  return result;
}

/** The node path from `start` to `goal` in a forest (BFS), or null when they are not connected. */
function pathBetween(
  adjacency: ReadonlyMap<number, ReadonlyMap<number, number>>,
  start: number,
  goal: number,
): number[] | null {
  const previous = new Map<number, number>([[start, start]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i += 1) {
    const node = queue[i] as number;
    if (node === goal) break;
    for (const neighbour of adjacency.get(node)?.keys() ?? []) {
      if (previous.has(neighbour)) continue;
      previous.set(neighbour, node);
      queue.push(neighbour);
    }
  }
  if (!previous.has(goal)) return null;
  const path = [goal];
  while (path[path.length - 1] !== start)
    path.push(previous.get(path[path.length - 1] as number) as number);
  return path.reverse();
}
