/**
 * The GraphQL global id of a row, written out from the rule (base64 of `Type:id`) rather than
 * imported from the API, so a test fails if the API's encoding changes.
 */
export const gid = (type: string, id: number): string =>
  Buffer.from(`${type}:${id}`, 'utf8').toString('base64');
