/**
 * Computes the formulas of a set of sheet models the way Excel and LibreOffice do, for the
 * functions and operators the sheet builders use (SUM, SUMIF, SUMPRODUCT, IF, IFERROR, MAX,
 * MIN, ROUND, INT, INDEX, MATCH exact, AND, OR, NOT; arithmetic with array broadcasting,
 * comparisons, `&`). The `.xlsx` export stores each result beside its formula, so readers that
 * do not calculate (pandas, openpyxl `data_only`, previewers) see the numbers. Anything else
 * (structured references, other functions) is `Unsupported`: the cell gets no cached result
 * rather than a wrong one. Hand-written because the evaluators on the registry are either
 * GPL-licensed (HyperFormula) or unmaintained (fast-formula-parser, hot-formula-parser).
 */
import { parseFormula, SheetError, Unsupported, type Node, type Scalar } from './formula-parser.js';
import { placedCells } from './sheet-cells.js';
import { isFormula, type CellValue, type SheetModel } from './sheet-model.js';

export { parseFormula, SheetError, Unsupported, type Scalar };

type Matrix = Scalar[][];
type Value = Scalar | Matrix;

const isMatrix = (v: Value): v is Matrix => Array.isArray(v);

// ---- Values -------------------------------------------------------------------------------

function toNumber(v: Scalar): number | SheetError {
  if (v instanceof SheetError) return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) ? n : new SheetError('#VALUE!');
}

function toBoolean(v: Scalar): boolean | SheetError {
  if (v instanceof SheetError) return v;
  if (typeof v === 'string') {
    if (/^true$/i.test(v)) return true;
    if (/^false$/i.test(v)) return false;
    return new SheetError('#VALUE!');
  }
  return Boolean(v);
}

/** Excel's ROUND: half away from zero, on the value's 15 significant digits. */
export function roundLikeExcel(x: number, digits: number): number {
  const d = Math.trunc(digits);
  const f = 10 ** d;
  const shifted = Number((Math.abs(x) * f).toPrecision(15));
  const rounded = Math.round(shifted) / f;
  return x < 0 ? -rounded : rounded;
}

/** Sort order of types in comparisons: numbers < text < booleans (empty takes the other's). */
function compare(a: Scalar, b: Scalar): number | SheetError {
  if (a instanceof SheetError) return a;
  if (b instanceof SheetError) return b;
  const left = a === null ? (typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0) : a;
  const right =
    b === null ? (typeof left === 'string' ? '' : typeof left === 'boolean' ? false : 0) : b;
  const rank = (v: string | number | boolean) =>
    typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
  if (rank(left) !== rank(right)) return rank(left) - rank(right);
  if (typeof left === 'string' && typeof right === 'string') {
    if (left === right) return 0;
    const l = left.toLowerCase();
    const r = right.toLowerCase();
    return l < r ? -1 : l > r ? 1 : 0;
  }
  const l = Number(left);
  const r = Number(right);
  return l < r ? -1 : l > r ? 1 : 0;
}

const COMPARISONS = new Set(['=', '<>', '<', '>', '<=', '>=']);

function applyBinary(op: string, a: Scalar, b: Scalar): Scalar {
  if (COMPARISONS.has(op)) {
    // Equality of two texts (SUMPRODUCT's name matches): same length first, then ignoring case.
    if ((op === '=' || op === '<>') && typeof a === 'string' && typeof b === 'string') {
      const equal = a === b || (a.length === b.length && a.toLowerCase() === b.toLowerCase());
      return op === '=' ? equal : !equal;
    }
    const c = compare(a, b);
    if (c instanceof SheetError) return c;
    return op === '='
      ? c === 0
      : op === '<>'
        ? c !== 0
        : op === '<'
          ? c < 0
          : op === '>'
            ? c > 0
            : op === '<='
              ? c <= 0
              : c >= 0;
  }
  if (op === '&') {
    if (a instanceof SheetError) return a;
    if (b instanceof SheetError) return b;
    const text = (v: CellValue) =>
      v === null ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
    return text(a) + text(b);
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (x instanceof SheetError) return x;
  if (y instanceof SheetError) return y;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? new SheetError('#DIV/0!') : x / y;
    case '^':
      return x ** y;
  }
  throw new Unsupported(`operator ${op}`);
}

/** Elementwise over arrays, a scalar broadcast against an array (as in SUMPRODUCT's terms). */
function broadcast(a: Value, b: Value, f: (x: Scalar, y: Scalar) => Scalar): Value {
  if (!isMatrix(a) && !isMatrix(b)) return f(a, b);
  const rowsOf = (v: Value) => (isMatrix(v) ? v.length : 1);
  const colsOf = (v: Value) => (isMatrix(v) ? (v[0]?.length ?? 0) : 1);
  const rows = Math.max(rowsOf(a), rowsOf(b));
  const cols = Math.max(colsOf(a), colsOf(b));
  // A cell of `v` at (r, c): a scalar or a single row/column repeats; past its end is #N/A.
  const reader = (v: Value) => {
    if (!isMatrix(v)) return () => v;
    const oneRow = v.length === 1;
    const oneCol = (v[0]?.length ?? 0) === 1;
    return (r: number, c: number): Scalar =>
      v[oneRow ? 0 : r]?.[oneCol ? 0 : c] ?? new SheetError('#N/A');
  };
  const x = reader(a);
  const y = reader(b);
  const out: Matrix = new Array<Scalar[]>(rows);
  for (let r = 0; r < rows; r++) {
    const row = new Array<Scalar>(cols);
    for (let c = 0; c < cols; c++) row[c] = f(x(r, c), y(r, c));
    out[r] = row;
  }
  return out;
}

const flat = (v: Value): Scalar[] => (isMatrix(v) ? v.flat() : [v]);
const scalar = (v: Value): Scalar => (isMatrix(v) ? (v[0]?.[0] ?? null) : v);

// ---- Evaluation ---------------------------------------------------------------------------

/** The cells of a set of sheets, and their formulas' results, computed on demand. */
export class SheetEvaluator {
  private readonly cells = new Map<string, Map<string, CellValue | { formula: string }>>();
  private readonly results = new Map<string, Scalar>();
  private readonly busy = new Set<string>();
  /** Ranges read so far (a Positions column is read by every license's SUMPRODUCT). */
  private readonly ranges = new Map<string, Matrix>();
  /** `SUMPRODUCT((keys=x)*values)` indexes: per pair of ranges, Σ values by lower-cased key. */
  private readonly keyedSums = new Map<string, Map<string, number> | null>();

  constructor(models: readonly SheetModel[]) {
    for (const model of models) {
      const sheet = new Map<string, CellValue | { formula: string }>();
      for (const placed of placedCells(model))
        sheet.set(`${placed.row},${placed.column}`, placed.cell);
      this.cells.set(model.name, sheet);
    }
  }

  /**
   * The value of a cell (1-based row and column): a value cell's value, a formula cell's
   * result. Throws `Unsupported` when a formula it depends on cannot be computed here.
   */
  value(sheet: string, row: number, column: number): Scalar {
    const cells = this.cells.get(sheet);
    if (!cells) return new SheetError('#REF!');
    const key = `${sheet}!${row},${column}`;
    const cell = cells.get(`${row},${column}`) ?? null;
    if (cell === null || !isFormula(cell)) return cell;
    const known = this.results.get(key);
    if (known !== undefined) return known;
    if (this.busy.has(key)) throw new Unsupported(`circular reference at ${key}`);
    this.busy.add(key);
    try {
      const result = scalar(this.evaluate(parseFormula(cell.formula), sheet));
      this.results.set(key, result);
      return result;
    } finally {
      this.busy.delete(key);
    }
  }

  private evaluate(node: Node, sheet: string): Value {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'ref': {
        const target = node.sheet ?? sheet;
        if (node.r1 === node.r2 && node.c1 === node.c2) return this.value(target, node.r1, node.c1);
        const key = `${target}!${node.r1},${node.c1}:${node.r2},${node.c2}`;
        const known = this.ranges.get(key);
        if (known) return known;
        const grid: Matrix = [];
        for (let r = node.r1; r <= node.r2; r++) {
          const row: Scalar[] = [];
          for (let c = node.c1; c <= node.c2; c++) row.push(this.value(target, r, c));
          grid.push(row);
        }
        this.ranges.set(key, grid);
        return grid;
      }
      case 'unary': {
        const v = this.evaluate(node.operand, sheet);
        return broadcast(v, 0, (x) =>
          node.op === '-' ? applyBinary('-', 0, x) : applyBinary('+', 0, x),
        );
      }
      case 'binary':
        return broadcast(
          this.evaluate(node.left, sheet),
          this.evaluate(node.right, sheet),
          (x, y) => applyBinary(node.op, x, y),
        );
      case 'call':
        return this.call(node.name, node.args, sheet);
    }
  }

  /**
   * `SUMPRODUCT((keys=x)*values)` with a text `x`, read once per pair of ranges into a sum per
   * key (the Renewal sheet asks it of the whole Positions sheet once per license: quadratic
   * otherwise). Only when every key is text or empty and every value a number or empty, where
   * the general path gives the same sum; undefined sends the call down the general path.
   */
  private keyedSum(args: Node[], sheet: string): number | undefined {
    const [only] = args;
    if (args.length !== 1 || only?.kind !== 'binary' || only.op !== '*') return undefined;
    const { left: test, right: values } = only;
    if (test.kind !== 'binary' || test.op !== '=' || test.left.kind !== 'ref') return undefined;
    if (values.kind !== 'ref') return undefined;
    const wanted = scalar(this.evaluate(test.right, sheet));
    if (typeof wanted !== 'string' || wanted === '') return undefined;
    const keysRef = test.left;
    const id = (ref: Extract<Node, { kind: 'ref' }>) =>
      `${ref.sheet ?? sheet}!${ref.r1},${ref.c1}:${ref.r2},${ref.c2}`;
    const indexKey = `${id(keysRef)}|${id(values)}`;
    let index = this.keyedSums.get(indexKey);
    if (index === undefined) {
      const keys = this.evaluate(keysRef, sheet);
      const amounts = this.evaluate(values, sheet);
      index = null;
      if (
        isMatrix(keys) &&
        isMatrix(amounts) &&
        keys.length === amounts.length &&
        keys.every((row, r) => row.length === 1 && amounts[r]?.length === 1)
      ) {
        const sums = new Map<string, number>();
        let exact = true;
        for (let r = 0; r < keys.length && exact; r++) {
          const key = keys[r]?.[0] ?? null;
          const amount = amounts[r]?.[0] ?? null;
          if (!(key === null || typeof key === 'string')) exact = false;
          else if (!(amount === null || typeof amount === 'number')) exact = false;
          else if (key !== null && amount !== null) {
            const k = key.toLowerCase();
            sums.set(k, (sums.get(k) ?? 0) + amount);
          }
        }
        if (exact) index = sums;
      }
      this.keyedSums.set(indexKey, index);
    }
    return index === null ? undefined : (index.get(wanted.toLowerCase()) ?? 0);
  }

  private call(name: string, args: Node[], sheet: string): Value {
    const arg = (i: number): Value => {
      const node = args[i];
      if (!node) throw new Unsupported(`${name} needs argument ${i + 1}`);
      return this.evaluate(node, sheet);
    };
    const numbers = (values: Value[], fromRanges: boolean[]): number[] | SheetError => {
      const out: number[] = [];
      for (const [i, v] of values.entries())
        for (const x of flat(v)) {
          if (x instanceof SheetError) return x;
          if (fromRanges[i] && typeof x !== 'number') continue; // ranges: numbers only
          const n = toNumber(x);
          if (n instanceof SheetError) return n;
          out.push(n);
        }
      return out;
    };
    const all = () => args.map((_, i) => arg(i));
    const ranged = () => args.map((a) => a.kind === 'ref');
    switch (name) {
      case 'SUM': {
        const ns = numbers(all(), ranged());
        return ns instanceof SheetError ? ns : ns.reduce((a, b) => a + b, 0);
      }
      case 'MAX':
      case 'MIN': {
        const ns = numbers(all(), ranged());
        if (ns instanceof SheetError) return ns;
        if (ns.length === 0) return 0;
        return name === 'MAX' ? Math.max(...ns) : Math.min(...ns);
      }
      case 'SUMPRODUCT': {
        const keyed = this.keyedSum(args, sheet);
        if (keyed !== undefined) return keyed;
        const arrays = all().map((v) => (isMatrix(v) ? v : [[v]]));
        const first = arrays[0] ?? [];
        let total = 0;
        for (let r = 0; r < first.length; r++)
          for (let c = 0; c < (first[r]?.length ?? 0); c++) {
            let product = 1;
            for (const a of arrays) {
              const x = a[r]?.[c];
              if (x === undefined) return new SheetError('#VALUE!');
              if (x instanceof SheetError) return x;
              product *= typeof x === 'number' ? x : 0;
            }
            total += product;
          }
        return total;
      }
      case 'SUMIF': {
        const range = arg(0);
        const criterion = scalar(arg(1));
        const sums = args.length > 2 ? arg(2) : range;
        if (criterion instanceof SheetError) return criterion;
        if (typeof criterion === 'string' && /^[<>=]/.test(criterion))
          throw new Unsupported('SUMIF with an operator criterion');
        const keys = flat(range);
        const values = flat(sums);
        let total = 0;
        keys.forEach((k, i) => {
          const v = values[i];
          if (compare(k, criterion) === 0 && k !== null && typeof v === 'number') total += v;
        });
        return total;
      }
      case 'IF': {
        const test = toBoolean(scalar(arg(0)));
        if (test instanceof SheetError) return test;
        if (test) return arg(1);
        return args.length > 2 ? arg(2) : false;
      }
      case 'IFERROR': {
        const v = arg(0);
        return scalar(v) instanceof SheetError ? arg(1) : v;
      }
      case 'ROUND':
      case 'INT': {
        const x = toNumber(scalar(arg(0)));
        if (x instanceof SheetError) return x;
        if (name === 'INT') return Math.floor(x);
        const d = toNumber(scalar(arg(1)));
        return d instanceof SheetError ? d : roundLikeExcel(x, d);
      }
      case 'AND':
      case 'OR': {
        const bs = all().flatMap(flat).map(toBoolean);
        const error = bs.find((b) => b instanceof SheetError);
        if (error) return error;
        return name === 'AND' ? bs.every(Boolean) : bs.some(Boolean);
      }
      case 'NOT': {
        const b = toBoolean(scalar(arg(0)));
        return b instanceof SheetError ? b : !b;
      }
      case 'INDEX': {
        const range = arg(0);
        const grid = isMatrix(range) ? range : [[range]];
        const r = toNumber(scalar(arg(1)));
        const c = args.length > 2 ? toNumber(scalar(arg(2))) : 1;
        if (r instanceof SheetError) return r;
        if (c instanceof SheetError) return c;
        // A single row: the index counts along it.
        const [row, col] = grid.length === 1 && args.length === 2 ? [1, r] : [r, c];
        return grid[row - 1]?.[col - 1] ?? new SheetError('#REF!');
      }
      case 'MATCH': {
        const wanted = scalar(arg(0));
        const type = args.length > 2 ? toNumber(scalar(arg(2))) : 1;
        if (type !== 0) throw new Unsupported('MATCH other than exact');
        const index = flat(arg(1)).findIndex((x) => compare(x, wanted) === 0);
        return index < 0 ? new SheetError('#N/A') : index + 1;
      }
    }
    throw new Unsupported(`function ${name}`);
  }
}
