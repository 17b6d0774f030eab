/** Ranges: values, formulas and number formats as Excel parses them; clear; formats; validation. */
import { type Box, toAddress } from '../address.js';
import { jsonBytes } from '../payload.js';

import {
  FakeExcelError,
  inBox,
  parseInput,
  readBox,
  type FakeCell,
  type FakeScalar,
  type FakeSheet,
} from './fake-cells.js';
import { Loadable, type FakeContext } from './fake-context.js';

export type Resolved = { sheet: FakeSheet; box: Box };

export class FakeRange extends Loadable {
  constructor(
    ctx: FakeContext,
    readonly resolveBox: () => Resolved,
  ) {
    super(ctx);
  }

  protected override snapshot(): Record<string, unknown> {
    const { sheet, box } = this.resolveBox();
    return {
      values: readBox(sheet, box, 'values'),
      formulas: readBox(sheet, box, 'formulas'),
      numberFormat: readBox(sheet, box, 'numberFormat'),
      address: `${sheet.name}!${toAddress(box)}`,
      rowCount: box.rows,
      columnCount: box.cols,
      rowIndex: box.row,
      columnIndex: box.col,
    };
  }

  get values(): FakeScalar[][] {
    return this.read('values');
  }
  set values(grid: FakeScalar[][]) {
    this.write(grid, (cell, input) => Object.assign(cell, parseInput(input)));
  }
  get formulas(): FakeScalar[][] {
    return this.read('formulas');
  }
  set formulas(grid: FakeScalar[][]) {
    this.write(grid, (cell, input) => Object.assign(cell, parseInput(input)));
  }
  get numberFormat(): FakeScalar[][] {
    return this.read('numberFormat');
  }
  set numberFormat(grid: FakeScalar[][]) {
    this.write(grid, (cell, input) => (cell.numberFormat = String(input)));
  }
  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }

  private write(grid: FakeScalar[][], set: (cell: FakeCell, input: FakeScalar) => void): void {
    const copy = grid.map((row) => [...row]);
    this.ctx.queue({
      bytes: jsonBytes(copy),
      writesCells: true,
      apply: () => {
        const { sheet, box } = this.resolveBox();
        if (copy.length !== box.rows || copy.some((row) => row.length !== box.cols)) {
          throw new FakeExcelError(
            'InvalidArgument',
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range ${toAddress(box)}.`,
          );
        }
        copy.forEach((row, r) =>
          row.forEach((input, c) => {
            const key = `${box.row + r},${box.col + c}`;
            const cell = sheet.cells.get(key) ?? { value: null };
            set(cell, input);
            sheet.cells.set(key, cell);
          }),
        );
      },
    });
  }

  clear(): void {
    this.ctx.queue({
      bytes: 20,
      apply: () => {
        const { sheet, box } = this.resolveBox();
        for (const key of [...sheet.cells.keys()]) {
          const [r, c] = key.split(',').map(Number) as [number, number];
          if (inBox(box, r, c)) sheet.cells.delete(key);
        }
        // Like Excel: clearing cells drops their formats and validation, not the charts.
        sheet.conditionalFormats.length = 0;
        sheet.validations.length = 0;
      },
    });
  }

  readonly format = { autofitColumns: () => this.ctx.queue({ bytes: 20, apply: () => undefined }) };

  readonly conditionalFormats = {
    add: (_type: string) => {
      const record: { address: string; rule: unknown; fill?: string } = { address: '', rule: {} };
      this.ctx.queue({
        bytes: 40,
        apply: () => {
          const { sheet, box } = this.resolveBox();
          record.address = toAddress(box);
          sheet.conditionalFormats.push(record);
        },
      });
      const ctx = this.ctx;
      return {
        cellValue: {
          format: {
            fill: {
              set color(color: string) {
                ctx.queue({ bytes: 20, apply: () => (record.fill = color) });
              },
            },
            font: { color: '' },
          },
          set rule(rule: unknown) {
            ctx.queue({ bytes: jsonBytes(rule), apply: () => (record.rule = rule) });
          },
        },
      };
    },
  };

  /** Data validation as office.js sets it: `range.dataValidation.rule = {...}`. */
  get dataValidation(): { clear(): void; rule: unknown } {
    const ctx = this.ctx;
    const resolveBox = this.resolveBox;
    return {
      clear: () => ctx.queue({ bytes: 20, apply: () => undefined }),
      set rule(rule: unknown) {
        ctx.queue({
          bytes: jsonBytes(rule),
          apply: () => {
            const { sheet, box } = resolveBox();
            sheet.validations.push({ address: toAddress(box), rule });
          },
        });
      },
      get rule(): unknown {
        throw new FakeExcelError('PropertyNotLoaded', 'dataValidation.rule is write-only here');
      },
    };
  }
}
