import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { SheetError, SheetEvaluator, Unsupported, roundLikeExcel } from './evaluate.js';
import type { Cell, SheetModel } from './sheet-model.js';

/** One sheet `Data` with a table (header on row 1, values from row 2) and one `Calc` column. */
function book(data: Cell[][], formulas: string[]): SheetEvaluator {
  const sheet: SheetModel = {
    name: 'Data sheet',
    tableName: 'Data',
    inputs: [],
    columns: [{ header: 'Name' }, { header: 'Units' }],
    rows: data,
  };
  const calc: SheetModel = {
    name: 'Calc',
    tableName: 'Calc',
    inputs: [],
    columns: [{ header: 'Result' }],
    rows: formulas.map((formula) => [{ formula }]),
  };
  return new SheetEvaluator([sheet, calc]);
}
const results = (data: Cell[][], formulas: string[]) => {
  const evaluator = book(data, formulas);
  return formulas.map((_, i) => evaluator.value('Calc', i + 2, 1));
};

describe('SheetEvaluator', () => {
  const data: Cell[][] = [
    ['Alpha', 6],
    ['=not a formula', 4],
    ['alpha', 2],
    ['Beta', 'n/a'],
  ];

  it('computes like Excel: precedence, rounding half away from zero, INT down', () => {
    expect(
      results(data, [
        '-2^2',
        '2+3*4^2/8',
        'ROUND(2.5,0)',
        'ROUND(-2.5,0)',
        'ROUND(1.005,2)',
        'INT(-1.5)',
        '"a"&1&TRUE',
        '1/0',
      ]),
    ).toEqual([4, 8, 3, -3, 1.01, -2, 'a1TRUE', new SheetError('#DIV/0!')]);
  });

  it('reads ranges on quoted sheets; SUM skips text; comparisons ignore case', () => {
    expect(
      results(data, [
        "SUM('Data sheet'!$B$2:$B$5)",
        "SUMPRODUCT(('Data sheet'!$A$2:$A$4=\"ALPHA\")*'Data sheet'!$B$2:$B$4)",
        "SUMPRODUCT(('Data sheet'!$A$2:$A$5=\"ALPHA\")*'Data sheet'!$B$2:$B$5)",
        "SUMIF('Data sheet'!$A$2:$A$5,\"alpha\",'Data sheet'!$B$2:$B$5)",
        "MATCH(4,'Data sheet'!$B$2:$B$5,0)",
        'IFERROR(MATCH(9,\'Data sheet\'!$B$2:$B$5,0),"none")',
        "INDEX('Data sheet'!$A$2:$A$5,2)",
        "MAX(0,'Data sheet'!B3-'Data sheet'!B2)",
        'IF(\'Data sheet\'!B2>=6,"yes","no")',
        'AND(TRUE,NOT(FALSE),OR(FALSE,1))',
      ]),
    ).toEqual([12, 8, new SheetError('#VALUE!'), 8, 2, 'none', '=not a formula', 0, 'yes', true]);
  });

  it('sums SUMPRODUCT((keys=x)*values) by key like the rule: Σ values whose key equals x, ignoring case', () => {
    // Keys from a small alphabet so matches happen; empty keys and values are empty cells.
    const key = fc.option(fc.constantFrom('C9300 NA', 'c9300 na', 'ISE Base', 'ise base', 'x'), {
      nil: null,
    });
    const amount = fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, amount), { minLength: 1, maxLength: 40 }),
        fc.constantFrom('C9300 NA', 'ISE BASE', 'x', 'absent'),
        (rows, wanted) => {
          const end = rows.length + 1;
          const formula = `SUMPRODUCT(('Data sheet'!$A$2:$A$${end}="${wanted}")*'Data sheet'!$B$2:$B$${end})`;
          // Twice: the second read comes from the index the first built.
          const [first, second] = results(rows, [formula, formula]);
          let expected = 0;
          for (const [k, v] of rows)
            if (k !== null && k.toLowerCase() === wanted.toLowerCase()) expected += v ?? 0;
          expect(first).toBe(expected);
          expect(second).toBe(expected);
        },
      ),
    );
  });

  it('evaluates formulas that read other formulas, and refuses what it does not know', () => {
    const evaluator = book(data, ['A3*2', '1', 'SUMIFS(B2:B3,A2:A3,1)', 'Positions[Owned]']);
    expect(evaluator.value('Calc', 2, 1)).toBe(2);
    expect(() => evaluator.value('Calc', 4, 1)).toThrow(Unsupported);
    expect(() => evaluator.value('Calc', 5, 1)).toThrow(Unsupported);
    expect(() => book(data, ['A2']).value('Calc', 2, 1)).toThrow(/circular/);
  });

  it('rounds on 15 significant digits, as Excel does', () => {
    // 0.285 × 100 is 28.499999999999996 in binary; Excel (and LibreOffice) give 0.29.
    expect(roundLikeExcel(0.285, 2)).toBe(0.29);
    expect(roundLikeExcel(1234.5, -2)).toBe(1200);
  });
});
