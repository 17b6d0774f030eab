/** The query preloaded in the explorer and printed by `trueup serve`. */
export const SAMPLE_QUERY = `# The demo Smart Account's position: per license, then per Virtual Account.
query DemoPosition {
  smartAccount(domain: "acme-networks.example") {
    name
    position {
      licenseName
      owned
      consumed
      grossShortfall
      netShortfall
      surplus
    }
    positionRows(first: 20) {
      totalCount
      nodes {
        virtualAccountName
        licenseName
        owned
        consumed
        reserved
        balance
        shortfall
        surplus
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
`;
