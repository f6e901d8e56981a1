# shellcheck shell=bash
# Sourced by scripts/start.sh and scripts/test.sh. Installs what this machine
# lacks (each install prints one "==> Installing" line) and never asks
# anything: it must work the same on a laptop, a fresh VM and in CI.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLCHAIN_DIR="$REPO_ROOT/.cache/toolchain"

say() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }
fail() { printf '\n\033[1;31m!!! %s\033[0m\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

node_major() {
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

# Backstage needs Node 22 or 24. When the system's Node is older, take Node 22
# from the npm registry (the node-linux-<arch> package ships the binary and
# its headers, which native modules such as better-sqlite3 compile against).
ensure_node() {
  if [ "$(node_major)" -ge 22 ]; then
    return
  fi
  command -v npm >/dev/null || fail "Node.js and npm are needed to bootstrap (any version)."
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) fail "No Node 22 package for $(uname -m); install Node 22 or 24 yourself." ;;
  esac
  local pkg="node-linux-$arch"
  local home="$TOOLCHAIN_DIR/node22/node_modules/$pkg"
  if [ ! -x "$home/bin/node" ]; then
    say "Installing Node 22 ($pkg from the npm registry; system Node is $(node --version 2>/dev/null || echo absent))"
    npm install --prefix "$TOOLCHAIN_DIR/node22" --no-save --no-package-lock \
      --no-audit --no-fund --loglevel=error "$pkg@22" >/dev/null
  fi
  export PATH="$home/bin:$PATH"
  export npm_config_nodedir="$home"
}

# Yarn is the version package.json's packageManager names, taken from the
# npm registry like Node (no corepack, no global install), and it uses the
# registry npm is configured with. A shim on PATH lets tools that spawn
# `yarn` find it.
ensure_yarn() {
  local version home
  version="$(node -p 'require(process.argv[1]).packageManager.split("@")[1]' "$REPO_ROOT/package.json")"
  home="$TOOLCHAIN_DIR/yarn-$version/node_modules/@yarnpkg/cli-dist"
  if [ ! -f "$home/bin/yarn.js" ]; then
    say "Installing Yarn $version (@yarnpkg/cli-dist from the npm registry)"
    npm install --prefix "$TOOLCHAIN_DIR/yarn-$version" --no-save --no-package-lock \
      --no-audit --no-fund --loglevel=error "@yarnpkg/cli-dist@$version" >/dev/null
  fi
  mkdir -p "$TOOLCHAIN_DIR/bin"
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$home/bin/yarn.js" >"$TOOLCHAIN_DIR/bin/yarn"
  chmod +x "$TOOLCHAIN_DIR/bin/yarn"
  export PATH="$TOOLCHAIN_DIR/bin:$PATH"
  YARN_NPM_REGISTRY_SERVER="$(npm config get registry 2>/dev/null | sed 's#/*$##')"
  export YARN_NPM_REGISTRY_SERVER
}

ensure_dependencies() {
  if [ -f "$REPO_ROOT/node_modules/.yarn-state.yml" ] &&
    [ "$REPO_ROOT/node_modules/.yarn-state.yml" -nt "$REPO_ROOT/yarn.lock" ]; then
    say "Checking dependencies (yarn install --immutable)"
  else
    say "Installing dependencies (yarn install --immutable; about 4 minutes from a cold cache)"
  fi
  (cd "$REPO_ROOT" && yarn install --immutable --inline-builds >"$TOOLCHAIN_DIR/yarn-install.log" 2>&1) ||
    { tail -n 40 "$TOOLCHAIN_DIR/yarn-install.log"; fail "yarn install failed (full log: .cache/toolchain/yarn-install.log)"; }
}

ensure_toolchain() {
  mkdir -p "$TOOLCHAIN_DIR"
  ensure_node
  ensure_yarn
  ensure_dependencies
}

apt_install() {
  say "Installing $* (Debian packages)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_chromium() {
  if [ -z "${CHROMIUM_PATH:-}" ]; then
    command -v chromium >/dev/null || apt_install chromium
    CHROMIUM_PATH="$(command -v chromium || true)"
  fi
  [ -n "$CHROMIUM_PATH" ] && [ -x "$CHROMIUM_PATH" ] || fail "Chromium not found: install Debian's chromium or set CHROMIUM_PATH"
  export CHROMIUM_PATH
}

# A Python that can import the official Kubernetes client, for eks-sim's
# conformance suite: python3 on PATH, else the interpreter of Debian's
# python3 package (a pyenv or venv python3 may shadow it). Installs Debian's
# python3-kubernetes when neither has it, and exports PYTHON_KUBERNETES.
python_with_kubernetes() {
  local candidate
  # shellcheck disable=SC2046,SC2086 # word splitting wanted: a list of paths
  for candidate in ${PYTHON_KUBERNETES:-} python3 \
    $(dpkg-query -L python3-minimal 2>/dev/null | grep '/bin/python3$'); do
    if "$candidate" -c 'import kubernetes' >/dev/null 2>&1; then
      command -v "$candidate"
      return
    fi
  done
}

ensure_python_kubernetes() {
  local python
  python="$(python_with_kubernetes)"
  if [ -z "$python" ]; then
    apt_install python3-kubernetes
    python="$(python_with_kubernetes)"
  fi
  [ -n "$python" ] || fail "The Python Kubernetes client is missing: install Debian's python3-kubernetes or set PYTHON_KUBERNETES"
  export PYTHON_KUBERNETES="$python"
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Where the newest installed PostgreSQL server keeps initdb and pg_ctl: as
# PG_BINDIR says, else as Debian's package database says.
postgres_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then
    echo "$PG_BINDIR"
    return
  fi
  local packages initdb
  packages="$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' 'postgresql-[0-9]*' 2>/dev/null |
    awk '$1 == "ii" && $2 ~ /^postgresql-[0-9.]+$/ { print $2 }')"
  [ -n "$packages" ] || return 0
  # shellcheck disable=SC2086
  initdb="$(dpkg-query -L $packages 2>/dev/null | grep '/bin/initdb$' | sort -V | tail -n 1)"
  [ -n "$initdb" ] && dirname "$initdb"
  return 0
}

# A private PostgreSQL for the store tests: its own data directory, a free
# port on 127.0.0.1, stopped when the calling script exits. An existing
# server is used instead when BACKSTAGE_TEST_DATABASE_POSTGRES<version>_CONNECTION_STRING
# is set, as Backstage's TestDatabases reads it.
ensure_postgres() {
  if env | grep -q '^BACKSTAGE_TEST_DATABASE_POSTGRES[0-9]*_CONNECTION_STRING='; then
    return
  fi
  local bindir
  bindir="$(postgres_bindir)"
  if [ -z "$bindir" ]; then
    apt_install postgresql
    bindir="$(postgres_bindir)"
  fi
  [ -n "$bindir" ] || fail "PostgreSQL's initdb not found: set PG_BINDIR"
  local port dir major runas=()
  major="$("$bindir/postgres" --version | awk '{print $3}' | cut -d. -f1)"
  port="$(free_port)"
  dir="$(mktemp -d -t storage-test-pg.XXXXXX)"
  # initdb refuses to run as root: run the server as the postgres user then.
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir"
    runas=(su postgres -s /bin/sh -c)
  else
    runas=(sh -c)
  fi
  say "Starting PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') for the store tests on 127.0.0.1:$port"
  "${runas[@]}" "'$bindir/initdb' -D '$dir/data' -A trust -U postgres >'$dir/initdb.log' 2>&1" ||
    fail "initdb failed: $(cat "$dir/initdb.log")"
  "${runas[@]}" "'$bindir/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off -c full_page_writes=off\" start >/dev/null" ||
    fail "PostgreSQL did not start: $(cat "$dir/server.log")"
  POSTGRES_STOP=("${runas[@]}" "'$bindir/pg_ctl' -D '$dir/data' -m fast stop >/dev/null 2>&1; rm -rf '$dir'")
  export "BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING=postgresql://postgres@127.0.0.1:$port"
}

stop_postgres() {
  if [ -n "${POSTGRES_STOP+x}" ]; then
    "${POSTGRES_STOP[@]}" || true
  fi
}
