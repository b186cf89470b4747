#!/usr/bin/env bash
# Generates N synthetic patients (FHIR R4 bundles, type transaction, 10 years of history) with Synthea 3.3.0 from
# Maven Central, on its own classpath (it brings HAPI 6.1 and Guava 31). Deterministic: same N and seed, same people.
# Usage: bench/synthea.sh OUTDIR [N (default 50)] [seed (default 42)]
set -euo pipefail
OUT=${1:?usage: bench/synthea.sh OUTDIR [N] [seed]}
N=${2:-50}
SEED=${3:-42}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
	<modelVersion>4.0.0</modelVersion>
	<groupId>bench</groupId>
	<artifactId>synthea-classpath</artifactId>
	<version>1</version>
	<dependencies>
		<dependency>
			<groupId>org.mitre.synthea</groupId>
			<artifactId>synthea</artifactId>
			<version>3.3.0</version>
		</dependency>
	</dependencies>
</project>
POM
"$ROOT/mvnw" -q -B -f "$WORK/pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
mkdir -p "$OUT"
java -cp "$(cat "$WORK/cp.txt")" App -p "$N" -s "$SEED" -cs "$SEED" --exporter.baseDirectory="$WORK/out" \
	--exporter.fhir.export=true --exporter.hospital.fhir.export=false --exporter.practitioner.fhir.export=false \
	--exporter.ccda.export=false --exporter.csv.export=false --exporter.years_of_history=10 \
	--generate.only_alive_patients=true Massachusetts >"$WORK/synthea.log" 2>&1 \
	|| { tail -20 "$WORK/synthea.log"; exit 1; }
cp "$WORK"/out/fhir/*.json "$OUT"/
echo "$(ls "$OUT"/*.json | wc -l) bundles in $OUT"
