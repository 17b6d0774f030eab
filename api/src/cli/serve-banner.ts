/** How to get a token while the server runs (the CLI reaches the database through it). */
export const TOKEN_HINT =
  './trueup token create --role admin --all-smart-accounts --name me | tail -n 1';

/**
 * What `serve` prints once it listens: the URLs, then a token (the new one on a first start,
 * otherwise how to create one), then the sample `curl` that uses it.
 */
export function serveBanner(options: {
  readonly where: string;
  readonly url: string;
  readonly graphqlUrl: string;
  readonly domain: string;
  /** `announceToken(...)` of the token created on this (first) start. */
  readonly token: string | undefined;
}): string {
  const indent = (text: string) =>
    text
      .trimEnd()
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n');
  const tokenBlock = options.token
    ? `First start: an admin token for the existing Smart Accounts (shown this once; later,\n` +
      `create another with \`${TOKEN_HINT}\`):\n` +
      indent(options.token.split('\n').slice(0, -2).join('\n')) +
      `\n  export TRUEUP_TOKEN=${options.token.trimEnd().split('\n').at(-1)}\n`
    : `Every request needs a token. Create one (works while this server runs):\n` +
      `  export TRUEUP_TOKEN=$(${TOKEN_HINT})\n`;
  return (
    `\nTrueup is running on ${options.where}\n` +
    `  GraphQL:   ${options.graphqlUrl}\n` +
    `  Explorer:  ${options.url}/ (paste the token in its Token field)\n` +
    `  Health:    ${options.url}/healthz\n` +
    `  Add-in:    ${options.url}/addin/manifest.xml (sideload it in Excel)\n\n` +
    tokenBlock +
    `\nTry it:\n  curl -s ${options.graphqlUrl} -H 'content-type: application/json' \\\n` +
    `    -H "Authorization: Bearer $TRUEUP_TOKEN" \\\n` +
    `    -d '{"query":"{ smartAccount(domain: \\"${options.domain}\\") { position { licenseName owned consumed netShortfall } } }"}'\n\n`
  );
}
