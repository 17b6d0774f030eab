/**
 * How a product instance reaches Cisco: online (DIRECT_CLOUD), through an SSM On-Prem satellite
 * (ON_PREM), or by offline reservation (SLR, PLR). The one list: the GraphQL `ConnectionMode`
 * enum is built from it, and a type test holds the database's `connection_mode` enum equal to it.
 */
export const CONNECTION_MODES = ['DIRECT_CLOUD', 'ON_PREM', 'SLR', 'PLR'] as const;

export type ConnectionMode = (typeof CONNECTION_MODES)[number];
