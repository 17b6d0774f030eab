/** Why an API call failed, for the task pane and custom functions (STYLE.md §9.8). */
export type AddinErrorKind = 'network' | 'graphql' | 'input' | 'auth';

export class AddinError extends Error {
  constructor(
    readonly kind: AddinErrorKind,
    message: string,
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AddinError';
  }
}

/** One sentence a person can act on, per GraphQL error code; never a stack trace. */
export function messageForCode(code: string | undefined, serverMessage: string): string {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'The server did not accept your token. Check the token in Connect and try again.';
    case 'FORBIDDEN':
      return 'Your token’s role does not allow this change. Ask for an admin token to apply changes.';
    case 'NOT_FOUND':
      return `Not found: ${serverMessage}`;
    case 'BAD_USER_INPUT':
    case 'GRAPHQL_VALIDATION_FAILED':
      return serverMessage;
    case 'QUERY_TOO_COMPLEX':
      return 'The request asked for too much at once. Narrow it (fewer rows) and try again.';
    default:
      return `The Trueup server could not answer (${code ?? 'unknown error'}). Try again; if it persists, tell your Trueup administrator.`;
  }
}
