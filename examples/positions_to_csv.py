#!/usr/bin/env python3
"""Pull a Smart Account's position rows from the Trueup API into a CSV file.

Standard library only (Python 3.8+). Pages through `positionRows` with `first`/`after` until
`hasNextPage` is false, writing one CSV row per Virtual Account x license line with every flat
column (the same columns as GET /export/positions.csv, which gives them in one request).

    TRUEUP_TOKEN=... python3 positions_to_csv.py --url http://127.0.0.1:4000/graphql \
        --domain acme.example --out positions.csv [--as-of 2026-06-30] [--page-size 5000]
"""

import argparse
import csv
import json
import os
import sys
import urllib.request

# Every flat column of PositionRow (scalars cost 0: a page of 5,000 costs ~10,000 of 100,000).
COLUMNS = [
    "asOf", "virtualAccountName", "region", "businessUnit", "environment", "licenseName",
    "productFamily", "unit", "kind", "billing", "owned", "ownedSmart", "ownedClassic", "consumed",
    "reserved", "statedReserved", "balance", "shortfall", "surplus", "usageReportedAt",
    "unitPrice", "exposure", "currency",
]

QUERY = """
query PositionRows($domain: String!, $asOf: Date, $first: Int!, $after: String) {
  smartAccount(domain: $domain) {
    positionRows(asOf: $asOf, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { %s }
    }
  }
}
""" % " ".join(COLUMNS)


def post(url, token, variables):
    """One GraphQL request; raises with the server's message on any GraphQL error."""
    request = urllib.request.Request(
        url,
        data=json.dumps({"query": QUERY, "variables": variables}).encode("utf-8"),
        headers={
            "Content-Type": "application/json",
            "Accept": "application/json",
            "Authorization": "Bearer " + token,
        },
        method="POST",
    )
    with urllib.request.urlopen(request) as response:
        body = json.load(response)
    if body.get("errors"):
        raise SystemExit("Trueup: " + body["errors"][0]["message"])
    return body["data"]


def pull(url, token, domain, as_of, page_size, out):
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    after = None
    rows = 0
    while True:
        data = post(url, token, {"domain": domain, "asOf": as_of, "first": page_size, "after": after})
        if data["smartAccount"] is None:
            raise SystemExit("Trueup: no Smart Account " + domain + " for this token")
        page = data["smartAccount"]["positionRows"]
        for node in page["nodes"]:
            writer.writerow({column: node[column] for column in COLUMNS})
            rows += 1
        if not page["pageInfo"]["hasNextPage"]:
            return rows
        after = page["pageInfo"]["endCursor"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the API, e.g. http://127.0.0.1:4000/graphql")
    parser.add_argument("--domain", required=True, help="the Smart Account domain")
    parser.add_argument("--as-of", default=None, help="YYYY-MM-DD (default today)")
    parser.add_argument("--page-size", type=int, default=5000, help="rows per request, 1-5000")
    parser.add_argument("--out", default="-", help="CSV file (default standard output)")
    args = parser.parse_args()
    token = os.environ.get("TRUEUP_TOKEN")
    if not token:
        raise SystemExit("Set TRUEUP_TOKEN to an API token (trueup token create ...)")
    out = sys.stdout if args.out == "-" else open(args.out, "w", newline="", encoding="utf-8")
    try:
        rows = pull(args.url, token, args.domain, args.as_of, args.page_size, out)
    finally:
        if out is not sys.stdout:
            out.close()
    print("wrote %d rows" % rows, file=sys.stderr)


if __name__ == "__main__":
    main()
