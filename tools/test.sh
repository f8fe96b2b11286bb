#!/usr/bin/env bash
# Command 2 of the README: installs what is missing, builds in Release and runs every test project
# against a real PostgreSQL (an embedded cluster per test assembly, or the server named by
# FHIREF_TEST_CONNECTION). Prints the test summary; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/lib/prerequisites.sh

fhiref_ensure_postgres
fhiref_ensure_dotnet
fhiref_ensure_node
fhiref_log "dotnet build FhirEf.sln (Release)"
dotnet build FhirEf.sln -c Release -nologo -v quiet -clp:ErrorsOnly

fhiref_log "dotnet test"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test FhirEf.sln -c Release --no-build -nologo --blame-hang-timeout 15m 2>&1 | tee "$log" || status=$?

# One summary over all test assemblies: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
awk '
  /(Passed|Failed)!  - Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i+1) + 0 }
      if ($i == "Passed:")  { p += $(i+1) + 0 }
      if ($i == "Skipped:") { s += $(i+1) + 0 }
      if ($i == "Total:")   { t += $(i+1) + 0 }
    }
    n++
  }
  END { printf "\nFhirEf tests: %d assemblies, %d total, %d passed, %d failed, %d skipped\n", n, t, p, f, s }
' "$log"
exit "$status"
