#!/usr/bin/env bash
# The demo: the app on http://localhost:3000, the backend on :7007, with
# in-memory SQLite, guest sign-in and two simulated EKS clusters (eks-dev on
# 127.0.0.1:7101, eks-prod on 127.0.0.1:7102, as app-config.yaml says).
# Installs whatever the machine lacks. Stop it with Ctrl-C.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
cd "$REPO_ROOT"

ensure_toolchain

SIM_PIDS=()
stop_sims() {
  for pid in "${SIM_PIDS[@]}"; do
    kill -- "-$pid" 2>/dev/null || true
  done
}
trap stop_sims EXIT INT TERM

# start_sim NAME PORT: one simulated cluster, its kubeconfig in .cache/.
start_sim() {
  local name=$1 port=$2 log="$TOOLCHAIN_DIR/eks-sim-$1.log"
  say "Starting simulated cluster $name on http://127.0.0.1:$port (kubeconfig: .cache/toolchain/kubeconfig-$name.yaml)"
  setsid node packages/eks-sim/bin/eks-sim --port "$port" --scenario demo \
    --cluster-name "$name" --kubeconfig "$TOOLCHAIN_DIR/kubeconfig-$name.yaml" \
    >"$log" 2>&1 &
  SIM_PIDS+=("$!")
  for _ in $(seq 1 100); do
    grep -q 'eks-sim listening' "$log" && return
    kill -0 "$!" 2>/dev/null || fail "eks-sim $name did not start: $(tail -n 5 "$log")"
    sleep 0.2
  done
  fail "eks-sim $name did not start within 20 s: $(tail -n 5 "$log")"
}

start_sim eks-dev 7101
start_sim eks-prod 7102

say "Starting the demo: app on http://localhost:3000, backend on http://localhost:7007"
yarn start "$@"
