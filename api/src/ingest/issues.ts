/** Codes for everything a parser can object to. Messages are for people; codes for programs. */
export type IngestIssueCode =
  | 'MISSING_COLUMN'
  | 'NOT_A_NUMBER'
  /** A money amount or percentage with too many decimals, or out of range. */
  | 'INVALID_AMOUNT'
  | 'NEGATIVE_QUANTITY'
  | 'NOT_AN_INTEGER'
  /** A quantity beyond what a real estate holds (`MAX_QUANTITY`). */
  | 'QUANTITY_TOO_LARGE'
  | 'INVALID_DATE'
  | 'END_BEFORE_START'
  | 'DUPLICATE_ROW'
  | 'CONFLICTING_TAG'
  | 'MISSING_VALUE'
  | 'UNKNOWN_VALUE'
  | 'MALFORMED_FILE'
  | 'UNKNOWN_FORMAT'
  | 'BALANCE_MISMATCH'
  | 'LOT_SUM_MISMATCH'
  /** Two rows of one record state different values for the same figure (CSV detail rows). */
  | 'CONFLICTING_VALUE';

/**
 * A problem in an input file, located to `file:line:column`. `error`s reject the whole import;
 * `warning`s are reported and the import goes on (e.g. Cisco's `Balance` disagreeing with
 * owned − in use).
 */
export interface IngestIssue {
  readonly severity: 'error' | 'warning';
  readonly code: IngestIssueCode;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** `file:line:column: reason`, the form every surface prints. */
export function formatIssue(issue: IngestIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}`;
}

/** Most issues a parse keeps; beyond it only the count grows (graphql-js validate style). */
export const MAX_ISSUES = 100;

/** Collects issues up to MAX_ISSUES, counting the rest. */
export class IssueCollector {
  readonly issues: IngestIssue[] = [];
  errorCount = 0;
  warningCount = 0;
  constructor(readonly file: string) {}

  add(
    severity: IngestIssue['severity'],
    code: IngestIssueCode,
    at: { line: number; column: number },
    message: string,
  ): void {
    if (severity === 'error') this.errorCount++;
    else this.warningCount++;
    if (this.issues.length < MAX_ISSUES)
      this.issues.push({
        severity,
        code,
        file: this.file,
        line: at.line,
        column: at.column,
        message,
      });
  }

  error(code: IngestIssueCode, at: { line: number; column: number }, message: string): void {
    this.add('error', code, at, message);
  }

  warning(code: IngestIssueCode, at: { line: number; column: number }, message: string): void {
    this.add('warning', code, at, message);
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }
}
