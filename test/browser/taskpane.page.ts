import type { Page } from 'playwright-core';

/** The task pane as a user drives it (page model). */
export class TaskpanePage {
  constructor(readonly page: Page) {}

  async connect(token = ''): Promise<void> {
    await this.page.fill('#token', token);
    await this.page.click('#connect');
    await this.page.waitForFunction(() => {
      const status = document.querySelector('#status')?.textContent ?? '';
      return (
        status.startsWith('Connected') || !document.querySelector<HTMLElement>('#error')?.hidden
      );
    });
  }

  async chooseAccount(domain: string, asOf: string): Promise<void> {
    await this.page.selectOption('#smart-account', domain);
    await this.page.fill('#as-of', asOf);
    await this.page.dispatchEvent('#as-of', 'change');
  }

  /** Clicks a button and waits until the action settled (status or error shown). */
  async act(button: string, done: RegExp): Promise<string> {
    await this.page.click(button);
    await this.page.waitForFunction(
      (pattern) => {
        const status = document.querySelector('#status')?.textContent ?? '';
        const error = document.querySelector<HTMLElement>('#error');
        return new RegExp(pattern).test(status) || (error !== null && !error.hidden);
      },
      done.source,
      { timeout: 60_000 },
    );
    return this.page.evaluate(() => {
      const error = document.querySelector<HTMLElement>('#error');
      return error && !error.hidden
        ? `ERROR: ${error.textContent ?? ''}`
        : (document.querySelector('#status')?.textContent ?? '');
    });
  }

  /** A sheet of the fake workbook as a grid of values. */
  grid(sheet: string, what: 'values' | 'formulas' = 'values'): Promise<unknown[][]> {
    return this.page.evaluate(
      ([name, kind]) =>
        (
          window as unknown as {
            __trueupWorkbook: { grid(n: string, w: string): unknown[][] };
          }
        ).__trueupWorkbook.grid(name, kind),
      [sheet, what] as const,
    );
  }
}
