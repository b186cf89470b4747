#!/usr/bin/env bash
# Where the time of a test run goes, from the Surefire reports it left (issue 20: ./mvnw verify time before and after):
# tests and classes, the sum of the classes' times (the test phase without Maven's own steps, so two runs compare
# even when the build around them differs), the browser test classes' share, the slowest classes, and each Spring
# context started (the class that started it, its start time as Spring logged it, and the demo data it created).
#
#   bench/test-times.sh [reports folder]      (default target/surefire-reports, after ./mvnw verify or test)
set -euo pipefail
cd "$(dirname "$0")/.."
REPORTS="${1:-target/surefire-reports}"
python3 - "$REPORTS" <<'PY'
import pathlib, re, sys
import xml.etree.ElementTree as ET
reports = sorted(pathlib.Path(sys.argv[1]).glob("TEST-*.xml"))
if not reports:
    sys.exit(f"No Surefire reports in {sys.argv[1]}: run ./mvnw verify (or test) first")
classes, starts = [], []
started = re.compile(r"Started (\w+) in ([\d.]+) seconds")
demo = re.compile(r"Demo data (created in \d+ ms|already present)")
for report in reports:
    suite = ET.parse(report).getroot()
    name = suite.get("name").rsplit(".", 1)[-1]
    counts = [int(suite.get(k, 0)) for k in ("tests", "failures", "errors", "skipped")]
    classes.append((float(suite.get("time", 0)), name, *counts))
    out = "".join(e.text or "" for e in suite.iter("system-out"))
    for m in started.finditer(out):
        d = demo.search(out, m.end())
        starts.append((name, float(m.group(2)), d.group(1) if d else "-"))
total = sum(c[0] for c in classes)
tests = sum(c[2] for c in classes)
failed = sum(c[3] + c[4] for c in classes)
skipped = sum(c[5] for c in classes)
browser = [c for c in classes if c[1].endswith("BrowserTests")]
print(f"{tests} tests in {len(classes)} classes, {failed} failed, {skipped} skipped; "
      f"class times add up to {total:.0f} s ({total / 60:.1f} min)")
print(f"Browser test classes: {len(browser)}, {sum(c[0] for c in browser):.0f} s")
print("Slowest classes:")
for t, name, n, *_ in sorted(classes, reverse=True)[:12]:
    print(f"  {t:7.1f} s  {name} ({n} tests)")
print(f"Spring contexts started: {len(starts)}, {sum(s[1] for s in starts):.0f} s as Spring logged them")
for name, seconds, d in starts:
    print(f"  {seconds:7.1f} s  {name}; demo data {d}")
PY
