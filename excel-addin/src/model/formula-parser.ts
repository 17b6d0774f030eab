/**
 * Reads a formula (without `=`) into a tree, for `evaluate.ts`: A1 references (sheet-qualified,
 * absolute or not, ranges), numbers, strings, booleans, function calls and Excel's operators
 * with their precedence. Anything else is `Unsupported`.
 */
import { columnNumber, type CellValue } from './sheet-model.js';

/** A spreadsheet error value (`#N/A`, `#DIV/0!`, `#VALUE!`, `#REF!`). */
export class SheetError {
  constructor(readonly code: '#N/A' | '#DIV/0!' | '#VALUE!' | '#REF!' | '#NUM!') {}
}

/** A formula the evaluator does not know how to compute. */
export class Unsupported extends Error {}

export type Scalar = CellValue | SheetError;

export type Node =
  | { kind: 'literal'; value: Scalar }
  | { kind: 'ref'; sheet: string | null; r1: number; c1: number; r2: number; c2: number }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'unary'; op: '-' | '+'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node };

const TOKEN =
  /\s*(?:(?<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|"(?<string>(?:[^"]|"")*)"|(?<ref>(?:(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![A-Za-z0-9_(])|(?<func>[A-Z][A-Z0-9.]*)\(|(?<bool>TRUE|FALSE)(?![A-Za-z0-9_(])|(?<op><>|<=|>=|[-+*/^&=<>(),]))/y;

type Token = { type: 'number' | 'string' | 'ref' | 'func' | 'bool' | 'op'; text: string };

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  const end = formula.trimEnd().length;
  while (at < end) {
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(formula);
    if (!match?.groups) throw new Unsupported(`cannot read ${formula.slice(at)}`);
    const g = match.groups;
    const type = (['number', 'string', 'ref', 'func', 'bool', 'op'] as const).find(
      (t) => g[t] !== undefined,
    );
    if (!type) throw new Unsupported(`cannot read ${formula.slice(at)}`);
    tokens.push({ type, text: g[type] ?? '' });
    at = TOKEN.lastIndex;
  }
  return tokens;
}

function parseRef(text: string): Node {
  const bang = text.lastIndexOf('!');
  let sheet: string | null = null;
  let local = text;
  if (bang >= 0) {
    const raw = text.slice(0, bang);
    sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    local = text.slice(bang + 1);
  }
  const [from = '', to = from] = local.replace(/\$/g, '').split(':');
  const cell = (a1: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!m) throw new Unsupported(`bad reference ${text}`);
    return { r: Number(m[2]), c: columnNumber(m[1] ?? '') };
  };
  const a = cell(from);
  const b = cell(to);
  return {
    kind: 'ref',
    sheet,
    r1: Math.min(a.r, b.r),
    c1: Math.min(a.c, b.c),
    r2: Math.max(a.r, b.r),
    c2: Math.max(a.c, b.c),
  };
}

/** Parses a formula (without `=`) into a tree; throws `Unsupported` on what it cannot read. */
export function parseFormula(formula: string): Node {
  const tokens = tokenize(formula);
  let i = 0;
  const peek = () => tokens[i];
  const isOp = (...ops: string[]) => peek()?.type === 'op' && ops.includes(peek()?.text ?? '');
  const expect = (text: string) => {
    if (!isOp(text)) throw new Unsupported(`expected ${text} in ${formula}`);
    i++;
  };
  const binary = (next: () => Node, ops: string[]) => (): Node => {
    let left = next();
    while (isOp(...ops)) {
      const op = tokens[i++]?.text ?? '';
      left = { kind: 'binary', op, left, right: next() };
    }
    return left;
  };
  const primary = (): Node => {
    const token = tokens[i++];
    if (!token) throw new Unsupported(`unexpected end of ${formula}`);
    switch (token.type) {
      case 'number':
        return { kind: 'literal', value: Number(token.text) };
      case 'string':
        return { kind: 'literal', value: token.text.replace(/""/g, '"') };
      case 'bool':
        return { kind: 'literal', value: token.text === 'TRUE' };
      case 'ref':
        return parseRef(token.text);
      case 'func': {
        const args: Node[] = [];
        if (!isOp(')')) {
          args.push(comparison());
          while (isOp(',')) {
            i++;
            args.push(comparison());
          }
        }
        expect(')');
        return { kind: 'call', name: token.text, args };
      }
      case 'op':
        if (token.text === '(') {
          const inner = comparison();
          expect(')');
          return inner;
        }
    }
    throw new Unsupported(`unexpected ${token.text} in ${formula}`);
  };
  // Excel: negation binds tighter than ^ (-2^2 = 4).
  const unary = (): Node => {
    if (isOp('-', '+')) {
      const op = tokens[i++]?.text as '-' | '+';
      return { kind: 'unary', op, operand: unary() };
    }
    return primary();
  };
  const power = binary(unary, ['^']);
  const product = binary(power, ['*', '/']);
  const sum = binary(product, ['+', '-']);
  const concat = binary(sum, ['&']);
  const comparison: () => Node = binary(concat, ['=', '<>', '<', '>', '<=', '>=']);
  const tree = comparison();
  if (i !== tokens.length) throw new Unsupported(`trailing input in ${formula}`);
  return tree;
}
