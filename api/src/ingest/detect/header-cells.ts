/**
 * A CSV header line's cells, as the CSV parsers compare them: lower-cased, with all whitespace
 * removed (`In Use` = `inuse`). Format rules ask it questions instead of splitting lines.
 */
export class HeaderCells {
  constructor(readonly cells: readonly string[]) {}

  /** Splits `line` on its most frequent delimiter (`,` `;` or tab). */
  static fromLine(line: string): HeaderCells {
    const delimiters = [',', ';', '\t'];
    const counts = delimiters.map((delimiter) => line.split(delimiter).length);
    const delimiter = delimiters[counts.indexOf(Math.max(...counts))] ?? ',';
    return new HeaderCells(
      line.split(delimiter).map((cell) =>
        cell
          .trim()
          .replace(/^"(.*)"$/, '$1')
          .replace(/\s+/g, '')
          .toLowerCase(),
      ),
    );
  }

  /** Whether any of `names` is a cell. */
  has(...names: string[]): boolean {
    return names.some((name) => this.cells.includes(name));
  }

  /** Whether a cell starts with `prefix`. */
  hasPrefix(prefix: string): boolean {
    return this.cells.some((cell) => cell.startsWith(prefix));
  }
}
