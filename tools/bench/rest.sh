#!/usr/bin/env bash
# The REST benchmarks of docs/benchmarks.md, in one run on this machine:
#   1. transaction ingest of N Synthea patients (resources/s), sequential and 2 at a time;
#   2. server memory (RSS) after ingest;
#   3. read by id over HTTP with wrk (64 connections, loopback) next to raw Npgsql selecting the same
#      rows with 64 connections, with the server's read cache on (default) and off.
# Usage: tools/bench/rest.sh [patients=100] [seconds=30]; FHIREF_BENCH_WARMUP (default 60) untimed
# seconds of reads come before each timed read run. Needs root or wrk installed; uses its own
# embedded PostgreSQL under .data/bench (deleted and recreated each run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source tools/lib/prerequisites.sh

patients="${1:-100}"
seconds="${2:-30}"
warmup="${FHIREF_BENCH_WARMUP:-60}"
bundles="${FHIREF_SYNTHEA:-../shared/data/synthea-r4-2019-transaction-bundles}"
[ -d "$bundles" ] || bundles="tests/data/synthea"
port=5091
pg_port=54391
work=".data/bench"
results="$work/results.txt"

fhiref_ensure_postgres
fhiref_ensure_dotnet
command -v wrk >/dev/null || fhiref_apt_install wrk
fhiref_log "dotnet build (Release)"
dotnet build src/FhirEf.Server/FhirEf.Server.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build tools/FhirEf.Benchmarks/FhirEf.Benchmarks.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
load() { dotnet tools/FhirEf.Benchmarks/bin/Release/net10.0/FhirEf.Benchmarks.dll rest "$@"; }

server_pid=""
start_server() { # $1: data directory name, then extra environment assignments
  local data="$work/$1"; shift
  env ASPNETCORE_URLS="http://127.0.0.1:$port" ConnectionStrings__Fhir="" \
    Database__Embedded__DataDirectory="$data" Database__Embedded__Port="$pg_port" Database__Embedded__Settings__max_connections=300 Database__MigrateOnStartup=true \
    Fhir__Tenancy__DefaultProjectId=bench Logging__LogLevel__Default=Warning "$@" \
    dotnet src/FhirEf.Server/bin/Release/net10.0/FhirEf.Server.dll >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; fhiref_die "the server stopped"; }
    sleep 0.5
  done
  fhiref_die "the server did not become ready"
}
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
trap stop_server EXIT

rm -rf "$work"
mkdir -p "$work"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "postgres: $("$(fhiref_postgres_bindir)/postgres" --version)"
  echo "dotnet: $(dotnet --version)"
  echo "bundles: $bundles ($patients patients); reads: ${warmup} s untimed, then ${seconds} s timed"
} | tee "$results"

fhiref_log "ingest, one bundle at a time"
start_server pg-sequential
echo "ingest sequential: $(load ingest --base "http://127.0.0.1:$port/fhir" --bundles "$bundles" --count "$patients" --parallel 1 --ids-out "$work/ids.txt")" | tee -a "$results"
echo "server RSS after ingest: $(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$server_pid/status")" | tee -a "$results"
stop_server

fhiref_log "ingest, two bundles at a time, then reads"
start_server pg
echo "ingest parallel 2: $(load ingest --base "http://127.0.0.1:$port/fhir" --bundles "$bundles" --count "$patients" --parallel 2 --ids-out "$work/ids.txt")" | tee -a "$results"
echo "server RSS after ingest: $(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$server_pid/status")" | tee -a "$results"
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=fhiref"
read_http() { # $1: label
  # Untimed first: the JIT's tiers and the read cache settle over the first ~40 s of load on 2 cores;
  # the raw reader likewise prepares its statements before it counts.
  wrk -t2 -c64 -d"${warmup}s" -s tools/bench/read-by-id.lua "http://127.0.0.1:$port" -- "$work/ids.txt" > /dev/null
  wrk -t2 -c64 -d"${seconds}s" --latency -s tools/bench/read-by-id.lua "http://127.0.0.1:$port" -- "$work/ids.txt" > "$work/wrk-$1.txt"
  echo "http read ($1): $(awk '/Requests\/sec/ {print $2 " req/s"}' "$work/wrk-$1.txt"), $(grep -E '^ +50%|^ +99%' "$work/wrk-$1.txt" | xargs), $(grep 'non-200' "$work/wrk-$1.txt")" | tee -a "$results"
}
curl -sf "http://127.0.0.1:$port/fhir/$(head -1 "$work/ids.txt")" >/dev/null
read_http "cache on"
echo "raw npgsql read: $(load raw-read --connection "$connection" --project bench --ids "$work/ids.txt" --connections 64 --seconds "$seconds")" | tee -a "$results"
echo "server RSS after reads: $(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$server_pid/status")" | tee -a "$results"
stop_server

fhiref_log "reads with the server's cache off"
start_server pg Fhir__Storage__Cache__Enabled=false
read_http "cache off"
echo "raw npgsql read: $(load raw-read --connection "$connection" --project bench --ids "$work/ids.txt" --connections 64 --seconds "$seconds")" | tee -a "$results"
stop_server

fhiref_log "results in $results"
