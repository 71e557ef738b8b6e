#!/usr/bin/env bash
# Converter benchmark: wall time and peak memory (max RSS of the JVM, from /usr/bin/time) of
# samovar-convert on the largest corpus model (ResNet .h5) and on a synthetic ~200 MiB model made by
# SyntheticModel.java from seeded random weights; each conversion also runs with a small heap
# (-Xmx) to show that weights stream (the model is never held whole, let alone twice).
# Writes the "converter" section of BENCHMARKS.md. Run: bin/samovar bench converter
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
JAR=converter-cli/target/samovar-convert.jar
[ -f "$JAR" ] || mvn -q -B -pl converter-cli -am -DskipTests package
MODELS=${SAMOVAR_MODELS:-}
for c in shared/models ../shared/models ../../shared/models /work/shared/models; do
  [ -n "$MODELS" ] && break
  [ -f "$c/CORPUS.md" ] && MODELS=$c
done
[ -n "$MODELS" ] || { echo "bench converter: no shared/models corpus found (set SAMOVAR_MODELS)" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
RUNS=${RUNS:-3}

java -Xmx1g -cp "$JAR" converter-cli/bench/SyntheticModel.java "$TMP/synthetic.h5" 200 | tee "$TMP/synthetic.txt" >&2
SYN_LAYERS=$(sed -n 's/.*: \([0-9]*\) Dense layers, \([0-9]*\) parameters.*/\1 Dense, \2 params/p' "$TMP/synthetic.txt")
RESNET="$MODELS/keras_h5/fvilmos_resnet/resnet.h5"

# measure LABEL JAVA_OPTS ARGS... -> one table row: best wall time of RUNS runs, and the max RSS of that run
measure() {
  local label=$1 opts=$2; shift 2
  local best="" rss="" conv="" cpu=""
  for i in $(seq "$RUNS"); do
    rm -rf "$TMP/out" "$TMP/out.h5"
    /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" java $opts -jar "$JAR" "$@" > "$TMP/summary"
    read -r wall user sys kb < "$TMP/time"
    inner=$(sed -n 's/.*done in \([0-9.]*\) s.*/\1/p' "$TMP/summary")
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; rss=$kb; conv=$inner; cpu=$(awk "BEGIN{print $user + $sys}"); fi
  done
  local size
  size=$(du -sb "$TMP"/out* | awk '{s+=$1} END {printf "%.1f", s/1048576}')
  printf '| %s | %s | %.2f | %.2f | %.2f | %d | %s MiB |\n' "$label" "${opts:-default}" "$best" "$conv" "$cpu" "$((rss / 1024))" "$size"
}

IN_MB=$(du -b "$TMP/synthetic.h5" | awk '{printf "%.1f", $1/1048576}')
ROWS=$(
  measure "ResNet resnet.h5 (3.8 MB, 274,691 params) -> tfjs" "" "$RESNET" "$TMP/out"
  measure "ResNet resnet.h5 -> tfjs" "-Xmx48m" "$RESNET" "$TMP/out"
  measure "ResNet resnet.h5 -> tfjs, --quantize_uint8" "" --quantize_uint8 "$RESNET" "$TMP/out"
  measure "synthetic.h5 ($IN_MB MiB, $SYN_LAYERS) -> tfjs" "" "$TMP/synthetic.h5" "$TMP/out"
  measure "synthetic.h5 -> tfjs" "-Xmx48m" "$TMP/synthetic.h5" "$TMP/out"
  measure "synthetic.h5 -> tfjs, --quantize_uint8" "-Xmx160m" --quantize_uint8 "$TMP/synthetic.h5" "$TMP/out"
)
CPU=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
JAVA=$(java -version 2>&1 | sed -n 1p)
SECTION=$(cat <<MD
<!-- bench:converter -->
## Converter: samovar-convert (issue: converter-cli)

Measured $(date -u +%Y-%m-%d) by \`bin/samovar bench converter\` on $CPU, $(nproc) cores (shared with other jobs, so
times vary by run), $JAVA. Each row is one \`java [opts] -jar converter-cli/target/samovar-convert.jar IN OUT\` process:
the best wall time of $RUNS runs (JVM start included), the conversion time the command reports for that run ("done in",
without JVM start), the CPU time of the process (user + system, all threads, JVM start and JIT included; steadier than
wall time on a busy machine: load average $(cut -d' ' -f1 /proc/loadavg) when this ran), and the peak resident memory of that
run (\`/usr/bin/time\` max RSS). The synthetic model is written by
\`converter-cli/bench/SyntheticModel.java\` (seeded random weights, Dense 2048 stack). Weights stream from the HDF5 file into
the shards in 1 MiB pieces: the rows with a small \`-Xmx\` convert a model several times larger than the heap. Quantization
holds one weight (at most 16 MiB here) at a time.

| conversion | JVM heap | wall (s) | converting (s) | CPU (s) | peak RSS (MiB) | output |
|---|---|---:|---:|---:|---:|---:|
$ROWS

Rerun: \`bin/samovar bench converter\` (writes this section).
<!-- /bench:converter -->
MD
)
python3 - "$SECTION" <<'PY'
import re, sys
section = sys.argv[1]
text = open("BENCHMARKS.md").read()
pattern = re.compile(r"<!-- bench:converter -->.*?<!-- /bench:converter -->", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section + "\n"
open("BENCHMARKS.md", "w").write(text)
PY
echo "$SECTION"
