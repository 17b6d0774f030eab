/** One flat position row as the BI query selects it. */
export interface FlatPositionRow {
  readonly virtualAccountName: string;
  readonly licenseName: string;
  readonly owned: number;
  readonly ownedSmart: number;
  readonly ownedClassic: number;
  readonly consumed: number;
  readonly reserved: number;
  readonly balance: number;
  readonly shortfall: number;
  readonly surplus: number;
}

const cursorOf = (row: FlatPositionRow) =>
  Buffer.from(JSON.stringify([row.virtualAccountName, row.licenseName]), 'utf8').toString(
    'base64url',
  );

/**
 * The whole position held in memory, sorted as the API sorts it, with the indexes a page lookup
 * needs (cursor → position, Virtual Account → row range): what the floor server pages over.
 */
export class MemoryPosition {
  private readonly indexOfCursor = new Map<string, number>();
  private readonly rangeOfVirtualAccount = new Map<string, [number, number]>();

  constructor(readonly rows: readonly FlatPositionRow[]) {
    rows.forEach((row, i) => {
      this.indexOfCursor.set(cursorOf(row), i);
      const range = this.rangeOfVirtualAccount.get(row.virtualAccountName);
      if (range) range[1] = i + 1;
      else this.rangeOfVirtualAccount.set(row.virtualAccountName, [i, i + 1]);
    });
  }

  /** A Relay connection page; supports the `virtualAccountNames` filter only. */
  page(args: {
    first?: number | null;
    after?: string | null;
    filter?: { virtualAccountNames?: readonly string[] | null } | null;
  }) {
    const names = args.filter?.virtualAccountNames;
    const [rangeStart, end] = names
      ? (this.rangeOfVirtualAccount.get(names[0] ?? '') ?? [0, 0])
      : [0, this.rows.length];
    const totalCount = end - rangeStart;
    const start = args.after ? (this.indexOfCursor.get(args.after) ?? end - 1) + 1 : rangeStart;
    const first = args.first ?? 100;
    const nodes = this.rows.slice(start, Math.min(end, start + first));
    const last = nodes.at(-1);
    return {
      totalCount,
      nodes,
      pageInfo: {
        hasNextPage: start + first < end,
        endCursor: last ? cursorOf(last) : null,
      },
    };
  }
}
