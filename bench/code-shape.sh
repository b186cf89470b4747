#!/usr/bin/env bash
# The code-shape figures of issue 20, from the sources as they are: controller lines, the largest class and method,
# NhsNumber.parse call sites, hand-written rejectValue calls, and the jar's size when one is built.
#
#   bench/code-shape.sh
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import pathlib, re
root = pathlib.Path("src/main/java")
files = sorted(root.rglob("*.java"))
controllers = [f for f in files if f.name.endswith("Controller.java")]
lines = lambda f: sum(1 for _ in f.open(encoding="utf-8"))
total = sum(lines(f) for f in files)
ctrl = sum(lines(f) for f in controllers)
print(f"Java lines (src/main): {total}; controllers: {len(controllers)} files, {ctrl} lines ({ctrl * 100 // total}%)")
big = sorted(controllers, key=lines, reverse=True)
print("Controllers over 200 lines:", ", ".join(f"{f.stem} {lines(f)}" for f in big if lines(f) > 200) or "none")
largest = max(files, key=lines)
print(f"Largest class: {largest.stem} ({lines(largest)} lines)")
# methods: a line that opens a body after a parameter list, measured to its closing brace at the same depth
method = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s*)*(?:(?:public|protected|private|static|final|synchronized|default)\s+)*"
                    r"(?:<[^>]+>\s+)?[\w.<>\[\], ?@]+\s+(\w+)\s*\([^;{]*\)\s*(?:throws [\w., ]+)?\s*\{\s*$")
longest = []
for f in files:
    text = f.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(text):
        m = method.match(text[i])
        if m and m.group(1) not in ("if", "for", "while", "switch", "catch", "synchronized", "return", "new"):
            depth, j = 0, i
            while j < len(text):
                depth += text[j].count("{") - text[j].count("}")
                if depth <= 0 and j > i:
                    break
                j += 1
            longest.append((j - i + 1, f"{f.stem}.{m.group(1)}"))
        i += 1
longest.sort(reverse=True)
print("Longest methods:", ", ".join(f"{name} {n}" for n, name in longest[:5]))
over = [x for x in longest if x[0] > 40]
print(f"Methods over 40 lines: {len(over)}")
in_controllers = [name for n, name in over if name.split(".")[0].endswith("Controller")]
print(f"Controller methods over 40 lines: {len(in_controllers)}" + (f" ({', '.join(in_controllers)})" if in_controllers else ""))
src = {f: f.read_text(encoding="utf-8") for f in files}
print("NhsNumber.parse call sites:", sum(t.count("NhsNumber.parse(") for t in src.values()))
print("new NhsNumber( call sites:", sum(t.count("new NhsNumber(") for t in src.values()))
print("rejectValue calls:", sum(t.count(".rejectValue(") for t in src.values()))
PY
jar=$(ls target/primarycare-*.jar 2>/dev/null | grep -v -- '-plain.jar' | head -n 1 || true)
[[ -n "$jar" ]] && echo "Jar: $jar $(du -m "$jar" | cut -f1) MB" || echo "Jar: not built (./mvnw package)"
