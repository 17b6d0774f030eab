import { execute } from '../api-client/client.js';
import {
  loadConnection,
  saveConnection,
  type SavedConnection,
} from '../api-client/connection-store.js';
import { AddinError } from '../api-client/errors.js';
import { SMART_ACCOUNTS } from '../api-client/operations.js';

import type { ActionContext } from './action-context.js';
import { pullPositions, pullRenewal } from './actions.js';
import { taskpaneElements, type TaskpaneElements } from './dom.js';
import { pullFindings } from './findings-action.js';
import { apply, describeApply, evaluate, setupMoves, suggest } from './what-if-actions.js';

/** Wires the task pane: connect, choose account and date, run the sheet actions. */
export function startTaskpane(inExcel: boolean): void {
  const ui = taskpaneElements();
  ui.outsideOffice.hidden = inExcel;
  const saved = loadConnection(localStorage, location.origin);
  ui.apiUrl.value = saved.apiUrl;
  ui.token.value = saved.token;
  ui.asOf.value = saved.asOf;

  const connection = (): SavedConnection => ({
    apiUrl: ui.apiUrl.value.trim(),
    token: ui.token.value.trim(),
    smartAccount: ui.smartAccount.value,
    asOf: ui.asOf.value,
  });
  const remember = () => saveConnection(localStorage, connection());
  ui.smartAccount.addEventListener('change', remember);
  ui.asOf.addEventListener('change', remember);

  ui.connect.addEventListener('click', () =>
    run(ui, 'Connecting…', async () => {
      if (connection().token === '') {
        throw new AddinError(
          'input',
          'Paste a token first: every request needs one (see the hint under Token).',
        );
      }
      const { smartAccounts } = await execute(connection(), SMART_ACCOUNTS, {});
      ui.smartAccount.replaceChildren(
        ...smartAccounts.map((a) => new Option(`${a.name} (${a.domain})`, a.domain)),
      );
      if (smartAccounts.some((a) => a.domain === saved.smartAccount)) {
        ui.smartAccount.value = saved.smartAccount;
      }
      ui.smartAccount.disabled = smartAccounts.length === 0;
      setActionsEnabled(smartAccounts.length > 0 && inExcel);
      remember();
      const outside = inExcel ? '' : ' Open this page from Excel to pull sheets.';
      return smartAccounts.length === 0
        ? 'Connected, but the server has no Smart Account yet: import one first.'
        : `Connected: ${smartAccounts.length} Smart Account(s).${outside}`;
    }),
  );

  const wire = (
    button: HTMLButtonElement,
    label: string,
    act: (ctx: ActionContext) => Promise<string>,
  ) => {
    wired.add(button);
    button.addEventListener('click', () =>
      run(ui, label, (progress) =>
        act({ connection: connection(), excel: (batch) => Excel.run(batch), progress }),
      ),
    );
  };
  wire(ui.pullPositions, 'Pulling positions…', pullPositions);
  wire(ui.pullFindings, 'Pulling findings…', pullFindings);
  wire(ui.pullRenewal, 'Building the renewal…', pullRenewal);
  wire(ui.setupMoves, 'Preparing the Moves table…', setupMoves);
  wire(ui.suggest, 'Asking for a suggestion…', suggest);
  wire(ui.evaluate, 'Evaluating the moves…', evaluate);
  wire(ui.apply, 'Reading the moves…', async (ctx) => {
    const { moves, question } = await describeApply(ctx);
    ui.status.textContent = 'Waiting for your answer…';
    if (!(await confirm(ui, question))) return 'Apply cancelled: nothing changed.';
    ui.status.textContent = 'Applying…';
    return apply(ctx, moves);
  });
}

/** Buttons wired to an action (the others stay disabled until their action exists). */
const wired = new Set<HTMLButtonElement>();

function setActionsEnabled(enabled: boolean): void {
  for (const button of wired) button.disabled = !enabled;
}

/** Asks the user in the pane (Office add-ins cannot use window.confirm). */
function confirm(ui: TaskpaneElements, question: string): Promise<boolean> {
  ui.confirmText.textContent = question;
  ui.confirm.hidden = false;
  return new Promise((resolve) => {
    const answer = (yes: boolean) => () => {
      ui.confirm.hidden = true;
      ui.confirmYes.onclick = null;
      ui.confirmNo.onclick = null;
      resolve(yes);
    };
    ui.confirmYes.onclick = answer(true);
    ui.confirmNo.onclick = answer(false);
  });
}

/**
 * Runs one user action with progress shown and errors as a sentence (never a stack trace).
 * Returns once the action settled.
 */
export async function run(
  ui: TaskpaneElements,
  label: string,
  action: (progress: (done: number, total: number) => void) => Promise<string>,
): Promise<void> {
  ui.error.hidden = true;
  ui.status.textContent = label;
  ui.progress.hidden = false;
  ui.progress.removeAttribute('value');
  try {
    ui.status.textContent = await action((done, total) => {
      ui.progress.max = Math.max(total, 1);
      ui.progress.value = done;
      ui.status.textContent = `${label} ${done.toLocaleString()} of ${total.toLocaleString()} rows`;
    });
  } catch (error) {
    ui.status.textContent = '';
    ui.error.hidden = false;
    ui.error.textContent = humanMessage(error);
  } finally {
    ui.progress.hidden = true;
  }
}

/** The one place an exception becomes text for a person. */
export function humanMessage(error: unknown): string {
  if (error instanceof AddinError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'RequestPayloadSizeLimitExceeded') {
    return 'Excel refused a request as too large. Try a narrower pull (fewer rows).';
  }
  if (typeof code === 'string') return `Excel could not finish (${code}). Try again.`;
  return 'Something went wrong. Try again; if it persists, tell your Trueup administrator.';
}
