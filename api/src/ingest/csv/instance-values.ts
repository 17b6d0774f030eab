/** PID and serial of a CSSM instance name, plus the name in CSSM's canonical form. */
export interface ParsedInstanceName {
  readonly name: string;
  readonly udiPid: string | null;
  readonly udiSerial: string | null;
}

const UDI_PID = /(?:^|;)\s*UDI_PID\s*:\s*([^;]*?)\s*(?:;|$)/i;
const UDI_SN = /(?:^|;)\s*UDI_SN\s*:\s*([^;]*?)\s*(?:;|$)/i;

/**
 * Reads `UDI_PID:<pid>; UDI_SN:<serial>; ` (any spacing, either order). When both parts are
 * present the name is rewritten in CSSM's exact form, so the same device always gets the same
 * name; any other name (a hostname) is kept as trimmed, with null PID and serial.
 */
export function parseInstanceName(text: string): ParsedInstanceName {
  const name = text.trim();
  const udiPid = UDI_PID.exec(name)?.[1] || null;
  const udiSerial = UDI_SN.exec(name)?.[1] || null;
  if (udiPid !== null && udiSerial !== null) {
    return { name: `UDI_PID:${udiPid}; UDI_SN:${udiSerial}; `, udiPid, udiSerial };
  }
  return { name, udiPid, udiSerial };
}
