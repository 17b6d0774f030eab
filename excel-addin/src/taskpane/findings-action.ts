import { execute } from '../api-client/client.js';
import { AddinError } from '../api-client/errors.js';
import { FINDINGS, units, type FindingData, type FindingsData } from '../api-client/operations.js';
import { findingsSheet } from '../model/findings-sheet.js';
import { writeSheet } from '../office/write-sheet.js';

import { account, asOfText, type ActionContext } from './action-context.js';

/** Findings → `Findings` table, most urgent first (as the API orders them). */
export async function pullFindings(ctx: ActionContext): Promise<string> {
  const query = account(ctx);
  const findings: FindingData[] = [];
  let after: string | null = null;
  for (;;) {
    const data: FindingsData = await execute(
      ctx.connection,
      FINDINGS,
      { domain: query.smartAccount, asOf: query.asOf, first: 500, after },
      ctx.fetch,
    );
    if (!data.smartAccount)
      throw new AddinError('input', `No Smart Account ${query.smartAccount}.`);
    const page = data.smartAccount.findings;
    findings.push(...page.nodes);
    if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null) break;
    after = page.pageInfo.endCursor;
  }
  await ctx.excel((context) =>
    writeSheet(
      context,
      findingsSheet(findings.map((f) => ({ ...f, quantity: units(f.quantity) }))),
      { onProgress: ctx.progress },
    ),
  );
  return `Pulled ${findings.length} finding(s) ${asOfText(query.asOf)} into Findings.`;
}
