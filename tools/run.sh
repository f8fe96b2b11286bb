#!/usr/bin/env bash
# Command 1 of the README: installs what is missing, builds, and runs the FhirEf server on
# http://127.0.0.1:5080 (FHIR base /fhir) over the embedded PostgreSQL unless
# ConnectionStrings:Fhir names another. Migrations are applied at start. Ctrl-C stops the server
# and the embedded database. Arguments go to the server, e.g. tools/run.sh --urls http://0.0.0.0:8080
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/lib/prerequisites.sh

fhiref_ensure_postgres
fhiref_ensure_dotnet
fhiref_log "dotnet build (Release)"
dotnet build src/FhirEf.Server/FhirEf.Server.csproj -c Release -nologo -v quiet -clp:ErrorsOnly

export Database__MigrateOnStartup="${Database__MigrateOnStartup:-true}"
fhiref_log "starting FhirEf (Ctrl-C stops it)"
exec dotnet src/FhirEf.Server/bin/Release/net10.0/FhirEf.Server.dll "$@"
