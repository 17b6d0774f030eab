import { describe, expect, it } from 'vitest';

import { MemoryPosition, type FlatPositionRow } from './memory-position.js';

const row = (virtualAccountName: string, licenseName: string): FlatPositionRow => ({
  virtualAccountName,
  licenseName,
  owned: 1,
  ownedSmart: 1,
  ownedClassic: 0,
  consumed: 0,
  reserved: 0,
  balance: 1,
  shortfall: 0,
  surplus: 1,
});

const rows = [row('A', 'x'), row('A', 'y'), row('B', 'x'), row('B', 'y'), row('B', 'z')];

describe('the in-memory position the floor server pages over', () => {
  it('pages through every row exactly once, in order', () => {
    const position = new MemoryPosition(rows);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ReturnType<MemoryPosition['page']> = position.page({ first: 2, after });
      expect(page.totalCount).toBe(5);
      seen.push(...page.nodes.map((n) => `${n.virtualAccountName}/${n.licenseName}`));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['A/x', 'A/y', 'B/x', 'B/y', 'B/z']);
  });

  it('filters to one Virtual Account', () => {
    const page = new MemoryPosition(rows).page({
      first: 10,
      filter: { virtualAccountNames: ['B'] },
    });
    expect(page.totalCount).toBe(3);
    expect(page.nodes.map((n) => n.licenseName)).toEqual(['x', 'y', 'z']);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('issues the API cursor format (base64url of the JSON sort key)', () => {
    const page = new MemoryPosition(rows).page({ first: 1 });
    const key = JSON.parse(Buffer.from(page.pageInfo.endCursor ?? '', 'base64url').toString());
    expect(key).toEqual(['A', 'x']);
  });
});
