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

/**
 * How a message names a device: its hostname with the CSSM instance name in brackets
 * (`lon-wlc-slr-01 (UDI_PID:C9800-40-K9; UDI_SN:FCW2402X1M4)`), or the instance name alone.
 */
export function instanceLabel(instance: {
  readonly name: string;
  readonly hostname: string | null;
}): string {
  const name = instance.name.trim().replace(/;$/, '');
  return instance.hostname ? `${instance.hostname} (${name})` : name;
}
