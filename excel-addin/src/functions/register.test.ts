import { describe, expect, it, vi } from 'vitest';

/** Excel's custom-functions runtime, as far as register.ts uses it. */
class RuntimeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const associated = new Map<string, (...args: unknown[]) => Promise<number>>();
vi.stubGlobal('CustomFunctions', {
  Error: RuntimeError,
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
  associate: (id: string, fn: (...args: unknown[]) => Promise<number>) => associated.set(id, fn),
});
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
vi.stubGlobal('location', { origin: 'https://trueup.test' });

describe('TRUEUP custom functions', () => {
  it('associates every id of functions.json', async () => {
    await import('./register.js');
    expect([...associated.keys()].sort()).toEqual([
      'BALANCE',
      'CONSUMED',
      'EXPOSURE',
      'OWNED',
      'SHORTFALL',
    ]);
  });

  it('answers bad input with CustomFunctions.Error and a message, without a request', async () => {
    await import('./register.js');
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const owned = associated.get('OWNED');
    await expect(owned?.('', 'DNA')).rejects.toEqual(
      new RuntimeError('#VALUE!', 'Give a Virtual Account name and a license name.'),
    );
    await expect(owned?.('Eng', 'DNA', 'soon')).rejects.toEqual(
      new RuntimeError('#VALUE!', 'As-of must be a date (YYYY-MM-DD or a date cell), not "soon".'),
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says to choose a Smart Account when none is saved', async () => {
    await import('./register.js');
    await expect(associated.get('SHORTFALL')?.('Eng', 'DNA')).rejects.toEqual(
      new RuntimeError('#VALUE!', 'Choose a Smart Account in the Trueup task pane first.'),
    );
  });
});
