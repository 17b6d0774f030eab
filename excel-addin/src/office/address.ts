/** A1 addresses ↔ 0-based boxes. */
export interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** `B` → 1, `AA` → 26. */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const ch of letters.toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

/** 0 → `A`, 26 → `AA`. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `A1`, `A1:C3`, optionally sheet-qualified (`Sheet1!A1:C3`). */
export function parseAddress(address: string): Box {
  const local = address.includes('!') ? address.slice(address.indexOf('!') + 1) : address;
  const [from = '', to = from] = local.replaceAll('$', '').split(':');
  const cell = (ref: string) => {
    const match = /^([A-Za-z]+)(\d+)$/.exec(ref);
    if (!match) throw new Error(`bad address ${address}`);
    return { col: columnIndex(match[1] ?? ''), row: Number(match[2]) - 1 };
  };
  const a = cell(from);
  const b = cell(to);
  return { row: a.row, col: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 };
}

export function toAddress(box: Box): string {
  const start = `${columnLetters(box.col)}${box.row + 1}`;
  const end = `${columnLetters(box.col + box.cols - 1)}${box.row + box.rows}`;
  return start === end ? start : `${start}:${end}`;
}
