#!/usr/bin/env bash
# Refreshes the pinned FHIR R4 definitions in spec/fhir/r4 from HL7's npm package and rewrites
# the checksum table in spec/README.md. Usage: tools/update-spec.sh [package-version]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
package="hl7.fhir.r4.examples"
version="${1:-4.0.1}"
target="$root/spec/fhir/r4"

# file in spec/fhir/r4  <-  file in the npm package
mapping=(
  "profiles-resources.json:Bundle-resources.json"
  "profiles-types.json:Bundle-types.json"
  "search-parameters.json:Bundle-searchParams.json"
  "valuesets.json:Bundle-valuesets.json"
  "v2-tables.json:Bundle-v2-valuesets.json"
  "v3-codesystems.json:Bundle-v3-valuesets.json"
  "compartmentdefinition-patient.json:CompartmentDefinition-patient.json"
  "compartmentdefinition-encounter.json:CompartmentDefinition-encounter.json"
  "compartmentdefinition-relatedperson.json:CompartmentDefinition-relatedPerson.json"
  "compartmentdefinition-practitioner.json:CompartmentDefinition-practitioner.json"
  "compartmentdefinition-device.json:CompartmentDefinition-device.json"
)

command -v npm >/dev/null || { echo "update-spec: npm is required (apt-get install -y npm)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package@$version" >/dev/null && tar xzf ./*.tgz)

mkdir -p "$target"
rows=""
for pair in "${mapping[@]}"; do
  name="${pair%%:*}"
  source="${pair#*:}"
  cp "$work/package/$source" "$target/$name"
  sum="$(sha256sum "$target/$name" | cut -d' ' -f1)"
  size="$(stat -c %s "$target/$name")"
  rows+="| \`$name\` | \`$source\` | $size | \`$sum\` |"$'\n'
done

readme="$root/spec/README.md"
begin='<!-- checksums:begin -->'
end='<!-- checksums:end -->'
table="$begin"$'\n'"| file | file in the package | bytes | SHA-256 |"$'\n'"|---|---|---:|---|"$'\n'"$rows$end"
python3 - "$readme" "$table" "$package@$version" <<'PY'
import re, sys
path, table, pkg = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path, encoding="utf-8").read()
text = re.sub(r"<!-- checksums:begin -->.*?<!-- checksums:end -->", lambda _: table, text, flags=re.S)
text = re.sub(r"Source package: `[^`]*`", f"Source package: `{pkg}`", text)
open(path, "w", encoding="utf-8").write(text)
PY
echo "update-spec: pinned ${#mapping[@]} files from $package@$version into spec/fhir/r4"
