/**
 * Orders strings by UTF-16 code units: the same on every machine and locale (unlike
 * `localeCompare`), which keeps the findings order deterministic.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** "A", "A and B", "A, B and C", "A, B, C and 2 more": names for a one-line message. */
export function nameList(names: readonly string[], shown = 3): string {
  if (names.length <= 1) return names[0] ?? 'nowhere';
  if (names.length <= shown) {
    return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
  }
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}
