/** The task pane's elements, looked up once by id (taskpane.html). */
function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`taskpane.html lacks #${id}`);
  return element;
}

export function taskpaneElements() {
  return {
    outsideOffice: byId('outside-office', HTMLParagraphElement),
    apiUrl: byId('api-url', HTMLInputElement),
    token: byId('token', HTMLInputElement),
    connect: byId('connect', HTMLButtonElement),
    smartAccount: byId('smart-account', HTMLSelectElement),
    asOf: byId('as-of', HTMLInputElement),
    pullPositions: byId('pull-positions', HTMLButtonElement),
    pullFindings: byId('pull-findings', HTMLButtonElement),
    pullRenewal: byId('pull-renewal', HTMLButtonElement),
    setupMoves: byId('setup-moves', HTMLButtonElement),
    suggest: byId('suggest', HTMLButtonElement),
    evaluate: byId('evaluate', HTMLButtonElement),
    apply: byId('apply', HTMLButtonElement),
    confirm: byId('confirm', HTMLDivElement),
    confirmText: byId('confirm-text', HTMLParagraphElement),
    confirmYes: byId('confirm-yes', HTMLButtonElement),
    confirmNo: byId('confirm-no', HTMLButtonElement),
    progress: byId('progress', HTMLProgressElement),
    status: byId('status', HTMLParagraphElement),
    error: byId('error', HTMLParagraphElement),
  };
}

export type TaskpaneElements = ReturnType<typeof taskpaneElements>;
