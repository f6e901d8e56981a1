#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it: type-check, lint, unit and
# integration tests (store tests on SQLite and PostgreSQL), benchmark smoke
# runs and the browser tests. Installs whatever the machine lacks.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
cd "$REPO_ROOT"

started=$(date +%s)
trap 'stop_postgres' EXIT

ensure_toolchain

say "Type-checking (yarn tsc)"
yarn tsc

say "Linting (yarn lint:all, yarn prettier:check)"
yarn lint:all
yarn prettier:check

ensure_postgres
ensure_python_kubernetes
say "Unit and integration tests (Jest; SQLite and PostgreSQL)"
CI=true yarn backstage-cli repo test --maxWorkers=2 \
  --json --outputFile="$TOOLCHAIN_DIR/jest-results.json"

# The browser benchmarks and tests need Chromium.
ensure_chromium
say "Benchmarks in smoke mode (yarn bench --smoke)"
yarn bench --smoke

say "Browser tests (Playwright with Debian's Chromium)"
yarn test:e2e

say "All tests passed in $(($(date +%s) - started)) s"
# One closing line with the count of every test run, Jest's and the browser's.
node -e '
  const jest = require(process.argv[1]);
  const e2e = require(process.argv[2]).stats;
  const passed = jest.numPassedTests + e2e.expected;
  const failed = jest.numFailedTests + e2e.unexpected;
  console.log(`tests: ${passed} passed, ${failed} failed`);
' "$TOOLCHAIN_DIR/jest-results.json" "$REPO_ROOT/test-results/e2e-results.json"
