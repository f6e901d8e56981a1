#!/usr/bin/env bash
# The demo: the app on http://localhost:3000, the backend on :7007, with
# in-memory SQLite, guest sign-in and simulated EKS clusters. Installs
# whatever the machine lacks. Stop it with Ctrl-C.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
cd "$REPO_ROOT"

ensure_toolchain

say "Starting the demo: app on http://localhost:3000, backend on http://localhost:7007"
exec yarn start "$@"
