#!/usr/bin/env bash
# The long HTTP + database fuzz run (not CI): 12 properties (10 import formats, fuzzed
# mutation inputs, fuzzed snapshot arguments) × FUZZ_DB_RUNS cases, over real HTTP into the
# database, fixed seed. The default, 834 cases a property, makes 10,008 cases in all.
# Usage: test/scripts/fuzz-db-10k.sh [log file]   (DATABASE_URL=postgres://… for PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/../.."
log="${1:-/tmp/trueup-fuzz-db.log}"
export FUZZ_DB_RUNS="${FUZZ_DB_RUNS:-834}"
export FUZZ_CASE_MS="${FUZZ_CASE_MS:-2000}"
echo "fuzz: ${FUZZ_DB_RUNS} cases × 12 properties, seed ${FUZZ_SEED:-20261128}, log ${log}"
npx vitest run test/integration/fuzz.test.ts --maxWorkers=1 --reporter=verbose 2>&1 | tee "$log"
