# Sourced by tools/run.sh and tools/test.sh: installs what a fresh Debian machine with only the
# .NET SDK lacks. Idempotent; each step is skipped when its check passes.

fhiref_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

fhiref_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

fhiref_is_root() { [ "$(id -u)" -eq 0 ]; }

fhiref_apt_updated=""
fhiref_apt_install() {
  if ! fhiref_is_root; then
    fhiref_die "missing: $*. Install it with: sudo apt-get install -y $* (or run this script as root)."
  fi
  command -v apt-get >/dev/null || fhiref_die "missing: $*, and apt-get is not available to install it."
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "$fhiref_apt_updated" ]; then
    fhiref_log "apt-get update"
    apt-get update -qq >/dev/null
    fhiref_apt_updated=1
  fi
  fhiref_log "apt-get install $*"
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# The PostgreSQL bin folder of version 15 or later, or nothing.
fhiref_postgres_bindir() {
  local dir
  dir="$(pg_config --bindir 2>/dev/null || true)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
    echo "$dir"
    return
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    local major
    major="$(basename "$(dirname "$dir")")"
    if [ "${major%%.*}" -ge 15 ] 2>/dev/null && [ -x "$dir/initdb" ]; then
      echo "$dir"
      return
    fi
  done
}

# PostgreSQL 15+ server binaries and contrib (pg_trgm, btree_gin, unaccent) for the embedded cluster.
fhiref_ensure_postgres() {
  local bindir
  bindir="$(fhiref_postgres_bindir)"
  if [ -z "$bindir" ]; then
    fhiref_apt_install postgresql postgresql-contrib
    bindir="$(fhiref_postgres_bindir)"
    [ -n "$bindir" ] || fhiref_die "PostgreSQL was installed but no initdb of version 15 or later was found."
  fi
  local sharedir
  sharedir="$("$bindir/pg_config" --sharedir 2>/dev/null || echo "$(dirname "$bindir")/share")"
  if [ ! -f "$sharedir/extension/pg_trgm.control" ] && ! ls /usr/share/postgresql/*/extension/pg_trgm.control >/dev/null 2>&1; then
    fhiref_apt_install postgresql-contrib
  fi
  # As root the embedded cluster runs as 'postgres' (initdb refuses root); the package creates that user.
  if fhiref_is_root && ! id postgres >/dev/null 2>&1; then
    fhiref_die "running as root needs the OS user 'postgres' for the embedded cluster; install the postgresql package or set Database:Embedded:OsUser."
  fi
  fhiref_log "PostgreSQL binaries: $bindir"
}

fhiref_ensure_dotnet() {
  command -v dotnet >/dev/null || fhiref_die "the .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian"
  fhiref_log "dotnet tool restore"
  dotnet tool restore >/dev/null
}

# Node.js and npm for the OData client test (tests/odata-client, run by tests/FhirEf.Admin.Tests), and
# its packages from the committed lock file. Debian 12's nodejs (18) is new enough.
fhiref_ensure_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    fhiref_apt_install nodejs npm
  fi
  fhiref_log "npm ci (tests/odata-client, node $(node --version))"
  (cd tests/odata-client && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}
