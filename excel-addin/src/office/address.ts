/** A1 addresses ↔ 0-based boxes. */
import { columnLetter, columnNumber } from '../model/index.js';

export interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

// Column letters are the model's (1-based); boxes here are 0-based.
const columnIndex = (letters: string): number => columnNumber(letters) - 1;
const columnLetters = (index: number): string => columnLetter(index + 1);

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
